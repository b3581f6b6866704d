import { randomUUID } from 'node:crypto'
import type { OperationInput } from '../../../src/shared/contract/client'
import type { CalendarDate, PersonRole, Purpose } from '../../../src/shared/domain'
import { EmploymentEntity } from '../../../src/main/vault/entities/Employment'
import { type Person, PersonEntity } from '../../../src/main/vault/entities/Person'
import { PersonPurposeEntity, PersonRoleEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { ADMIN, newTestApp } from '../../support/testApp'
import { personRow } from '../retention/personFixture'
import { sealedRow } from '../../support/sealedRows'

export type TestApp = Awaited<ReturnType<typeof newTestApp>>

/** The test clock's date (testApp starts at 2026-11-27T10:00Z). */
export const TODAY = '2026-11-27'

export interface PersonSpec {
  givenName?: string
  familyName?: string
  roles?: PersonRole[]
  purposes?: Purpose[]
  /** employment periods; a flex worker by default, so health data is allowed (R-3a) */
  employments?: { start: CalendarDate; end: CalendarDate | null }[]
  state?: Person['state']
}

/**
 * Builds a person straight into the vault with the entities' repositories, so these tests do not
 * depend on the people service: the retention fixtures' row (`personRow`) with a contact address,
 * the statement shown, and the requested state. Synthetic data only.
 */
export async function insertPerson(t: Pick<TestApp, 'app' | 'clock'>, spec: PersonSpec = {}): Promise<string> {
  const id = randomUUID()
  const at = t.clock.now().toISOString()
  const givenName = spec.givenName ?? 'Testa'
  const familyName = spec.familyName ?? `Persoon-${id.slice(0, 6)}`
  const row = personRow(id, {
    givenName,
    familyName,
    city: 'Breda',
    email: `${id.slice(0, 8)}@example.nl`,
    statementVersion: '2025-01',
    statementShownOn: '2026-01-05',
    state: spec.state ?? 'active',
    shieldedOn: spec.state && spec.state !== 'active' ? '2026-06-01' : null,
    createdAt: at,
    updatedAt: at
  })
  const employments = spec.employments ?? [{ start: '2026-02-02', end: null }]
  const purposes = spec.purposes ?? ['temping', 'personnel', 'payroll']
  await t.app.write(async ({ manager: m }) => {
    await m.getRepository(PersonEntity).insert(sealedRow(m, 'person', id, row))
    await m.getRepository(PersonRoleEntity).insert((spec.roles ?? ['flexworker']).map((role) => ({ personId: id, role })))
    await m.getRepository(PersonPurposeEntity).insert(purposes.map((purpose) => ({ personId: id, purpose, legalBasis: 'contract' })))
    if (employments.length > 0) {
      await m.getRepository(EmploymentEntity).insert(employments.map((e) => ({ id: randomUUID(), personId: id, start: e.start, end: e.end, kind: 'uitzenden' as const, clientId: null })))
    }
  })
  return id
}

type ConsentInput = Extract<OperationInput<'recordConsent'>, { basis: 'consent' }>

/** A consent input as the consent tab sends it. */
/**
 * A consent input as the consent tab sends it: religion (dietary wishes) for personnel management,
 * a ground that fits an employee (R-4a; consent is never a ground for an employee's health data).
 */
export function specialConsent(personId: string, overrides: Partial<ConsentInput> = {}): ConsentInput {
  return {
    personId,
    category: 'religion',
    purpose: 'personnel',
    basis: 'consent',
    givenOn: TODAY,
    how: 'signed-form',
    wording: 'Ik geef toestemming om mijn dieetwensen vast te leggen voor de bedrijfskantine.',
    statementVersion: '2025-01',
    ...overrides
  }
}

/**
 * A special-data row written straight into the vault, as data saved before the grounds policy
 * (R-4a) existed: the services would refuse it today. `consentId` is the ground it rests on.
 */
export async function insertLegacySpecialData(
  t: Pick<TestApp, 'sql' | 'clock'>,
  row: { personId: string; consentId: string; category: string; purpose: string; value: string }
): Promise<string> {
  const id = randomUUID()
  await t.sql(
    'INSERT INTO "special_data" ("id", "personId", "consentId", "category", "purpose", "value", "createdAt", "createdBy") VALUES (:id, :personId, :consentId, :category, :purpose, :value, :createdAt, NULL)',
    { id, ...row, createdAt: t.clock.now().toISOString() }
  )
  return id
}

/**
 * A ground written straight into the vault, as one recorded before the grounds policy (R-4a)
 * existed (e.g. religion under `uavg-30-absence`).
 */
export async function insertLegacyGround(
  t: Pick<TestApp, 'sql' | 'clock'>,
  g: { personId: string; category: string; purpose: string; basis: 'consent' | 'legal-basis'; legalBasisKey?: string; givenOn?: string }
): Promise<string> {
  const id = randomUUID()
  const consent = g.basis === 'consent'
  await t.sql(
    'INSERT INTO "consent" ("id", "personId", "category", "purpose", "basis", "legalBasisKey", "givenOn", "how", "wording", "statementVersion", "endsOn", "recordedBy", "recordedAt", "withdrawnOn", "withdrawnBy", "expiredPurgedOn") ' +
      'VALUES (:id, :personId, :category, :purpose, :basis, :legalBasisKey, :givenOn, :how, :wording, :statementVersion, NULL, NULL, :recordedAt, NULL, NULL, NULL)',
    {
      id,
      personId: g.personId,
      category: g.category,
      purpose: g.purpose,
      basis: g.basis,
      legalBasisKey: g.legalBasisKey ?? null,
      givenOn: g.givenOn ?? '2026-03-01',
      how: consent ? 'signed-form' : null,
      wording: consent ? 'Oude toestemming' : null,
      statementVersion: consent ? '2025-01' : null,
      recordedAt: t.clock.now().toISOString()
    }
  )
  return id
}

/** Rows in a table, counted with SQL straight on what is stored (not through any service), on either engine. */
export function countRows(t: Pick<TestApp, 'sqlCount'>, table: 'special_data' | 'consent' | 'absence' | 'legal_basis', personId?: string): Promise<number> {
  return personId === undefined || table === 'legal_basis'
    ? t.sqlCount(`SELECT count(*) AS "n" FROM "${table}"`)
    : t.sqlCount(`SELECT count(*) AS "n" FROM "${table}" WHERE "personId" = :personId`, { personId })
}

/** Audit actions written for a subject, oldest first (what is stored, whoever is signed in). */
export async function auditActions(t: Pick<TestApp, 'sql'>, subjectId?: string): Promise<string[]> {
  const entries = subjectId
    ? await t.sql<{ action: string }>('SELECT "action" FROM "audit_entry" WHERE "subjectId" = :subjectId ORDER BY "seq"', { subjectId })
    : await t.sql<{ action: string }>('SELECT "action" FROM "audit_entry" ORDER BY "seq"')
  return entries.map((e) => e.action)
}

/** Adds an account with the given roles and signs in as it (the admin is signed out). */
export async function signInAs(t: TestApp, username: string, roles: ('staff' | 'privacy_officer' | 'admin')[]): Promise<void> {
  const passphrase = `${username} passphrase long enough`
  if (t.app.currentSession?.username !== ADMIN.username) await t.app.signIn(ADMIN.username, ADMIN.passphrase)
  const existing = await t.call('listAccounts')
  if (!existing.some((a) => a.username === username)) await t.call('addAccount', { username, displayName: username, roles, passphrase })
  await t.app.signIn(username, passphrase)
}

export async function signInAsAdmin(t: TestApp): Promise<void> {
  await t.app.signIn(ADMIN.username, ADMIN.passphrase)
}
