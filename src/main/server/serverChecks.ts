import { GROUP_ROLES } from './serverRoles'

/**
 * Issue 17 point 4: the checks an intake makes before it writes hold across desks and roles. A
 * staff login sees active records only (row-level security, serverRoles.ts), yet a new record must
 * not duplicate a shielded one, nor take a reference a shielded record holds: as on a local vault,
 * the desk learns THAT a record matches (its id and state, which the app shows as "a record exists,
 * shielded"), never its content. Two functions of the owner's (SECURITY DEFINER) answer exactly
 * that; they run inside the desk's write transaction, after the office's write lock
 * (vault/writeLock.ts), so no other desk's save slips in between the check and the insert, and
 * the unique index on the reference stays the last word.
 *
 * Idempotent statements for the owner (`server init`).
 */
const FUNCTIONS = ['"dossier_person_match"(text, text, text, text, text)', '"dossier_ref_taken"(text, text)', '"dossier_person_state"(text)', '"dossier_access_reports"(text)', '"dossier_person_created_by"(text)'].join(', ')

export function serverCheckStatements(): string[] {
  const everyone = Object.values(GROUP_ROLES)
    .map((g) => `"${g}"`)
    .join(', ')
  return [
    `CREATE OR REPLACE FUNCTION "dossier_person_match"(p_email text, p_phone text, p_birth text, p_family text, p_except text)
  RETURNS TABLE ("id" varchar, "state" varchar) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT p."id"::varchar, p."state"::varchar FROM "person" p
  WHERE (p."email" = p_email OR p."phone" = p_phone OR (p."birthDate" = p_birth AND p."searchFamily" = p_family))
    AND (p_except IS NULL OR p."id" <> p_except)
  ORDER BY p."createdAt" ASC LIMIT 1 $$`,
    `CREATE OR REPLACE FUNCTION "dossier_ref_taken"(p_ref text, p_except text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT EXISTS (SELECT 1 FROM "person" p WHERE p."ref" = p_ref AND (p_except IS NULL OR p."id" <> p_except)) $$`,
    // R-14 as in the app: staff asking for a record that is not active learn that it is shielded (RETENTION_SHIELDED), not its content.
    `CREATE OR REPLACE FUNCTION "dossier_person_state"(p_id text) RETURNS varchar LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT p."state"::varchar FROM "person" p WHERE p."id" = p_id $$`,
    // R-18a: one reference per access request, found in the trail whose history staff may not read: that person's access reports only.
    `CREATE OR REPLACE FUNCTION "dossier_access_reports"(p_person text) RETURNS TABLE ("reason" text, "at" varchar) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT a."reason"::text, a."at"::varchar FROM "audit_entry" a WHERE a."action" = 'report.access' AND a."subjectId" = p_person ORDER BY a."seq" DESC $$`,
    // Who registered a person (the detail's "created by"): that entry's writer only.
    `CREATE OR REPLACE FUNCTION "dossier_person_created_by"(p_person text) RETURNS varchar LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT a."actorId"::varchar FROM "audit_entry" a WHERE a."action" = 'person.create' AND a."subjectId" = p_person ORDER BY a."seq" ASC LIMIT 1 $$`,
    `REVOKE ALL ON FUNCTION ${FUNCTIONS} FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION ${FUNCTIONS} TO ${everyone}`
  ]
}
