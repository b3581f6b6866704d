import type { DataSource } from 'typeorm'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'
import { STAFF_ROLES, type StaffRole } from '../../shared/vocabulary/staffRoles'
import { passphraseProblem } from '../../shared/validation/passphrase'
import { addOfficeKeySlot, type OfficeKeys } from './officeKeyring'
import { scramSha256Verifier } from './scramVerifier'
import { GROUP_ROLES } from './serverRoles'
import type { EntityManager } from 'typeorm'

/** A login's name: what PostgreSQL takes without surprises (lower case, no quotes, ≤ 63 bytes). */
const loginName = z.string().regex(/^[a-z][a-z0-9_.-]{0,62}$/)

/** A new login's name, passphrase and roles, checked before anything is made (VALIDATION_FAILED, PASSPHRASE_TOO_SHORT). */
export function checkedLogin(input: { name: string; roles: readonly StaffRole[]; passphrase: string }): { roles: StaffRole[]; groups: string[] } {
  if (!loginName.safeParse(input.name).success) {
    throw new DossierError('VALIDATION_FAILED', 'A login name is lower-case letters, digits, "_", "." or "-", starting with a letter.', { issues: [{ path: 'name', key: 'validation.option' }] })
  }
  const problem = passphraseProblem(input.passphrase)
  if (problem) throw new DossierError('PASSPHRASE_TOO_SHORT', 'The passphrase is too weak.', { issues: [{ path: 'passphrase', key: problem }] })
  const roles = z.array(z.enum(STAFF_ROLES)).min(1).safeParse(input.roles)
  if (!roles.success) throw new DossierError('VALIDATION_FAILED', 'A login needs one or more of the roles staff, privacy_officer, admin.', { issues: [{ path: 'roles', key: 'validation.option' }] })
  const unique = [...new Set(roles.data)]
  return { roles: unique, groups: unique.map((r) => GROUP_ROLES[r]) }
}

/**
 * Issue 17 point 2: a staff account's own PostgreSQL login, a member of the group role of each of
 * its Dossier roles (`serverRoles.ts`: what the group may read and write). The passphrase reaches
 * the server only as a SCRAM verifier (`scramVerifier.ts`). Run as the schema's owner (or a role
 * with CREATEROLE). An existing login is refused (ACCOUNT_EXISTS), never changed.
 *
 * With `granter` (an administrator's office keys, officeKeyring.ts) the account also gets its key
 * slot for the same passphrase, in the same transaction: the login and the slot land together or
 * not at all. A privacy officer's or administrator's slot is granted the restricted key.
 */
export async function addServerLogin(dataSource: DataSource, input: { name: string; roles: readonly StaffRole[]; passphrase: string; granter?: OfficeKeys; kdfN?: number }): Promise<{ login: string; groups: string[]; keySlot: boolean }> {
  const { roles, groups } = checkedLogin(input)
  // The verifier is base64 and punctuation only, the name and groups checked above: safe to inline
  // (CREATE ROLE takes no bound parameters).
  const verifier = scramSha256Verifier(input.passphrase)
  const granter = input.granter
  try {
    await dataSource.transaction(async (m) => {
      await m.query(`CREATE ROLE "${input.name}" LOGIN PASSWORD '${verifier}' IN ROLE ${groups.map((g) => `"${g}"`).join(', ')}`)
      await registerOfficeLogin(m, input.name)
      if (granter) {
        const restricted = roles.some((r) => r !== 'staff')
        await addOfficeKeySlot(m, granter, { accountName: input.name, passphrase: input.passphrase, restricted }, input.kdfN)
      }
    })
  } catch (e) {
    if ((e as { code?: string }).code === '42710') throw new DossierError('ACCOUNT_EXISTS', 'This login exists already.')
    throw e
  }
  return { login: input.name, groups, keySlot: granter !== undefined }
}

const groupList = Object.values(GROUP_ROLES)
  .map((g) => `'${g}'`)
  .join(', ')

/**
 * A Dossier login as the functions below may touch it: a member of a Dossier group, and nothing
 * more powerful (no superuser, no CREATEROLE, no BYPASSRLS, not a group itself). An administrator
 * can so never reset the owner's password or a role of the server's own.
 */
const IS_DOSSIER_LOGIN = `EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login AND NOT r.rolsuper AND NOT r.rolcreaterole AND NOT r.rolbypassrls
  AND r.rolname NOT IN (${groupList}) AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND g.rolname IN (${groupList})))`

/**
 * Issue 17 point 2, from the app: an administrator's desk adds and disables staff logins. The
 * administrators' group gets no CREATEROLE (with it a login could alter any role, the owner's
 * included); it may run two functions of the owner's (SECURITY DEFINER, so the owner needs
 * CREATEROLE) that touch Dossier logins only:
 * - `dossier_put_login(login, verifier, groups)`: a new login, or an existing Dossier login's new
 *   passphrase (a SCRAM verifier made on the desk) and groups; it may sign in again;
 * - `dossier_disable_login(login)`: NOLOGIN, its sessions ended.
 * Idempotent statements for the owner (`server init`).
 */
export function serverLoginStatements(): string[] {
  const admin = `"${GROUP_ROLES.admin}"`
  return [
    // The logins this office made: the only ones its administrators may change, the only ones its database admits.
    `CREATE TABLE IF NOT EXISTS "office_login" ("login" varchar(63) PRIMARY KEY)`,
    `REVOKE ALL ON "office_login" FROM PUBLIC`,
    `CREATE OR REPLACE FUNCTION "dossier_put_login"(p_login text, p_verifier text, p_groups text[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE g text;
BEGIN
  IF p_login !~ '^[a-z][a-z0-9_.-]{0,62}$' OR p_verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$'
     OR cardinality(p_groups) = 0 OR NOT (p_groups <@ ARRAY[${groupList}]::text[]) THEN
    RAISE EXCEPTION 'not a Dossier login' USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    IF NOT ${IS_DOSSIER_LOGIN} THEN RAISE EXCEPTION 'not a Dossier login' USING ERRCODE = '42501'; END IF;
    -- Another office's login (logins belong to the whole cluster): never taken over.
    IF NOT EXISTS (SELECT 1 FROM "office_login" o WHERE o."login" = p_login) THEN RAISE EXCEPTION 'another office''s login' USING ERRCODE = '42710'; END IF;
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_login, p_verifier);
    FOREACH g IN ARRAY ARRAY[${groupList}]::text[] LOOP
      IF NOT g = ANY (p_groups) THEN EXECUTE format('REVOKE %I FROM %I', g, p_login); END IF;
    END LOOP;
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_verifier);
    -- Already this office's after a restore onto a new server (its logins are the old cluster's).
    INSERT INTO "office_login" ("login") VALUES (p_login) ON CONFLICT ("login") DO NOTHING;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_login);
  FOREACH g IN ARRAY p_groups LOOP EXECUTE format('GRANT %I TO %I', g, p_login); END LOOP;
END $$`,
    `CREATE OR REPLACE FUNCTION "dossier_disable_login"(p_login text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  IF NOT ${IS_DOSSIER_LOGIN} OR NOT EXISTS (SELECT 1 FROM "office_login" o WHERE o."login" = p_login) THEN RAISE EXCEPTION 'not this office''s login' USING ERRCODE = '42501'; END IF;
  EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
  PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.usename = p_login AND a.pid <> pg_backend_pid();
END $$`,
    `REVOKE ALL ON FUNCTION "dossier_put_login"(text, text, text[]), "dossier_disable_login"(text) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION "dossier_put_login"(text, text, text[]), "dossier_disable_login"(text) TO ${admin}`
  ]
}

/** An administrator's desk: the account's login made, or its passphrase and groups set (see `serverLoginStatements`). */
export async function putLogin(m: EntityManager, input: { name: string; passphrase: string; roles: readonly StaffRole[] }): Promise<void> {
  if (!loginName.safeParse(input.name).success) {
    throw new DossierError('VALIDATION_FAILED', 'A login name is lower-case letters, digits, "_", "." or "-", starting with a letter.', { issues: [{ path: 'username', key: 'validation.accountName.invalid' }] })
  }
  const groups = [...new Set(input.roles)].map((r) => GROUP_ROLES[r])
  try {
    await m.query(`SELECT "dossier_put_login"($1, $2, $3::text[])`, [input.name, scramSha256Verifier(input.passphrase), groups])
  } catch (e) {
    if ((e as { code?: string }).code === '42710') throw new DossierError('ACCOUNT_EXISTS', 'This name is a login of the server already.')
    throw e
  }
}

/** An administrator's desk: the account's login may no longer sign in. */
export async function disableLogin(m: EntityManager, name: string): Promise<void> {
  await m.query(`SELECT "dossier_disable_login"($1)`, [name])
}

/** The signed-in login's own new passphrase (PostgreSQL lets every role set its own), as a verifier. */
export async function setOwnLoginPassphrase(m: EntityManager, passphrase: string): Promise<void> {
  // ALTER ROLE takes no bound parameters; the verifier is base64 and punctuation only.
  await m.query(`ALTER ROLE CURRENT_USER PASSWORD '${scramSha256Verifier(passphrase)}'`)
}

/** A login the owner made directly (`server add-login` without keys): this office's, admitted to its database. */
async function registerOfficeLogin(m: EntityManager, name: string): Promise<void> {
  await m.query(`INSERT INTO "office_login" ("login") VALUES ($1) ON CONFLICT DO NOTHING`, [name])
  await m.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${name}'); END $$`)
}
