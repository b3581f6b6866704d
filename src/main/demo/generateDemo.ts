import type { CalendarDate, EmploymentKind, Gender, PersonRole, Purpose, SourceKind } from '../../shared/domain'
import { IMPORT_FORMAT, type ImportClient, type ImportFile, type ImportPerson } from '../../shared/import/importFormat'
import { dateOfDay, dayNumber } from './demoDates'
import { CLIENTS, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PROFILE_SITES, STREETS, TOWNS } from './dutchData'
import { Random } from './random'

/**
 * The synthetic data generator (issue 3): realistic, deterministic Dutch person records in the
 * `dossier-import/1` shape, so one generator feeds the import tests, the demo vault
 * (`dossier seed-demo`) and the benchmarks. Values are already in their canonical form (e-mail in
 * lower case, phone in E.164, postcode `1234 AB`), so the bulk insert can skip normalisation.
 *
 * The mix gives every retention rule work: registered candidates (some unsubscribed at various
 * dates), flex workers with employment periods (some ended, with a BSN for payroll), W&S
 * candidates with procedures, and prospects from public websites with a profile URL (a few on
 * the do-not-contact register).
 */
export interface DemoOptions {
  persons: number
  seed: number
  /** the clock's date: nothing is registered, unsubscribed or ended after it */
  today: CalendarDate
}

const FIRST_REGISTRATION = '2016-01-04'
export const DEMO_STATEMENT_VERSION = '2018-05'
const OLDEST_BIRTH = '1960-01-01'
const YOUNGEST_BIRTH = '2007-12-31'

/** The whole import file (persons and clients) in memory. */
export function generateDemoImport(opts: DemoOptions): ImportFile {
  return { format: IMPORT_FORMAT, persons: [...demoPersons(opts)], clients: demoClients() }
}

/** The demo's client companies with one contact each. */
export function demoClients(): ImportClient[] {
  return CLIENTS.map((c, i) => {
    const domain = `${slug(c.name.replace(/ B\.V\.$/, ''))}.example`
    const subscriber = String(1000000 + ((i * 7919) % 8999999)).slice(0, 9 - c.areaCode.length)
    const town = TOWNS.find((t) => t.name === c.town)!
    return {
      name: c.name,
      street: STREETS[(i * 7) % STREETS.length]!,
      houseNumber: String(10 + i * 3),
      postcode: `${town.from} ${letterPair(i)}`,
      city: c.town,
      email: `info@${domain}`,
      phone: `+31${c.areaCode}${subscriber}`,
      contacts: [
        { givenName: c.contact[0], familyName: c.contact[1], email: `${slug(c.contact[0])}.${slug(c.contact[1])}@${domain}`, function: c.contact[2] }
      ]
    }
  })
}

/** The persons one by one (the bulk insert streams them; 100,000 never sit in memory twice). */
export function* demoPersons(opts: DemoOptions): Generator<ImportPerson> {
  const rng = new Random(opts.seed)
  const today = dayNumber(opts.today)
  const youngest = Math.min(dayNumber(YOUNGEST_BIRTH), today - 16 * 366)
  // A stream of its own for the last contact, so the persons themselves stay as they were per seed.
  const contactRng = new Random(opts.seed ^ 0x5bd1e995)
  for (let i = 0; i < opts.persons; i++) yield withLastContact(contactRng, demoPerson(rng, i, opts.seed, today, youngest), today)
}

/**
 * R-11a: an agency in touch with its people. Most had contact in the last 11 months; about one in
 * twelve last heard from just over 12 months ago, so the re-confirmation list has work in it (their
 * reply deadline still ahead). Never before registration, never after unsubscribing.
 */
function withLastContact(rng: Random, p: ImportPerson, today: number): ImportPerson {
  const registered = dayNumber(p.registeredOn)
  const due = rng.chance(1 / 12)
  const from = Math.max(registered, due ? today - 380 : today - 330)
  // Nobody is in touch after unsubscribing.
  const to = Math.min(due ? today - 366 : today, p.unsubscribedOn === undefined ? today : dayNumber(p.unsubscribedOn))
  return from <= to ? { ...p, lastContactOn: dateOfDay(rng.int(from, to)) } : p
}

function demoPerson(rng: Random, index: number, seed: number, today: number, youngestBirth: number): ImportPerson {
  const female = rng.chance(0.5)
  const givenName = rng.pick(female ? FEMALE_NAMES : MALE_NAMES)
  const familyName = rng.pick(FAMILY_NAMES)
  const gender: Gender = rng.chance(0.03) ? rng.pick(['other', 'unspecified'] as const) : female ? 'female' : 'male'
  const birth = rng.int(dayNumber(OLDEST_BIRTH), youngestBirth)
  const registered = rng.int(Math.max(dayNumber(FIRST_REGISTRATION), birth + 16 * 366), today)
  const profile = rng.next()
  const base = {
    ref: `DEMO-${seed}-${String(index + 1).padStart(6, '0')}`,
    givenName,
    familyName,
    gender,
    registeredOn: dateOfDay(registered),
    // a registered version only; every vault holds the agency's 2018 statement (governance SEED_VERSION)
    statementVersion: DEMO_STATEMENT_VERSION
  }
  const contact = contactData(rng, index, seed, givenName, familyName)
  if (profile < 0.06) {
    // A prospect found on a public website: the agency must inform them; some object.
    const profileUrl = `${rng.pick(PROFILE_SITES)}${slug(givenName)}-${slug(familyName)}-${index + 1}`
    return {
      ...base,
      ...(rng.chance(0.5) ? { birthDate: dateOfDay(birth) } : {}),
      ...contact,
      ...(contact.email === undefined && contact.phone === undefined ? { email: emailOf(givenName, familyName, index) } : {}),
      source: { kind: 'public-website', detail: profileUrl },
      roles: ['prospect'],
      purposes: ['mediation'],
      ...(rng.chance(0.15) ? { doNotContact: true } : {})
    }
  }
  const reachable = contact.email === undefined && contact.phone === undefined ? { ...contact, email: emailOf(givenName, familyName, index) } : contact
  const common = {
    ...base,
    birthDate: dateOfDay(birth),
    ...reachable,
    ...(rng.chance(0.95) ? { address: address(rng) } : {}),
    source: { kind: rng.pick(OFFICE_SOURCES) }
  }
  if (profile < 0.16) return wsCandidate(rng, common, registered, today)
  if (profile < 0.52) return flexWorker(rng, common, registered, today)
  return registeredCandidate(rng, common, registered, today)
}

const OFFICE_SOURCES: readonly SourceKind[] = ['walk-in', 'walk-in', 'walk-in', 'website', 'website', 'website', 'phone', 'mailing']

type Common = Omit<ImportPerson, 'roles' | 'purposes'>

/** registered, never worked; a quarter has unsubscribed at some date since. */
function registeredCandidate(rng: Random, p: Common, registered: number, today: number): ImportPerson {
  const purposes: Purpose[] = ['mediation']
  if (rng.chance(0.3)) purposes.push('development')
  if (rng.chance(0.3)) purposes.push('suitability')
  if (rng.chance(0.4)) purposes.push('offers')
  return { ...p, roles: ['candidate'], purposes, ...unsubscribed(rng, registered, today, 0.25) }
}

/** worked through the agency — employment periods, some ended; BSN for payroll. */
function flexWorker(rng: Random, p: Common, registered: number, today: number): ImportPerson {
  const kind: EmploymentKind = rng.pick(['uitzenden', 'uitzenden', 'uitzenden', 'detachering', 'payroll'] as const)
  const purposes: Purpose[] = ['mediation', kind === 'detachering' ? 'secondment' : 'temping', 'payroll', 'personnel']
  if (rng.chance(0.2)) purposes.push('client-identification')
  const employments: { start: CalendarDate; end: CalendarDate | null; kind: EmploymentKind }[] = []
  let start = Math.min(today, registered + rng.int(0, 60))
  const periods = rng.int(1, 3)
  for (let n = 0; n < periods && start <= today; n++) {
    const end = start + rng.int(30, 700)
    const last = n === periods - 1
    const open = end > today || (last && rng.chance(0.4))
    employments.push({ start: dateOfDay(start), end: open ? null : dateOfDay(end), kind: n === 0 ? kind : rng.pick(['uitzenden', 'detachering', 'payroll'] as const) })
    if (open) break
    start = end + rng.int(1, 120)
  }
  const lastEnd = employments.at(-1)?.end
  const roles: PersonRole[] = ['candidate', 'flexworker']
  return {
    ...p,
    roles,
    purposes,
    employments,
    ...(rng.chance(0.9) ? { bsn: demoBsn(rng) } : {}),
    ...(lastEnd ? unsubscribed(rng, dayNumber(lastEnd), today, 0.5) : {})
  }
}

/** recruitment & selection for a client; most procedures have ended. */
function wsCandidate(rng: Random, p: Common, registered: number, today: number): ImportPerson {
  const recruitment: { client: string; start: CalendarDate; end: CalendarDate | null }[] = []
  let start = registered
  for (let n = rng.int(1, 2); n > 0 && start <= today; n--) {
    const end = start + rng.int(14, 120)
    const ended = end <= today && rng.chance(0.7)
    recruitment.push({ client: rng.pick(CLIENTS).name, start: dateOfDay(start), end: ended ? dateOfDay(end) : null })
    if (!ended) break
    start = end + rng.int(7, 200)
  }
  return { ...p, roles: ['ws-candidate'], purposes: ['recruitment', 'suitability'], recruitment, ...unsubscribed(rng, registered, today, 0.1) }
}

function unsubscribed(rng: Random, from: number, today: number, share: number): { unsubscribedOn?: CalendarDate } {
  return from <= today && rng.chance(share) ? { unsubscribedOn: dateOfDay(rng.int(from, today)) } : {}
}

function contactData(rng: Random, index: number, seed: number, given: string, family: string): { email?: string; phone?: string } {
  return {
    ...(rng.chance(0.85) ? { email: emailOf(given, family, index) } : {}),
    ...(rng.chance(0.85) ? { phone: mobileOf(index, seed) } : {})
  }
}

function emailOf(given: string, family: string, index: number): string {
  const domain = index % 10 < 7 ? 'example.nl' : index % 10 < 9 ? 'example.com' : 'example.org'
  return `${slug(given)}.${slug(family)}${index + 1}@${domain}`
}

/**
 * A Dutch mobile number (06-1… to 06-5…) in E.164, distinct for every index below 50 million:
 * 7919 is coprime with 5·10^7, so `index·7919 + offset` walks every number once.
 */
function mobileOf(index: number, seed: number): string {
  const space = 50_000_000
  const v = (((index * 7919 + (seed % space) * 104729) % space) + space) % space
  return `+316${1 + Math.floor(v / 10_000_000)}${String(v % 10_000_000).padStart(7, '0')}`
}

function address(rng: Random): NonNullable<ImportPerson['address']> {
  const town = rng.pick(TOWNS)
  const suffix = rng.chance(0.1) ? rng.pick(['a', 'b', '-1', '-2']) : ''
  return {
    street: rng.pick(STREETS),
    houseNumber: `${rng.int(1, 250)}${suffix}`,
    postcode: `${rng.int(town.from, town.to)} ${letterPair(rng.int(0, 675))}`,
    city: town.name
  }
}

/** Two postcode letters; PostNL never issues SA, SD and SS. */
function letterPair(n: number): string {
  const pair = String.fromCharCode(65 + (Math.floor(n / 26) % 26), 65 + (n % 26))
  return pair === 'SA' || pair === 'SD' || pair === 'SS' ? 'AB' : pair
}

/** A BSN passing the 11-proof (9·d1 + … + 2·d8 − d9 ≡ 0 mod 11). */
function demoBsn(rng: Random): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? rng.int(1, 6) : rng.int(0, 9)))
    const sum = digits.reduce((s, d, i) => s + (9 - i) * d, 0)
    const check = sum % 11
    if (check < 10) return digits.join('') + String(check)
  }
}

/** `"Zoë van 't Hof"` → `"zoevanthof"`. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]/g, '')
}
