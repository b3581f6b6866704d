import { randomUUID } from 'node:crypto'
import { DossierError } from '../../shared/errors'
import { DoNotContactRegister, profileUrlOf } from '../people/DoNotContactRegister'
import { type PersonRows, clientKey, rowsFromImportPerson } from '../people/importRows'
import type { DossierApp } from '../services/DossierApp'
import { demoClients, demoPersons } from './generateDemo'

/** Persons per transaction: large enough to be fast, small enough not to hold the writer long. */
const BATCH = 5000
/** Page cache while seeding (negative = KiB): 256 MiB. */
const SEED_CACHE_KIB = -256 * 1024

export interface SeedSummary {
  persons: number
  doNotContact: number
  clients: number
  ms: number
}

/**
 * `dossier seed-demo`: fills a vault with the demo generator's persons fast (100,000 in seconds):
 * the same rows the import writes (importRows.ts), inserted with prepared statements in batched
 * transactions on the vault's connection instead of one TypeORM call per row. Demo clients are
 * added once per vault. Admin only; audited as one `person.import` entry. A second run with the
 * same seed is refused (its refs exist) — pass another seed.
 */
export async function seedDemo(app: DossierApp, opts: { persons: number; seed: number }): Promise<SeedSummary> {
  app.requireRole('admin')
  const db = app.vault.db
  const register = DoNotContactRegister.of(app.vault)
  const started = performance.now()
  const today = app.clock.today()
  const createdAt = app.clock.now().toISOString()
  const firstRef = `DEMO-${opts.seed}-000001`
  if (db.prepare('SELECT 1 FROM person WHERE ref = ?').get(firstRef)) {
    throw new DossierError('CONFLICT', 'Demo data with this seed is already in the vault; use another seed.')
  }

  const clientIdByName = new Map<string, string>()
  for (const row of db.prepare('SELECT id, name FROM client').all() as { id: string; name: string }[]) clientIdByName.set(clientKey(row.name), row.id)
  const newClients = demoClients().filter((c) => !clientIdByName.has(clientKey(c.name)))
  const insertClient = db.prepare(
    'INSERT INTO client (id, name, street, houseNumber, postcode, city, email, phone, createdAt) VALUES (@id, @name, @street, @houseNumber, @postcode, @city, @email, @phone, @createdAt)'
  )
  const insertContact = db.prepare('INSERT INTO client_contact (id, clientId, givenName, familyName, email, phone, function) VALUES (?, ?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    for (const c of newClients) {
      const id = randomUUID()
      insertClient.run({ id, name: c.name, street: c.street ?? null, houseNumber: c.houseNumber ?? null, postcode: c.postcode ?? null, city: c.city ?? null, email: c.email ?? null, phone: c.phone ?? null, createdAt })
      for (const k of c.contacts) insertContact.run(randomUUID(), id, k.givenName, k.familyName, k.email ?? null, k.phone ?? null, k.function ?? null)
      clientIdByName.set(clientKey(c.name), id)
    }
  })()

  let insertPerson: ReturnType<typeof db.prepare> | null = null
  const insertRole = db.prepare('INSERT INTO person_role (personId, role) VALUES (?, ?)')
  const insertPurpose = db.prepare('INSERT INTO person_purpose (personId, purpose, legalBasis) VALUES (?, ?, ?)')
  const insertEmployment = db.prepare('INSERT INTO employment (id, personId, start, "end", kind, clientId) VALUES (?, ?, ?, ?, ?, ?)')
  const insertProcedure = db.prepare('INSERT INTO recruitment_procedure (id, personId, clientId, clientName, start, "end") VALUES (?, ?, ?, ?, ?, ?)')
  const insertDnc = db.prepare('INSERT INTO do_not_contact (id, emailHash, phoneHash, urlHash, recordedOn, reasonCategory) VALUES (?, ?, ?, ?, ?, ?)')

  const writeBatch = db.transaction((batch: PersonRows[], dnc: ReturnType<DoNotContactRegister['hashes']>[]) => {
    for (const rows of batch) {
      if (insertPerson === null) {
        // The column list comes from the row itself (newPersonRow sets every column).
        const columns = Object.keys(rows.person)
        insertPerson = db.prepare(`INSERT INTO person (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      }
      insertPerson.run(rows.person)
      for (const r of rows.roles) insertRole.run(r.personId, r.role)
      for (const p of rows.purposes) insertPurpose.run(p.personId, p.purpose, p.legalBasis)
      for (const e of rows.employments) insertEmployment.run(e.id, e.personId, e.start, e.end, e.kind, e.clientId)
      for (const r of rows.recruitment) insertProcedure.run(r.id, r.personId, r.clientId, r.clientName, r.start, r.end)
    }
    for (const h of dnc) insertDnc.run(randomUUID(), h.email, h.phone, h.url, today, 'no-approach')
  })

  // While seeding: a large page cache (the random UUID keys touch pages all over the indexes)
  // and no automatic WAL checkpoints (they would copy the same pages again and again); one
  // checkpoint at the end moves everything into the database file. Measured in the dev
  // container: 100k persons in about 23 s instead of 30-50 s.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma(`cache_size = ${SEED_CACHE_KIB}`)
  db.pragma('wal_autocheckpoint = 0')
  let persons = 0
  let doNotContact = 0
  let batch: PersonRows[] = []
  let dnc: ReturnType<DoNotContactRegister['hashes']>[] = []
  try {
    for (const p of demoPersons({ persons: opts.persons, seed: opts.seed, today })) {
      if (p.doNotContact === true) {
        dnc.push(register.hashes({ email: p.email, phone: p.phone, profileUrl: profileUrlOf(p.source) }))
      } else {
        batch.push(rowsFromImportPerson(p, randomUUID(), createdAt, clientIdByName, randomUUID))
      }
      if (batch.length + dnc.length >= BATCH) {
        writeBatch(batch, dnc)
        persons += batch.length
        doNotContact += dnc.length
        batch = []
        dnc = []
      }
    }
    writeBatch(batch, dnc)
    persons += batch.length
    doNotContact += dnc.length
  } finally {
    db.pragma(`cache_size = ${cacheSize}`)
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
    app.vault.checkpoint()
  }

  await app.transaction((_m, audit) =>
    audit({ action: 'person.import', reason: `demo data (seed ${opts.seed}): ${persons} persons, ${doNotContact} do-not-contact, ${newClients.length} clients` })
  )
  return { persons, doNotContact, clients: newClients.length, ms: Math.round(performance.now() - started) }
}
