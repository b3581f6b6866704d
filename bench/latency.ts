import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { benchClock } from './benchVault'
import { intakeInputs } from './intakeInputs'
import { measureSpecialDetail } from './specialDetail'
import { type Latency, sample, summarise } from './stats'
import { ContractError } from '../src/shared/contract/client'
import { type NotMeasured, type Twin, type Variant, VARIANTS, attempt, openTwin, pageCacheKib, workCopy } from './twins'

export type Paired<T> = Record<Variant, T | NotMeasured>

export interface LatencyResult {
  size: number
  persons: number
  save: Paired<Latency>
  searchName: Paired<Latency>
  searchPostcode: Paired<Latency>
  searchEmail: Paired<Latency>
  detail: Paired<Latency>
  cacheSizes: { kib: number; detail: Paired<Latency>; searchName: Paired<Latency>; searchPostcode: Paired<Latency>; searchEmail: Paired<Latency> }[]
  /** Issue 18 point 3: searches with the 16 MiB page cache emptied before each one (every page they read is decrypted anew) */
  coldEach: { kib: number; searchName: Paired<Latency>; searchPostcode: Paired<Latency>; searchEmail: Paired<Latency> }
  accessReportHtml: Paired<Latency>
  /** Issue 18 point 6: one person's data-portability export (R-20, `exportPerson`). */
  personExport: Paired<Latency>
  /** The session's first PDF (Chromium starts) and the later ones (kept warm, issue 16 point 9). */
  accessReportPdfMs: Paired<number>
  accessReportPdfLater: Paired<Latency>
  /** Issue 15: person + special-data tab; `sealing` is enc sealed (enc) against enc in clear (plain). */
  specialDetail: Paired<Latency>
  specialSealing: Paired<Latency>
}

export interface LatencyOptions {
  size: number
  /** the cached data set (enc/ and plain/), copied to `work` first */
  data: string
  work: string
  samples: { saves: number; searches: number; details: number; reports: number }
  pdf: boolean
  log: (line: string) => void
}

/** Page-cache sizes compared for detail loads and searches (cipher.ts CACHE_SIZE_KIB is the app's). */
export const CACHE_SIZES_KIB = [2 * 1024, 16 * 1024, 64 * 1024]

/** The page cache of issue 18 point 3's "from a cold 16 MiB cache", emptied before every search. */
const COLD_EACH_KIB = 16 * 1024

/** Intake saves made in both twins before the measured ones (not measured). */
const WARM_SAVES = 20

/** Access-report PDFs measured after the session's first one. */
const PDF_LATER = 8

/**
 * Per-call latencies, both twins open in one process and sampled in alternation (enc, plain,
 * then plain, enc, …): background load on the machine hits both alike, so the ratio holds even
 * when the absolute numbers wobble. Every call goes through the dispatcher, as the app's IPC
 * does: validation, role check, service, audit entry, commit.
 */
export async function measureLatencies(opts: LatencyOptions): Promise<LatencyResult> {
  const clock = benchClock()
  const twins = {} as Record<Variant, Twin>
  for (const v of VARIANTS) {
    workCopy(join(opts.data, v), join(opts.work, v))
    twins[v] = await openTwin(v, join(opts.work, v), clock)
  }
  try {
    return await run(twins, opts)
  } finally {
    for (const v of VARIANTS) await twins[v].app.close()
  }
}

interface ActiveRow {
  id: string
  email: string | null
  postcode: string | null
  searchFamily: string
}

async function run(twins: Record<Variant, Twin>, opts: LatencyOptions): Promise<LatencyResult> {
  const { log } = opts
  const db = twins.enc.app.vault.db
  const persons = (db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n
  const active = db.prepare("SELECT id, email, postcode, searchFamily FROM person WHERE state = 'active' ORDER BY id").all() as ActiveRow[]
  const ids = active.map((p) => p.id)

  // Warm-up: statements prepared and caches filled in both twins alike.
  await paired(twins, sample(ids, 20, 1), (t, id) => t.call('getPerson', { personId: id }))

  const n = opts.samples.searches
  // What staff type: the start of a family name, a postcode's digits, an e-mail up to the '@'.
  const byName = (t: Twin, p: ActiveRow) => t.call('searchPersons', { query: p.searchFamily.slice(0, 4) })
  const byPostcode = (t: Twin, p: ActiveRow) => t.call('searchPersons', { query: p.postcode!.slice(0, 4) })
  const byEmail = (t: Twin, p: ActiveRow) => t.call('searchPersons', { query: p.email!.slice(0, p.email!.indexOf('@') + 1) })
  const withPostcode = active.filter((p) => p.postcode !== null)
  const withEmail = active.filter((p) => p.email !== null)
  const searchName = await paired(twins, sample(active, n, 2), byName)
  const searchPostcode = await paired(twins, sample(withPostcode, n, 3), byPostcode)
  const searchEmail = await paired(twins, sample(withEmail, n, 4), byEmail)
  log('    searches done')

  const detailIds = sample(ids, opts.samples.details, 5)
  const detail = await paired(twins, detailIds, (t, id) => t.call('getPerson', { personId: id }))

  // The page cache (cipher.ts CACHE_SIZE_KIB, or --cache-mib for the whole run): per size, from an
  // emptied cache, the same detail loads and then the same searches of each kind, the cache
  // filling as they go (its working set is what a small cache keeps decrypting again). Two rounds
  // in opposite order, so no size profits from coming later (JIT, OS cache).
  const cacheQueries = { name: sample(active, n, 7), postcode: sample(withPostcode, n, 11), email: sample(withEmail, n, 12) }
  const kinds = ['detail', 'searchName', 'searchPostcode', 'searchEmail'] as const
  const perSize = new Map<number, Record<(typeof kinds)[number], RawSamples[]>>()
  const setCache = (kib: number) => {
    for (const v of VARIANTS) {
      twins[v].app.vault.db.pragma(`cache_size = -${kib}`)
      twins[v].app.vault.db.pragma('shrink_memory')
    }
  }
  for (const order of [CACHE_SIZES_KIB, [...CACHE_SIZES_KIB].reverse()]) {
    for (const kib of order) {
      setCache(kib)
      const acc = perSize.get(kib) ?? { detail: [], searchName: [], searchPostcode: [], searchEmail: [] }
      acc.detail.push(await pairedSamples(twins, detailIds, (t, id) => t.call('getPerson', { personId: id })))
      acc.searchName.push(await pairedSamples(twins, cacheQueries.name, byName))
      acc.searchPostcode.push(await pairedSamples(twins, cacheQueries.postcode, byPostcode))
      acc.searchEmail.push(await pairedSamples(twins, cacheQueries.email, byEmail))
      perSize.set(kib, acc)
    }
  }
  const cacheSizes: LatencyResult['cacheSizes'] = CACHE_SIZES_KIB.map((kib) => {
    const acc = perSize.get(kib)
    return { kib, ...Object.fromEntries(kinds.map((k) => [k, mergeSamples(acc?.[k] ?? [])])) } as LatencyResult['cacheSizes'][number]
  })
  // Issue 18 point 3 to the letter: each search from an emptied 16 MiB cache (not timed: the emptying).
  setCache(COLD_EACH_KIB)
  const emptied = (t: Twin) => t.app.vault.db.pragma('shrink_memory')
  const coldEach: LatencyResult['coldEach'] = {
    kib: COLD_EACH_KIB,
    searchName: mergeSamples([await pairedSamples(twins, cacheQueries.name, byName, emptied)]),
    searchPostcode: mergeSamples([await pairedSamples(twins, cacheQueries.postcode, byPostcode, emptied)]),
    searchEmail: mergeSamples([await pairedSamples(twins, cacheQueries.email, byEmail, emptied)])
  }
  for (const v of VARIANTS) twins[v].app.vault.db.pragma(`cache_size = -${pageCacheKib()}`)
  log('    detail loads and page-cache sizes done')

  const accessReportHtml = await paired(twins, sample(ids, opts.samples.reports, 6), (t, id) => t.call('getAccessReportHtml', { personId: id, lang: 'nl' }))
  const personExport = await paired(twins, sample(ids, opts.samples.reports, 10), (t, id) => t.call('exportPerson', { personId: id }))
  const skipped = { notMeasured: 'skipped (--no-pdf)' }
  let accessReportPdfMs: Paired<number> = { enc: skipped, plain: skipped }
  let accessReportPdfLater: Paired<Latency> = { enc: skipped, plain: skipped }
  if (opts.pdf) {
    // Issue 16 point 9: the session's first PDF launches the twin's Chromium; the later ones reuse it.
    const first = await paired(twins, [ids[0]!], (t, id) => t.call('getAccessReportPdf', { personId: id, lang: 'nl' }))
    accessReportPdfMs = { enc: 'notMeasured' in first.enc ? first.enc : first.enc.max, plain: 'notMeasured' in first.plain ? first.plain : first.plain.max }
    accessReportPdfLater = await paired(twins, sample(ids, PDF_LATER, 8), (t, id) => t.call('getAccessReportPdf', { personId: id, lang: 'nl' }))
  }
  log('    access reports done')

  const special = await measureSpecialDetail(twins, [...new Set(sample(ids, 600, 9))], Math.min(150, Math.floor(ids.length / 4)), log)

  // Intake saves last (they add persons): the same new persons into both twins.
  const save = await measureSaves(twins, opts.size, opts.samples.saves)
  log('    saves done')


  return { size: opts.size, persons, save, searchName, searchPostcode, searchEmail, detail, cacheSizes, coldEach, accessReportHtml, personExport, accessReportPdfMs, accessReportPdfLater, specialDetail: special.twins, specialSealing: special.sealing }
}

/**
 * Time `work` per item on both twins, alternating which goes first. A twin whose call fails is
 * reported as not measured (with the error code), the other keeps its samples.
 */
async function paired<I>(twins: Record<Variant, Twin>, items: readonly I[], work: (t: Twin, item: I) => Promise<unknown>): Promise<Paired<Latency>> {
  return mergeSamples([await pairedSamples(twins, items, work)])
}

type RawSamples = Record<Variant, number[] | NotMeasured>

/** `before` runs ahead of each timed call, untimed (e.g. emptying the page cache). */
async function pairedSamples<I>(twins: Record<Variant, Twin>, items: readonly I[], work: (t: Twin, item: I) => Promise<unknown>, before?: (t: Twin) => void): Promise<RawSamples> {
  const samples: Record<Variant, number[]> = { enc: [], plain: [] }
  const failed: Partial<Record<Variant, NotMeasured>> = {}
  for (const [i, item] of items.entries()) {
    for (const v of i % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      if (failed[v]) continue
      before?.(twins[v])
      const t = performance.now()
      const r = await attempt(() => work(twins[v], item))
      if (r && typeof r === 'object' && 'notMeasured' in r) failed[v] = r as NotMeasured
      else samples[v].push(performance.now() - t)
    }
  }
  return { enc: failed.enc ?? samples.enc, plain: failed.plain ?? samples.plain }
}

/**
 * Intake saves, the full check included (do-not-contact, unique ref, duplicate search). A
 * generated person that happens to match an existing one (same birth date and family name is
 * common in 100,000 records) gets DUPLICATE_PERSON in both twins and nothing written: that
 * sample is dropped in both and the next person is tried, so every sample is a completed save.
 */
async function measureSaves(twins: Record<Variant, Twin>, size: number, count: number): Promise<Paired<Latency>> {
  const samples: Record<Variant, number[]> = { enc: [], plain: [] }
  let warm = 0
  for (const [i, input] of intakeInputs(size, (count + WARM_SAVES) * 3).entries()) {
    if (samples.enc.length >= count) break
    if (warm < WARM_SAVES) {
      // Warm-up, as for the reads: the insert path's first calls compile (JIT) and were a save's
      // 10-20 ms, one in twenty of the samples — the p95 itself. Both twins alike, not measured.
      for (const v of VARIANTS) await twins[v].call('createPerson', input).catch(() => undefined) // a duplicate is refused: fine
      warm++
      continue
    }
    const taken: Partial<Record<Variant, number | string>> = {}
    for (const v of i % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      const t = performance.now()
      try {
        await twins[v].call('createPerson', input)
        taken[v] = performance.now() - t
      } catch (e) {
        taken[v] = e instanceof ContractError ? e.code : 'failed'
      }
    }
    if (typeof taken.enc === 'number' && typeof taken.plain === 'number') {
      samples.enc.push(taken.enc)
      samples.plain.push(taken.plain)
    } else if (!(taken.enc === 'DUPLICATE_PERSON' && taken.plain === 'DUPLICATE_PERSON')) {
      const nm = { notMeasured: `createPerson: ${String(typeof taken.enc === 'string' ? taken.enc : taken.plain)}` }
      return { enc: nm, plain: nm }
    }
  }
  return { enc: summarise(samples.enc), plain: summarise(samples.plain) }
}

function mergeSamples(rounds: RawSamples[]): Paired<Latency> {
  const one = (v: Variant): Latency | NotMeasured => {
    const failed = rounds.map((r) => r[v]).find((x): x is NotMeasured => !Array.isArray(x))
    return failed ?? summarise(rounds.flatMap((r) => r[v] as number[]))
  }
  return { enc: one('enc'), plain: one('plain') }
}
