import { performance } from 'node:perf_hooks'
import { openSpecialValue } from '../src/main/consent/specialValue'
import type { SpecialData } from '../src/main/vault/entities/Consent'
import { type Latency, summarise } from './stats'
import type { Paired } from './latency'
import type { Twin, Variant } from './twins'

/**
 * Issue 15: what the restricted key costs a privacy officer's detail load — the person and the
 * special-data tab (getPerson + viewSpecialData, three values each):
 * - `twins`: sealed values on the encrypted vault against clear values on the plain twin;
 * - `sealing`: on the encrypted vault alone, the SAME persons with their values sealed and then
 *   stored in clear (as a vault older than the restricted key stores them), in alternating rounds
 *   — the restricted key's own cost, which issue 15 wants under 10 %.
 */
export async function measureSpecialDetail(twins: Record<Variant, Twin>, candidates: readonly string[], perGroup: number, log: (line: string) => void) {
  const persons: string[] = []
  for (const id of candidates) {
    if (persons.length >= perGroup) break
    try {
      for (const t of [twins.enc, twins.plain]) await withValues(t, id)
      persons.push(id)
    } catch {
      // a person whose purposes the ground does not cover: not a sample
    }
  }
  const db = twins.enc.app.vault.db
  const rows = db.prepare(`SELECT id, personId, category, purpose, value FROM special_data WHERE personId IN (${persons.map(() => '?').join(',')})`).all(...persons) as SpecialData[]
  const sealedValues = new Map(rows.map((r) => [r.id, r.value]))
  const clearValues = new Map(rows.map((r) => [r.id, openSpecialValue(twins.enc.app.vault.restricted, r)]))
  const store = (values: Map<string, string>) => {
    const update = db.prepare('UPDATE special_data SET value = ? WHERE id = ?')
    db.transaction(() => {
      for (const [id, value] of values) update.run(value, id)
    })()
  }
  const load = (t: Twin, id: string) => t.call('getPerson', { personId: id }).then(() => t.call('viewSpecialData', { personId: id }))
  for (const id of persons.slice(0, 10)) for (const t of [twins.enc, twins.plain]) await load(t, id)
  const samples = { encSealed: [] as number[], plainClear: [] as number[], encClear: [] as number[] }
  const timed = async (t: Twin, id: string, into: number[]) => {
    const start = performance.now()
    await load(t, id)
    into.push(performance.now() - start)
  }
  // Four rounds in ABBA order (sealed, clear, clear, sealed), so neither profits from coming
  // later (JIT, caches); within a sealed round the twins alternate per person.
  for (const sealed of [true, false, false, true]) {
    store(sealed ? sealedValues : clearValues)
    for (const [i, id] of persons.entries()) {
      if (sealed) {
        for (const step of i % 2 === 0 ? [0, 1] : [1, 0]) await (step === 0 ? timed(twins.enc, id, samples.encSealed) : timed(twins.plain, id, samples.plainClear))
      } else await timed(twins.enc, id, samples.encClear)
    }
  }
  store(sealedValues)
  log(`    special-data detail loads done (${persons.length} persons, 4 rounds)`)
  const twinsRow: Paired<Latency> = { enc: summarise(samples.encSealed), plain: summarise(samples.plainClear) }
  const sealingRow: Paired<Latency> = { enc: summarise(samples.encSealed), plain: summarise(samples.encClear) }
  return { twins: twinsRow, sealing: sealingRow }
}

async function withValues(t: Twin, personId: string): Promise<void> {
  await t.call('recordConsent', {
    personId,
    category: 'religion',
    purpose: 'mediation',
    basis: 'consent',
    givenOn: '2026-01-05',
    how: 'signed-form',
    wording: 'Ik geef toestemming om rekening te houden met gebedstijden bij het zoeken naar werk.',
    statementVersion: '2025-01'
  })
  for (const value of ['Gebedstijden: vrijdag 13:00–14:00 vrij', 'Geen werk op zaterdag (sabbat)', 'Dieet: halal in de kantine']) {
    await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'mediation', value })
  }
}
