import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { type Latency, summarise } from './stats'
import type { Paired } from './latency'
import type { Twin, Variant } from './twins'

/**
 * Issue 15: what the restricted key costs a privacy officer's detail load — the person and the
 * special-data tab (getPerson + viewSpecialData, three values each):
 * - `twins`: sealed values on the encrypted vault against clear values on the plain twin;
 * - `sealing`: on the encrypted vault alone, persons whose values are sealed against persons whose
 *   values are stored in clear (as a vault older than the restricted key stores them) — the
 *   restricted key's own cost, which issue 15 wants under 10 %.
 */
export async function measureSpecialDetail(twins: Record<Variant, Twin>, candidates: readonly string[], perGroup: number, log: (line: string) => void) {
  const sealed: string[] = []
  const clear: string[] = []
  for (const id of candidates) {
    if (sealed.length >= perGroup && clear.length >= perGroup) break
    const group = sealed.length <= clear.length ? 'sealed' : 'clear'
    try {
      if (group === 'sealed') {
        for (const t of [twins.enc, twins.plain]) await withValues(t, id, 'sealed')
        sealed.push(id)
      } else {
        await withValues(twins.enc, id, 'clear')
        clear.push(id)
      }
    } catch {
      // a person whose purposes the ground does not cover: not a sample
    }
  }
  const load = (t: Twin, id: string) => t.call('getPerson', { personId: id }).then(() => t.call('viewSpecialData', { personId: id }))
  const warm = async (t: Twin, ids: readonly string[]) => {
    for (const id of ids.slice(0, 10)) await load(t, id)
  }
  await warm(twins.enc, sealed)
  await warm(twins.enc, clear)
  await warm(twins.plain, sealed)
  const samples = { encSealed: [] as number[], plainClear: [] as number[], encClear: [] as number[] }
  const timed = async (t: Twin, id: string, into: number[]) => {
    const start = performance.now()
    await load(t, id)
    into.push(performance.now() - start)
  }
  for (let i = 0; i < Math.min(sealed.length, clear.length); i++) {
    // Alternating order, so background load and caches hit every group alike.
    const steps = [() => timed(twins.enc, sealed[i]!, samples.encSealed), () => timed(twins.plain, sealed[i]!, samples.plainClear), () => timed(twins.enc, clear[i]!, samples.encClear)]
    for (const step of i % 2 === 0 ? steps : [...steps].reverse()) await step()
  }
  log(`    special-data detail loads done (${samples.encSealed.length} per group)`)
  const twinsRow: Paired<Latency> = { enc: summarise(samples.encSealed), plain: summarise(samples.plainClear) }
  const sealingRow: Paired<Latency> = { enc: summarise(samples.encSealed), plain: summarise(samples.encClear) }
  return { twins: twinsRow, sealing: sealingRow }
}

async function withValues(t: Twin, personId: string, how: 'sealed' | 'clear'): Promise<void> {
  const consent = await t.call('recordConsent', {
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
    if (how === 'sealed') await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'mediation', value })
    else
      t.app.vault.db
        .prepare('INSERT INTO special_data (id, personId, consentId, category, purpose, value, createdAt, createdBy) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)')
        .run(randomUUID(), personId, consent.id, 'religion', 'mediation', value, new Date().toISOString())
  }
}
