import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { addCalendarYears } from '../src/shared/time'
import { writeBackup } from '../src/main/vault/backup'
import type { Vault } from '../src/main/vault/Vault'
import { CIPHER } from '../src/main/vault/cipher'
import { findAccountSlot, unwrapDataKey } from '../src/main/vault/keyring'
import { vaultPaths } from '../src/main/vault/vaultFiles'
import { BENCH_PASSPHRASE, BENCH_TODAY, BENCH_USER, benchClock } from './benchVault'
import { type MainThreadBlocks, startBystander, watchMainThread } from './mainThreadBlocks'
import { round, summarise, timed } from './stats'
import { type BenchApp, type NotMeasured, type Twin, type Variant, attempt, openTwin, pageCacheKib, workCopy } from './twins'

/** One sweep: its duration, the persons made due and changed, the longest event-loop block (ms) and what it was made of. */
export interface SweepMeasure {
  ms: number
  due: number
  personsChanged: number
  eventLoopMaxMs: number
  /** Linux only (mainThreadBlocks.ts): the longest gap between two ticks of a 1 ms timer, with its own work and wait for a CPU */
  mainThread: MainThreadBlocks | null
  /** the longest gap of a 1 ms timer in a second, idle process meanwhile (mainThreadBlocks.ts startBystander): the machine's floor */
  bystanderMaxGapMs: number | null
}

export interface HeavyResult {
  variant: Variant
  cipher: string
  cacheKib: number
  size: number
  persons: number
  unlock: { ms: number; kdfMs: number | null; writableMs: number }
  /** The page check's own cost on the main thread (issue 18: it runs on a worker after unlock, `writableMs`). */
  quickCheckMs: number
  integrityCheckMs: number
  /** the full listing (every person's next action: `dossier retention preview`) */
  retentionPreview: { ms: number; items: number } | NotMeasured
  /** the retention dashboard's preview (`horizonDays: 90`): what falls due within 90 days */
  retentionDashboard: { ms: number; items: number } | NotMeasured
  /** a run's dry run (`planRetention`): what the sweep will do today */
  retentionPlan: { ms: number; persons: number } | NotMeasured
  sweep: SweepMeasure | NotMeasured
  backup: { ms: number; bytes: number } | NotMeasured
  dbBytes: number
  peakRssMiB: number
}

export interface HeavyOptions {
  variant: Variant
  size: number
  source: string
  work: string
  /** share of persons made due for deletion before the sweep (10,000 of 100,000) */
  dueShare: number
  log: (line: string) => void
}

function expect(actual: string, wanted: string): void {
  if (actual !== wanted) throw new Error(`bench: the vault answered ${actual}, not ${wanted}`)
}

/**
 * The whole-vault operations, one twin per process (so the peak RSS is this twin's): unlock,
 * backup, retention preview, and the sweep of the due persons with the longest event-loop block
 * seen while it ran (`monitorEventLoopDelay`, max).
 */
export async function measureHeavy(opts: HeavyOptions): Promise<HeavyResult> {
  workCopy(opts.source, opts.work)
  const clock = benchClock()
  const dbBytes = statSync(vaultPaths(opts.work).db).size

  // Unlock: key-slot scrypt plus opening the database and its migration check; median of 3.
  const unlockRuns: number[] = []
  const writableRuns: number[] = []
  let twin: Twin | null = null
  for (let i = 0; i < 3; i++) {
    if (twin) await twin.app.close()
    const t = performance.now()
    twin = await openTwin(opts.variant, opts.work, clock)
    unlockRuns.push(performance.now() - t)
    // Issue 18: the integrity check runs after unlock on a worker; writes wait for its verdict.
    expect(await twin.app.vaultCheck(), 'ok')
    writableRuns.push(performance.now() - t)
  }
  const t = twin!
  const kdfMs = opts.variant === 'enc' ? await timeKdf(t.app) : null
  const unlock = { ms: round(summarise(unlockRuns).p50, 1), kdfMs: kdfMs === null ? null : round(kdfMs, 1), writableMs: round(summarise(writableRuns).p50, 1) }
  const persons = (t.app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n
  opts.log(`    unlock ${unlock.ms} ms`)
  const quickCheckMs = round((await timed(async () => t.app.vault.db.pragma('quick_check'))).ms, 1)
  const integrityCheckMs = round((await timed(async () => t.app.vault.db.pragma('integrity_check'))).ms, 1)

  const backupFile = join(opts.work, 'backup.dossier')
  const backup = await attempt(async () => {
    const runs: number[] = []
    let bytes = 0
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      bytes = writeBackup(t.app.vault as Vault, backupFile).bytes // PlainVault has what writeBackup uses (openPlain.ts)
      runs.push(performance.now() - start)
      rmSync(backupFile, { force: true })
    }
    return { ms: round(summarise(runs).p50, 1), bytes }
  })

  // Retention: make `dueShare` of the persons due for deletion, preview (median of 3), sweep.
  const due = makeDue(t.app, Math.round(opts.size * opts.dueShare))
  // The dated records need a run to have dated them first (the cached data set's steady-state
  // sweep did), and makeDue's UPDATE cleared the dates of the persons it changed.
  const medianOf3 = async (work: () => Promise<number>): Promise<{ ms: number; count: number }> => {
    const runs: number[] = []
    let count = 0
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      count = await work()
      runs.push(performance.now() - start)
    }
    return { ms: round(summarise(runs).p50, 1), count }
  }
  const retentionPreview = await attempt(async () => {
    const r = await medianOf3(async () => (await t.call('previewRetention', {})).items.length)
    return { ms: r.ms, items: r.count }
  })
  const retentionDashboard = await attempt(async () => {
    const r = await medianOf3(async () => (await t.call('previewRetention', { horizonDays: 90 })).items.length)
    return { ms: r.ms, items: r.count }
  })
  const retentionPlan = await attempt(async () => {
    const r = await medianOf3(async () => (await t.call('planRetention', {})).persons.length)
    return { ms: r.ms, persons: r.count }
  })
  opts.log(`    previews done`)
  const sweep = await attempt(() => measureSweep(t, due))
  opts.log(`    sweep done`)

  await t.app.close()
  const peakRssMiB = round(process.resourceUsage().maxRSS / 1024, 1)
  rmSync(opts.work, { recursive: true, force: true })
  return { variant: opts.variant, cipher: opts.variant === 'enc' ? CIPHER : 'none', cacheKib: pageCacheKib(), size: opts.size, persons, unlock, quickCheckMs, integrityCheckMs, retentionPreview, retentionDashboard, retentionPlan, sweep, backup, dbBytes, peakRssMiB }
}

/** The sweep through the dispatcher (`runRetention`), with the longest event-loop block while it ran. */
async function measureSweep(t: Twin, due: number): Promise<SweepMeasure> {
  const bystander = await startBystander()
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const watch = watchMainThread()
  const r = await timed(() => t.call('runRetention', {}))
  // Let the monitor's timer fire once more: a block in the sweep's last moments (its closing
  // checkpoint) only shows as the delay of the next tick.
  await new Promise((resolve) => setTimeout(resolve, 25))
  loop.disable()
  const mainThread = watch.stop()
  const bystanderMaxGapMs = await bystander.stop()
  const result = r.value as { personsChanged: number }
  return { ms: round(r.ms, 1), due, personsChanged: result.personsChanged, eventLoopMaxMs: round(loop.max / 1e6, 1), mainThread, bystanderMaxGapMs }
}

/**
 * Only the sweep, on a fresh copy (`suite.js sweep …`): for working on the sweep itself, e.g. under
 * `node --cpu-prof`, without the minute of unlocks, backups and previews around it.
 */
export async function measureSweepOnly(opts: HeavyOptions): Promise<SweepMeasure> {
  workCopy(opts.source, opts.work)
  const t = await openTwin(opts.variant, opts.work, benchClock())
  try {
    expect(await t.app.vaultCheck(), 'ok') // makeDue writes straight to the connection: after the integrity check
    const due = makeDue(t.app, Math.round(opts.size * opts.dueShare))
    return await measureSweep(t, due)
  } finally {
    await t.app.close()
    rmSync(opts.work, { recursive: true, force: true })
  }
}

/** The scrypt part of unlocking: unwrapping the account's key slot. */
async function timeKdf(app: BenchApp): Promise<number> {
  const keyring = app.vault.keyring
  const slot = findAccountSlot(keyring, BENCH_USER)
  if (!slot) throw new Error('bench account has no key slot')
  const start = performance.now()
  const key = await unwrapDataKey(keyring, slot, BENCH_PASSPHRASE)
  const ms = performance.now() - start
  key?.fill(0)
  return ms
}

/**
 * Give `count` never-worked candidates without a W&S procedure an unsubscribe date on their
 * registration day, at least a year back: R-12 then has them shielded and due for deletion
 * (three calendar months after unsubscribing). The same rows in both twins (ordered by id).
 */
function makeDue(app: BenchApp, count: number): number {
  const cutoff = addCalendarYears(BENCH_TODAY, -1)
  return app.vault.db
    .prepare(
      `UPDATE person SET unsubscribedOn = registeredOn WHERE id IN (
         SELECT p.id FROM person p
         WHERE p.state = 'active' AND p.unsubscribedOn IS NULL AND p.registeredOn <= ?
           AND NOT EXISTS (SELECT 1 FROM employment e WHERE e.personId = p.id)
           AND NOT EXISTS (SELECT 1 FROM recruitment_procedure w WHERE w.personId = p.id)
           AND EXISTS (SELECT 1 FROM person_role r WHERE r.personId = p.id AND r.role = 'candidate')
         ORDER BY p.id LIMIT ?)`
    )
    .run(cutoff, count).changes
}
