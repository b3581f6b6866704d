import type { OperationInput } from '../../../src/shared/contract/client'
import type { PersonDetail } from '../../../src/shared/contract/people'
import { newTestApp } from '../../support/testApp'
import { openedRow } from '../../support/sealedRows'

export type TestApp = Awaited<ReturnType<typeof newTestApp>>

/** The test clock's date (testApp starts at 2026-11-27T10:00Z). */
export const TODAY = '2026-11-27'

export type PersonInput = OperationInput<'createPerson'>

/** A walk-in candidate with every intake field filled in, as a form sends it. */
export function fullIntake(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    ref: 'K-1001',
    givenName: 'Zoë',
    familyName: 'van den Berg',
    birthDate: '1994-03-12',
    gender: 'female',
    address: { street: 'Voorbeeldstraat', houseNumber: '12a', postcode: '1234ab', city: 'Utrecht' },
    email: ' Zoe.vandenBerg@Example.NL ',
    phone: '06-1234 5678',
    otherContact: 'Bereikbaar via LinkedIn-bericht',
    education: 'mbo 4 Logistiek',
    internships: 'Stage magazijn 2014',
    workExperience: 'Vijf jaar orderpicker',
    availability: 'Maandag tot en met vrijdag overdag',
    deployability: 'Heftruckcertificaat',
    leave: 'Vakantie in week 30',
    particulars: 'Eigen vervoer',
    source: { kind: 'walk-in' },
    registeredOn: TODAY,
    roles: ['candidate'],
    purposes: ['mediation', 'offers'],
    statementVersion: '2018-05',
    statementShownOn: TODAY,
    ...overrides
  }
}

/** A minimal prospect found on a public website. */
export function prospect(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    givenName: 'Noor',
    familyName: 'El Amrani',
    gender: 'unspecified',
    email: 'noor.elamrani@example.com',
    source: { kind: 'public-website', detail: 'https://www.profielen.example.nl/kandidaat/noor-el-amrani' },
    registeredOn: TODAY,
    roles: ['prospect'],
    purposes: ['mediation'],
    statementVersion: '2018-05',
    statementShownOn: TODAY,
    ...overrides
  }
}

export async function create(t: TestApp, input: PersonInput): Promise<string> {
  return (await t.call('createPerson', input)).personId
}

export async function detail(t: TestApp, personId: string, extra: Omit<OperationInput<'getPerson'>, 'personId'> = {}): Promise<PersonDetail> {
  return t.call('getPerson', { personId, ...extra })
}

/** Rows of a table as stored (what an auditor with the key would see: sealed columns opened), on either engine. */
export async function rows(t: TestApp, table: string): Promise<Record<string, unknown>[]> {
  return (await t.sql<Record<string, unknown>>(`SELECT * FROM "${table}"`)).map((row) => openedRow(t.app.vault.fields, table, row))
}

export function count(t: TestApp, table: string): Promise<number> {
  return t.sqlCount(`SELECT count(*) AS "n" FROM "${table}"`)
}

export async function auditActions(t: TestApp): Promise<string[]> {
  return (await t.sql<{ action: string }>('SELECT "action" FROM "audit_entry" ORDER BY "seq"')).map((r) => r.action)
}

/** Expect an operation to fail with `code`; returns the error (issues, detail) for more checks. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; issues: { path: string; key: string }[]; detail?: Record<string, unknown> }> {
  try {
    await promise
  } catch (e) {
    return e as { code: string; issues: { path: string; key: string }[]; detail?: Record<string, unknown> }
  }
  throw new Error('expected the operation to fail')
}

/** Add a staff account with the given roles and sign in as it. */
export async function signInAs(t: TestApp, username: string, roles: ('staff' | 'privacy_officer' | 'admin')[]): Promise<void> {
  const passphrase = `${username} passphrase 123`
  const current = t.app.currentSession
  if (!current?.roles.includes('admin')) await t.app.signIn('beheerder', 'correct horse battery staple')
  const existing = await t.call('listAccounts')
  if (!existing.some((a) => a.username === username)) await t.call('addAccount', { username, displayName: username, roles, passphrase })
  await t.app.signIn(username, passphrase)
}

/** Back to the admin account of the test vault. */
export async function signInAdmin(t: TestApp): Promise<void> {
  await t.app.signIn('beheerder', 'correct horse battery staple')
}
