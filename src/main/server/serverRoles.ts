import { STAFF_ROLES, type StaffRole } from '../../shared/vocabulary/staffRoles'

/**
 * Issue 17 point 2: on the office server the database enforces the roles too, so a staff member
 * with a SQL client of their own gets what the app would show them and no more. Each account logs
 * in as its own PostgreSQL role, a member of the group role of each Dossier role it holds:
 *
 * - Special-category data as the app has it: a special-data value (sealed on the desk to the
 *   restricted key besides) is readable by the privacy officer's group only; staff record and
 *   withdraw it and see which rows exist (the consent screen's counts), never the `value` column;
 *   absence periods (the contract's desk roles record and list them) for staff and privacy
 *   officers. Administrators get neither, as an administrator-only account in the app. A
 *   person's deletion still removes both for anyone: PostgreSQL runs a cascade as the table's owner.
 * - Staff see active records only: row-level security on `person`, and on every table of a
 *   person's data through its person (a shielded or legal-hold record's rows are as invisible as
 *   the record). The privacy officer and the administrator see every row.
 * - The audit trail is insert-only for every application role. Staff cannot read its history;
 *   the head of the chain, which each append links to, comes from `dossier_audit_head()` (runs as
 *   the owner, returns the last entry's number and hash only). No application role may update,
 *   delete or truncate it. The one change there is, R-19a's — a person's free-text reasons set to
 *   NULL when their data goes (the digests stay in the chain) — is `dossier_forget_audit_reasons`,
 *   run as the owner; a trigger refuses every other change, the owner's own included.
 *
 * Statements for the owner of the schema (the role that ran the migrations), idempotent: run at
 * `server init` after the migrations, and again after a later migration adds a table.
 */

/** The PostgreSQL group role of each Dossier role. */
export const GROUP_ROLES: Readonly<Record<StaffRole, string>> = {
  staff: 'dossier_staff',
  privacy_officer: 'dossier_privacy_officer',
  admin: 'dossier_admin'
}

/** Special-category data (see `serverRoleStatements`). */
export const SPECIAL_TABLES = ['special_data', 'absence'] as const
/** What a staff login may read of a special-data row: that it exists, never its value. */
const SPECIAL_DATA_VISIBLE = ['id', 'personId', 'consentId', 'category', 'purpose', 'createdAt', 'createdBy']

/** Tables of a person's data, by the column naming the person (row-level security follows the person). */
const PERSON_DATA: Readonly<Record<string, string>> = {
  person_role: 'personId',
  person_purpose: 'personId',
  employment: 'personId',
  recruitment_procedure: 'personId',
  attachment: 'personId',
  field_change: 'personId',
  disclosure: 'personId',
  consent: 'personId',
  special_data: 'personId',
  absence: 'personId',
  inform_task: 'personId',
  processing_limit: 'personId',
  processing_consent: 'personId',
  breach_person: 'personId',
  subject_request: 'personId',
  erasure_approval: 'personId',
  tombstone: 'personId'
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`
const ALL_GROUPS = STAFF_ROLES.map((r) => GROUP_ROLES[r])
const OFFICERS = [GROUP_ROLES.privacy_officer, GROUP_ROLES.admin]
const staff0 = () => q(GROUP_ROLES.staff)
/** SQL: the session's login was granted one of `groups` (directly: Dossier logins are members of their groups). */
const grantedMember = (groups: readonly string[]) =>
  `EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = session_user AND g.rolname IN (${groups.map((g) => `'${g}'`).join(', ')}))`

/** The statements that set up the group roles, grants and policies over the migrated `tables`. */
export function serverRoleStatements(tables: readonly string[]): string[] {
  const out: string[] = []
  for (const group of ALL_GROUPS) {
    out.push(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${group}') THEN CREATE ROLE ${q(group)} NOLOGIN; END IF; END $$`)
  }
  const everyone = ALL_GROUPS.map(q).join(', ')
  const officers = OFFICERS.map(q).join(', ')
  out.push(`REVOKE ALL ON SCHEMA public FROM PUBLIC`, `GRANT USAGE ON SCHEMA public TO ${everyone}`)
  // Group roles and logins belong to the whole cluster: this office's database admits only the
  // logins this office made (serverLogins.ts grants CONNECT one by one), never another office's.
  out.push(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$`)
  for (const table of tables) {
    out.push(`REVOKE ALL ON ${q(table)} FROM PUBLIC, ${everyone}`)
    if (table === 'audit_entry') continue
    // TypeORM's own record of the migrations run: read at every connect, written by the owner only.
    if (table === 'migrations') {
      out.push(`GRANT SELECT ON ${q(table)} TO ${everyone}`)
      continue
    }
    // Accounts: everyone reads (names in the trail, sign-in); only administrators change them (a
    // staff login with a SQL client cannot give itself a role).
    if (table === 'account') {
      out.push(`GRANT SELECT ON ${q(table)} TO ${everyone}`, `GRANT INSERT, UPDATE, DELETE ON ${q(table)} TO ${q(GROUP_ROLES.admin)}`)
      continue
    }
    // Special-category data: as the app has it (the contract's DESK roles record and withdraw it;
    // only the privacy officer views a value). Administrators get none: an administrator-only
    // account may not view special data in the app, so neither with a SQL client.
    if (table === 'special_data') {
      out.push(
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ${q(table)} TO ${q(GROUP_ROLES.privacy_officer)}`,
        // Staff record and withdraw: they see which rows exist (what the consent screen counts), never a value.
        `GRANT SELECT (${SPECIAL_DATA_VISIBLE.map(q).join(', ')}), INSERT, UPDATE, DELETE ON ${q(table)} TO ${q(GROUP_ROLES.staff)}`
      )
      continue
    }
    if (table === 'absence') {
      out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${q(table)} TO ${[GROUP_ROLES.staff, GROUP_ROLES.privacy_officer].map(q).join(', ')}`)
      continue
    }
    // The retention policy and the sweep's record: the privacy officer's (policy changes, the
    // office's sweep runs on a privacy officer's desk only); read by all, never rewritten.
    if (table === 'retention_policy') {
      out.push(`GRANT SELECT ON ${q(table)} TO ${everyone}`, `GRANT INSERT ON ${q(table)} TO ${q(GROUP_ROLES.privacy_officer)}`)
      continue
    }
    if (table === 'retention_run') {
      out.push(`GRANT SELECT ON ${q(table)} TO ${everyone}`, `GRANT INSERT, UPDATE ON ${q(table)} TO ${q(GROUP_ROLES.privacy_officer)}`)
      continue
    }
    out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${q(table)} TO ${everyone}`)
  }
  // Settings: staff write only their own bookkeeping (the access reports' counter); the office's
  // settings and the retention bookkeeping are the administrator's and the privacy officer's.
  if (tables.includes('setting')) {
    const staffMay = `"key" <> 'settings' AND "key" NOT LIKE 'retention.%' AND "key" NOT LIKE 'secret.%'`
    out.push(
      `ALTER TABLE "setting" ENABLE ROW LEVEL SECURITY`,
      `DROP POLICY IF EXISTS "dossier_staff_read" ON "setting"`,
      `CREATE POLICY "dossier_staff_read" ON "setting" FOR SELECT TO ${staff0()} USING (true)`,
      `DROP POLICY IF EXISTS "dossier_staff_write" ON "setting"`,
      `CREATE POLICY "dossier_staff_write" ON "setting" FOR INSERT TO ${staff0()} WITH CHECK (${staffMay})`,
      `DROP POLICY IF EXISTS "dossier_staff_change" ON "setting"`,
      `CREATE POLICY "dossier_staff_change" ON "setting" FOR UPDATE TO ${staff0()} USING (${staffMay}) WITH CHECK (${staffMay})`,
      `DROP POLICY IF EXISTS "dossier_staff_remove" ON "setting"`,
      `CREATE POLICY "dossier_staff_remove" ON "setting" FOR DELETE TO ${staff0()} USING (${staffMay})`,
      `DROP POLICY IF EXISTS "dossier_officer_rows" ON "setting"`,
      `CREATE POLICY "dossier_officer_rows" ON "setting" TO ${officers} USING (true) WITH CHECK (true)`
    )
  }

  // Staff see active records and their data only; the officers see everything.
  const staff = q(GROUP_ROLES.staff)
  const policies: [string, string][] = [['person', `"state" = 'active'`]]
  for (const [table, column] of Object.entries(PERSON_DATA)) {
    if (!tables.includes(table)) continue
    const owned = `EXISTS (SELECT 1 FROM "person" p WHERE p."id" = ${q(table)}.${q(column)})`
    policies.push([table, table === 'subject_request' ? `${q(column)} IS NULL OR ${owned}` : owned])
  }
  if (tables.includes('attachment_content')) policies.push(['attachment_content', `EXISTS (SELECT 1 FROM "attachment" a WHERE a."id" = "attachment_content"."attachmentId")`])
  for (const [table, visible] of policies) {
    out.push(
      `ALTER TABLE ${q(table)} ENABLE ROW LEVEL SECURITY`,
      `DROP POLICY IF EXISTS "dossier_staff_rows" ON ${q(table)}`,
      `CREATE POLICY "dossier_staff_rows" ON ${q(table)} TO ${staff} USING (${visible}) WITH CHECK (${visible})`,
      `DROP POLICY IF EXISTS "dossier_officer_rows" ON ${q(table)}`,
      `CREATE POLICY "dossier_officer_rows" ON ${q(table)} TO ${officers} USING (true) WITH CHECK (true)`
    )
  }

  // The audit trail: appended by all, read by the officers, the head for all, reasons forgettable.
  out.push(
    `GRANT INSERT ON "audit_entry" TO ${everyone}`,
    `GRANT SELECT ON "audit_entry" TO ${officers}`,
    `CREATE OR REPLACE FUNCTION "dossier_audit_head"() RETURNS TABLE ("seq" integer, "hash" varchar) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT "seq", "hash" FROM "audit_entry" ORDER BY "seq" DESC LIMIT 1 $$`,
    `REVOKE ALL ON FUNCTION "dossier_audit_head"() FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION "dossier_audit_head"() TO ${everyone}`,
    `CREATE OR REPLACE FUNCTION "dossier_forget_audit_reasons"("person" varchar) RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$ ` +
      // Only for a person whose data went: deleted (a tombstone, no record) or reduced to the legal hold.
      `WITH "forgotten" AS (UPDATE "audit_entry" SET "reason" = NULL WHERE "subjectId" = "person" AND "reason" IS NOT NULL AND "reasonDigest" IS NOT NULL ` +
      `AND (EXISTS (SELECT 1 FROM "person" p WHERE p."id" = "person" AND p."state" = 'legal-hold') OR (NOT EXISTS (SELECT 1 FROM "person" p WHERE p."id" = "person") AND EXISTS (SELECT 1 FROM "tombstone" t WHERE t."personId" = "person"))) ` +
      `RETURNING 1) SELECT count(*)::integer FROM "forgotten" $$`,
    `REVOKE ALL ON FUNCTION "dossier_forget_audit_reasons"(varchar) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION "dossier_forget_audit_reasons"(varchar) TO ${everyone}`,
    `CREATE OR REPLACE FUNCTION "dossier_audit_guard"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ` +
      `IF TG_OP <> 'UPDATE' OR NEW."reason" IS NOT NULL OR (to_jsonb(NEW) - 'reason') <> (to_jsonb(OLD) - 'reason') ` +
      `THEN RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = '42501'; END IF; RETURN NEW; END $$`,
    // An entry names its writer: a login appends in its own account's name only (the system's
    // runs, with no actor, on a privacy officer's desk); the owner (server init, import) is not a
    // Dossier login and is not asked.
    // Membership as granted (pg_has_role counts a superuser as a member of every role).
    `CREATE OR REPLACE FUNCTION "dossier_audit_actor"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$ BEGIN ` +
      `IF NOT ${grantedMember(ALL_GROUPS)} THEN RETURN NEW; END IF; ` +
      `IF NEW."actorId" IS NULL AND ${grantedMember([GROUP_ROLES.privacy_officer])} THEN RETURN NEW; END IF; ` +
      `IF NEW."actorId" IS NOT NULL AND EXISTS (SELECT 1 FROM "account" a WHERE a."id" = NEW."actorId" AND a."username" = session_user::text) THEN RETURN NEW; END IF; ` +
      `RAISE EXCEPTION 'an audit entry names its own writer' USING ERRCODE = '42501'; END $$`,
    `DROP TRIGGER IF EXISTS "dossier_audit_actor" ON "audit_entry"`,
    `CREATE TRIGGER "dossier_audit_actor" BEFORE INSERT ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "dossier_audit_actor"()`,
    `DROP TRIGGER IF EXISTS "dossier_audit_guard" ON "audit_entry"`,
    `CREATE TRIGGER "dossier_audit_guard" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "dossier_audit_guard"()`
  )
  return out
}
