import { randomUUID } from 'node:crypto'
import { DossierError } from '../../shared/errors'
import { DoNotContactRegister, profileUrlOf } from '../people/DoNotContactRegister'
import { type PersonRows, clientKey, rowsFromImportPerson } from '../people/importRows'
import type { Workspace } from '../workspace/Workspace'
import { currentPolicy } from '../retention/policyStore'
import { demoClients, demoPersons } from './generateDemo'
import { type SettledDemoRows, settleDemoPerson } from './settleDemoPerson'

/** Persons per transaction: large enough to be fast, small enough not to hold the writer long. */
const BATCH = 5000

export interface SeedSummary {
  persons: number
  doNotContact: number
  clients: number
  ms: number
}

/**
 * `dossier seed-demo`: fills a vault with the demo generator's persons fast (100,000 in seconds):
 * the same rows the import writes (importRows.ts), inserted with prepared statements in batched
 * transactions on the vault's connection instead of one TypeORM call per row (vault/bulkRows.ts). Demo clients are
 * added once per vault. Admin only; audited as one `person.import` entry. A second run with the
 * same seed is refused (its refs exist) — pass another seed.
 *
 * Issue 16 point 8: the persons are as of today (`settleDemoPerson.ts`): shielded, reduced to the
 * legal hold or purged where the policy in force says so, and those whose deletion date has passed
 * are not seeded (the generator makes more, so `persons` is still the count asked for; refs are
 * numbered without gaps). The first sign-in's catch-up sweep then finds nothing to do.
 */
export async function seedDemo(ws: Workspace, opts: { persons: number; seed: number }): Promise<SeedSummary> {
  ws.requireRole('admin')
  const bulk = ws.vault.bulkRows()
  const register = DoNotContactRegister.of(ws.vault)
  const started = performance.now()
  const today = ws.clock.today()
  const createdAt = ws.clock.now().toISOString()
  const refOf = (n: number) => `DEMO-${opts.seed}-${String(n).padStart(6, '0')}`
  if (bulk.hasPersonRef(refOf(1))) {
    throw new DossierError('CONFLICT', 'Demo data with this seed is already in the vault; use another seed.')
  }

  const clientIdByName = new Map<string, string>()
  for (const row of bulk.clients()) clientIdByName.set(clientKey(row.name), row.id)
  const newClients = demoClients().filter((c) => !clientIdByName.has(clientKey(c.name)))
  const u = <T>(v: T | undefined): T | null => v ?? null
  const ids = bulk.insertClients(
    newClients.map((c) => ({
      name: c.name,
      street: u(c.street),
      houseNumber: u(c.houseNumber),
      postcode: u(c.postcode),
      city: u(c.city),
      email: u(c.email),
      phone: u(c.phone),
      createdAt,
      contacts: c.contacts.map((k) => ({ givenName: k.givenName, familyName: k.familyName, email: u(k.email), phone: u(k.phone), function: u(k.function) }))
    }))
  )
  newClients.forEach((c, i) => clientIdByName.set(clientKey(c.name), ids[i]!))

  const policy = await ws.write(({ manager }) => currentPolicy(manager, ws.clock))
  let persons = 0
  let doNotContact = 0
  bulk.withBulkPragmas(
    () => {
      let batch: SettledDemoRows[] = []
      let dnc: ReturnType<DoNotContactRegister['hashes']>[] = []
      // Unbounded: persons deleted long ago are skipped, so the stream runs until enough are kept.
      for (const p of demoPersons({ persons: Number.MAX_SAFE_INTEGER, seed: opts.seed, today })) {
        if (persons + doNotContact + batch.length + dnc.length >= opts.persons) break
        if (p.doNotContact === true) {
          dnc.push(register.hashes({ email: p.email, phone: p.phone, profileUrl: profileUrlOf(p.source) }))
        } else {
          const rows: PersonRows = rowsFromImportPerson({ ...p, ref: refOf(persons + batch.length + 1) }, randomUUID(), createdAt, clientIdByName, randomUUID)
          const settled = settleDemoPerson(rows, policy, today, randomUUID)
          if (settled !== null) batch.push(settled)
        }
        if (batch.length + dnc.length >= BATCH) {
          bulk.writeBatch(batch, dnc, today)
          persons += batch.length
          doNotContact += dnc.length
          batch = []
          dnc = []
        }
      }
      bulk.writeBatch(batch, dnc, today)
      persons += batch.length
      doNotContact += dnc.length
    },
    () => ws.vault.checkpoint()
  )

  await ws.write(({ audit }) =>
    audit({ action: 'person.import', reason: `demoSeed=${opts.seed}; persons=${persons}; doNotContact=${doNotContact}; clients=${newClients.length}` })
  )
  return { persons, doNotContact, clients: newClients.length, ms: Math.round(performance.now() - started) }
}
