import { randomUUID } from 'node:crypto'
import type { OperationInput } from '../../../src/shared/contract/client'
import type { CalendarDate, PersonRole, Purpose } from '../../../src/shared/domain'
import { EmploymentEntity } from '../../../src/main/vault/entities/Employment'
import { type Person, PersonEntity } from '../../../src/main/vault/entities/Person'
import { PersonPurposeEntity, PersonRoleEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { ADMIN, newTestApp } from '../../support/testApp'
import { personRow } from '../retention/personFixture'

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
    await m.getRepository(PersonEntity).insert(row)
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
  t: Pick<TestApp, 'app' | 'clock'>,
  row: { personId: string; consentId: string; category: string; purpose: string; value: string }
): Promise<string> {
  const id = randomUUID()
  t.app.vault.db
    .prepare('INSERT INTO special_data (id, personId, consentId, category, purpose, value, createdAt, createdBy) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)')
    .run(id, row.personId, row.consentId, row.category, row.purpose, row.value, t.clock.now().toISOString())
  return id
}

/**
 * A ground written straight into the vault, as one recorded before the grounds policy (R-4a)
 * existed (e.g. religion under `uavg-30-absence`).
 */
export async function insertLegacyGround(
  t: Pick<TestApp, 'app' | 'clock'>,
  g: { personId: string; category: string; purpose: string; basis: 'consent' | 'legal-basis'; legalBasisKey?: string; givenOn?: string }
): Promise<string> {
  const id = randomUUID()
  t.app.vault.db
    .prepare(
      'INSERT INTO consent (id, personId, category, purpose, basis, legalBasisKey, givenOn, how, wording, statementVersion, endsOn, recordedBy, recordedAt, withdrawnOn, withdrawnBy, expiredPurgedOn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, NULL)'
    )
    .run(
      id,
      g.personId,
      g.category,
      g.purpose,
      g.basis,
      g.legalBasisKey ?? null,
      g.givenOn ?? '2026-03-01',
      g.basis === 'consent' ? 'signed-form' : null,
      g.basis === 'consent' ? 'Oude toestemming' : null,
      g.basis === 'consent' ? '2025-01' : null,
      t.clock.now().toISOString()
    )
  return id
}

/** Rows in a table, counted with SQL straight on the vault (not through any service). */
export function countRows(t: TestApp, table: 'special_data' | 'consent' | 'absence' | 'legal_basis', personId?: string): number {
  const sql = personId === undefined || table === 'legal_basis' ? `SELECT count(*) AS n FROM ${table}` : `SELECT count(*) AS n FROM ${table} WHERE personId = ?`
  const stmt = t.app.vault.db.prepare(sql)
  const row = (personId === undefined || table === 'legal_basis' ? stmt.get() : stmt.get(personId)) as { n: number }
  return row.n
}

/** Audit actions written for a subject, oldest first. */
export async function auditActions(t: TestApp, subjectId?: string): Promise<string[]> {
  const entries = await t.app.audit.list(t.app.vault.dataSource.manager, subjectId ? { subjectId } : {})
  return entries.reverse().map((e) => e.action)
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
