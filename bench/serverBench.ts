import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { FixedClock } from '../src/main/clock'
import { addCalendarYears } from '../src/shared/time'
import { initServer, type ServerAddress, serverDataSource } from '../src/main/server/initServer'
import { createDispatcher } from '../src/main/services/dispatcher'
import { importVault } from '../src/main/services/importVault'
import { retentionSchedulerOf } from '../src/main/services/retentionScheduling'
import { ServerApp } from '../src/main/services/ServerApp'
import { Vault } from '../src/main/vault/Vault'
import { ContractError, createContractClient } from '../src/shared/contract/client'
import { startPgCluster } from '../test/server/pgCluster'
import { BENCH_PASSPHRASE, BENCH_SEED, BENCH_TODAY, BENCH_USER, benchClock } from './benchVault'
import { intakeInputs } from './intakeInputs'
import { type Latency, round, summarise } from './stats'
import { workCopy } from './twins'

/**
 * Issue 17 point 7: the office server, measured beside the local vault in the same `npm run bench
 * -- --server` run. A throwaway PostgreSQL cluster with the server's own durability (fsync and
 * full-page writes on, unlike the tests'), on the same machine as the desks (a Unix socket: no
 * network in the numbers). The cached data set's encrypted vault moves in with `server
 * import-vault` (its time is a number too); then, from desks signed in as their own logins:
 * search, save and detail latencies; the sweep of `dueShare` of the persons made due; and the
 * load of `desks` processes for `seconds`, each a desk of its own doing a mix of intake,
 * searches, detail loads and edits, two of them privacy officers whose schedulers sweep while
 * the others work. What counts there besides speed: no lost update (optimistic locking), one audit
 * chain that verifies, and every due person removed exactly once however many desks sweep.
 */
export interface ServerBenchResult {
  size: number
  persons: number
  importMs: number
  search: Latency
  detail: Latency
  save: Latency
  sweep: { due: number; ms: number; personsChanged: number }
  load: LoadResult
}

export interface LoadResult {
  desks: number
  seconds: number
  ops: number
  opsPerSecond: number
  latency: Record<OpKind, Latency>
  edits: { saved: number; refusedAsChanged: number }
  /** edits that reported success but were overwritten unseen, or two that both saved from one version */
  lostUpdates: number
  audit: { ok: boolean; entries: number }
  sweeps: { runs: number; due: number; removed: number; removedTwice: number }
}

type OpKind = 'search' | 'detail' | 'edit' | 'intake'

export interface DeskPlan {
  address: ServerAddress
  username: string
  passphrase: string
  seconds: number
  seed: number
  /** the persons every desk edits: the contention optimistic locking must survive */
  hot: string[]
  /** name prefixes to search for */
  prefixes: string[]
  /** persons to open */
  detail: string[]
  /** this desk's intake forms (refs, e-mails and phones no other desk uses) */
  intake: ReturnType<typeof intakeInputs>
  /** a privacy officer's desk also runs the office sweep every few seconds */
  sweeps: boolean
}

interface DeskOutcome {
  samples: Record<OpKind, number[]>
  edits: { personId: string; from: number; token: string; saved: boolean }[]
  sweepRuns: number
  failures: Record<string, number>
}

const SAMPLES = { searches: 300, details: 400, saves: 300 }
const LOAD_PASSPHRASE = 'bench desk passphrase, synthetic data only'
const SWEEP_EVERY_MS = 5_000

export async function measureServer(opts: { size: number; data: string; work: string; suite: string; desks: number; seconds: number; dueShare: number; log: (line: string) => void }): Promise<ServerBenchResult> {
  const { log } = opts
  const cluster = await startPgCluster({ passwordLogins: 'all', durable: true, settings: ['shared_buffers=256MB', 'max_connections=200'] })
  const address = { host: cluster.host, port: cluster.port, username: cluster.user, database: 'postgres' }
  const clock = benchClock()
  const owner = serverDataSource(address)
  const desks: ServerApp[] = []
  try {
    await owner.initialize()
    await initServer(owner)
    workCopy(join(opts.data, 'enc'), join(opts.work, 'enc'))
    const vault = await Vault.open(join(opts.work, 'enc'), BENCH_USER, BENCH_PASSPHRASE)
    await vault.whenWritable()
    const started = performance.now()
    await importVault(owner, vault, { username: BENCH_USER, passphrase: BENCH_PASSPHRASE }, clock)
    const importMs = performance.now() - started
    await vault.close()
    rmSync(join(opts.work, 'enc'), { recursive: true, force: true })
    log(`    server: ${opts.size.toLocaleString('en')} persons imported in ${Math.round(importMs / 1000)} s`)
    await owner.query('ANALYZE')

    const admin = await desk(address, clock, BENCH_USER, BENCH_PASSPHRASE, desks)
    const accounts: { username: string; roles: ('privacy_officer' | 'staff')[] }[] = Array.from({ length: opts.desks }, (_, i) => ({ username: `bureau${i + 1}`, roles: i < 2 ? ['privacy_officer', 'staff'] : ['staff'] }))
    for (const a of accounts) await call(admin)('addAccount', { username: a.username, displayName: a.username, roles: [...a.roles], passphrase: LOAD_PASSPHRASE })
    const staff = await desk(address, clock, accounts[2]!.username, LOAD_PASSPHRASE, desks)
    const officer = await desk(address, clock, accounts[0]!.username, LOAD_PASSPHRASE, desks)

    const active = (await owner.query(`SELECT "id", "searchFamily" FROM "person" WHERE "state" = 'active' ORDER BY "id"`)) as { id: string; searchFamily: string }[]
    const persons = Number(((await owner.query('SELECT count(*)::int AS "n" FROM "person"')) as { n: number }[])[0]!.n)
    const pick = <T>(items: readonly T[], n: number, salt: number) => Array.from({ length: n }, (_, i) => items[(i * 7919 + salt * 104_729) % items.length]!)

    // One desk's latencies, as a consultant sees them: every call through the dispatcher (validation, role, service, audit, commit).
    const prefixes = pick(active, SAMPLES.searches, 2).map((p) => p.searchFamily.slice(0, 4))
    for (const q of prefixes.slice(0, 20)) await call(staff)('searchPersons', { query: q })
    const search = await timedEach(prefixes, (q) => call(staff)('searchPersons', { query: q }))
    const detailIds = pick(active, SAMPLES.details, 5).map((p) => p.id)
    const detail = await timedEach(detailIds, (personId) => call(staff)('getPerson', { personId }))
    const forms = intakeInputs(opts.size, SAMPLES.saves * 3 + opts.desks * 400)
    const saveForms = forms.slice(0, SAMPLES.saves * 3)
    const save: number[] = []
    for (const form of saveForms) {
      if (save.length >= SAMPLES.saves) break
      const t = performance.now()
      try {
        await call(staff)('createPerson', form)
        save.push(performance.now() - t)
      } catch (e) {
        if (!(e instanceof ContractError && e.code === 'DUPLICATE_PERSON')) throw e
      }
    }
    log('    server: search, detail and save latencies done')

    // The sweep: `dueShare` of the persons made due (never-worked candidates unsubscribed a year ago or more), swept by a privacy officer.
    const due = await makeDue(owner, Math.round(opts.size * opts.dueShare))
    const sweepStart = performance.now()
    const run = (await call(officer)('runRetention', {})) as { personsChanged?: number }
    const sweep = { due, ms: round(performance.now() - sweepStart, 1), personsChanged: run.personsChanged ?? 0 }
    log(`    server: sweep of ${due.toLocaleString('en')} due in ${Math.round(sweep.ms / 1000)} s`)

    // The load: more persons due, swept by whichever privacy officer's desk gets there first.
    const loadDue = await dueIds(owner, 500)
    const hotPool = (await owner.query(
      `SELECT p."id" FROM "person" p WHERE p."state" = 'active' AND EXISTS (SELECT 1 FROM "employment" e WHERE e."personId" = p."id" AND e."end" IS NULL) ORDER BY p."id" LIMIT 40`
    )) as { id: string }[]
    const loadForms = forms.slice(SAMPLES.saves * 3)
    // Who is still there after the sweep, and not about to go in the load's own sweeps.
    const present = ((await owner.query(`SELECT "id", "searchFamily" FROM "person" WHERE "state" = 'active' AND NOT ("id" = ANY($1)) ORDER BY "id"`, [loadDue])) as { id: string; searchFamily: string }[])
    const plans: DeskPlan[] = accounts.map((a, i) => ({
      address,
      username: a.username,
      passphrase: LOAD_PASSPHRASE,
      seconds: opts.seconds,
      seed: BENCH_SEED + i,
      hot: hotPool.map((h) => h.id),
      prefixes: pick(present, 200, 11 + i).map((p) => p.searchFamily.slice(0, 4)),
      detail: pick(present, 200, 23 + i).map((p) => p.id),
      intake: loadForms.filter((_, k) => k % opts.desks === i),
      sweeps: a.roles.includes('privacy_officer')
    }))
    for (const d of desks.splice(0)) await d.close()
    log(`    server: ${opts.desks} desks for ${opts.seconds} s …`)
    const outcomes = await runDesks(plans, opts.suite, opts.work)
    const load = await judgeLoad(owner, address, clock, outcomes, plans, loadDue, desks)
    log(`    server: load done (${load.opsPerSecond} ops/s, lost updates ${load.lostUpdates}, audit ${load.audit.ok ? 'ok' : 'BROKEN'})`)
    return { size: opts.size, persons, importMs: round(importMs, 0), search: summarise(search), detail: summarise(detail), save: summarise(save), sweep, load }
  } finally {
    for (const d of desks) await d.close().catch(() => undefined)
    if (owner.isInitialized) await owner.destroy()
    cluster.stop()
  }
}

/** One desk process of the load (`suite.js desk --plan FILE --out FILE`). */
export async function runDesk(plan: DeskPlan): Promise<DeskOutcome> {
  const clock = benchClock()
  const app = new ServerApp({ server: plan.address, clock })
  await app.signIn(plan.username, plan.passphrase)
  const c = createContractClient(createDispatcher(app)).call
  const outcome: DeskOutcome = { samples: { search: [], detail: [], edit: [], intake: [] }, edits: [], sweepRuns: 0, failures: {} }
  const scheduler = plan.sweeps ? retentionSchedulerOf(app) : null
  let sweeping: Promise<void> | null = null
  let nextSweep = performance.now() + (plan.seed % 2) * (SWEEP_EVERY_MS / 2)
  let rng = plan.seed
  const next = () => ((rng = (rng * 1_103_515_245 + 12_345) % 2 ** 31), rng / 2 ** 31)
  let intakeAt = 0
  const deadline = performance.now() + plan.seconds * 1000
  try {
    while (performance.now() < deadline) {
      if (scheduler && !sweeping && performance.now() >= nextSweep) {
        // The system's run, as the scheduler makes it: skipped while another desk sweeps.
        sweeping = scheduler.tick().then((r) => {
          if (r) outcome.sweepRuns++
          sweeping = null
          nextSweep = performance.now() + SWEEP_EVERY_MS
        })
      }
      const r = next()
      const kind: OpKind = r < 0.45 ? 'search' : r < 0.75 ? 'detail' : r < 0.9 ? 'edit' : 'intake'
      const start = performance.now()
      try {
        if (kind === 'search') await c('searchPersons', { query: plan.prefixes[Math.floor(next() * plan.prefixes.length)]! })
        else if (kind === 'detail') await c('getPerson', { personId: plan.detail[Math.floor(next() * plan.detail.length)]! })
        else if (kind === 'intake') {
          const form = plan.intake[intakeAt++ % plan.intake.length]!
          await c('createPerson', { ...form, confirmNotDuplicate: true }).catch((e: unknown) => {
            if (!(e instanceof ContractError && (e.code === 'CONFLICT' || e.code === 'DO_NOT_CONTACT_MATCH'))) throw e // a form used twice
          })
        } else {
          // Open, change one field, save with the version opened: another desk's save in between refuses it.
          const personId = plan.hot[Math.floor(next() * plan.hot.length)]!
          const { version } = await c('getPerson', { personId })
          const token = `bureau ${plan.username} wijziging ${outcome.edits.length + 1}`
          try {
            await c('updatePerson', { personId, expectedVersion: version, changes: { availability: token }, reason: 'bench' })
            outcome.edits.push({ personId, from: version, token, saved: true })
          } catch (e) {
            if (!(e instanceof ContractError && e.code === 'RECORD_CHANGED')) throw e
            outcome.edits.push({ personId, from: version, token, saved: false })
          }
        }
        outcome.samples[kind].push(performance.now() - start)
      } catch (e) {
        const code = e instanceof ContractError ? e.code : e instanceof Error ? e.name : 'failed'
        outcome.failures[`${kind}:${code}`] = (outcome.failures[`${kind}:${code}`] ?? 0) + 1
      }
    }
    await sweeping
  } finally {
    await app.close()
  }
  return outcome
}

async function runDesks(plans: DeskPlan[], suite: string, work: string): Promise<DeskOutcome[]> {
  mkdirSync(work, { recursive: true })
  return Promise.all(
    plans.map(
      (plan, i) =>
        new Promise<DeskOutcome>((resolve, reject) => {
          const planFile = join(work, `desk-${i}-plan.json`)
          const outFile = join(work, `desk-${i}-out.json`)
          writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 })
          const child = spawn(process.execPath, [suite, 'desk', '--size', '1', '--plan', planFile, '--out', outFile], { stdio: ['ignore', 'inherit', 'inherit'] })
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(outFile, 'utf8')) as DeskOutcome) : reject(new Error(`desk ${i + 1} exited with ${code}`))))
        })
    )
  )
}

async function judgeLoad(owner: import('typeorm').DataSource, address: ServerAddress, clock: FixedClock, outcomes: DeskOutcome[], plans: DeskPlan[], loadDue: string[], desks: ServerApp[]): Promise<LoadResult> {
  const seconds = plans[0]!.seconds
  const failures = outcomes.flatMap((o) => Object.entries(o.failures))
  if (failures.length > 0) throw new Error(`desk operations failed: ${failures.map(([k, n]) => `${k} ×${n}`).join(', ')}`)
  const kinds: OpKind[] = ['search', 'detail', 'edit', 'intake']
  const latency = Object.fromEntries(kinds.map((k) => [k, summarise(outcomes.flatMap((o) => o.samples[k]))])) as Record<OpKind, Latency>
  const ops = kinds.reduce((n, k) => n + latency[k].n, 0)

  // Lost updates: two saves from the same version of a person, or a saved edit that is not what the
  // person holds although no later save of that person came after it.
  const edits = outcomes.flatMap((o) => o.edits)
  const saved = edits.filter((e) => e.saved)
  const fromVersion = new Map<string, number>()
  for (const e of saved) fromVersion.set(`${e.personId}@${e.from}`, (fromVersion.get(`${e.personId}@${e.from}`) ?? 0) + 1)
  let lostUpdates = [...fromVersion.values()].reduce((n, c) => n + (c - 1), 0)
  const admin = await desk(address, clock, BENCH_USER, BENCH_PASSPHRASE, desks)
  const lastSaved = new Map<string, { from: number; token: string }>()
  for (const e of saved) if ((lastSaved.get(e.personId)?.from ?? -1) < e.from) lastSaved.set(e.personId, e)
  for (const [personId, last] of lastSaved) {
    const held = await call(admin)('getPerson', { personId })
    if (held.availability !== last.token) lostUpdates++
  }

  const verdict = (await call(admin)('verifyAudit', {})) as { ok: boolean; entries?: number }
  const entries = Number(((await owner.query('SELECT count(*)::int AS "n" FROM "audit_entry"')) as { n: number }[])[0]!.n)
  const removed = Number(((await owner.query(`SELECT count(*)::int AS "n" FROM "tombstone" WHERE "personId" = ANY($1)`, [loadDue])) as { n: number }[])[0]!.n)
  const removedTwice = Number(
    ((await owner.query(`SELECT count(*)::int AS "n" FROM (SELECT "personId" FROM "tombstone" WHERE "personId" = ANY($1) GROUP BY "personId" HAVING count(*) > 1) x`, [loadDue])) as { n: number }[])[0]!.n
  )
  return {
    desks: plans.length,
    seconds,
    ops,
    opsPerSecond: round(ops / seconds, 1),
    latency,
    edits: { saved: saved.length, refusedAsChanged: edits.length - saved.length },
    lostUpdates,
    audit: { ok: verdict.ok, entries },
    sweeps: { runs: outcomes.reduce((n, o) => n + o.sweepRuns, 0), due: loadDue.length, removed, removedTwice }
  }
}

async function desk(address: ServerAddress, clock: FixedClock, username: string, passphrase: string, open: ServerApp[]): Promise<ServerApp> {
  const app = new ServerApp({ server: address, clock })
  await app.signIn(username, passphrase)
  open.push(app)
  return app
}

function call(app: ServerApp) {
  return createContractClient(createDispatcher(app)).call
}

async function timedEach<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (const item of items) {
    const t = performance.now()
    await work(item)
    out.push(performance.now() - t)
  }
  return out
}

/** As the local bench's makeDue (heavy.ts), in PostgreSQL's words: `count` never-worked candidates unsubscribed on their registration day. */
async function makeDue(owner: import('typeorm').DataSource, count: number): Promise<number> {
  return (await dueIds(owner, count)).length
}

async function dueIds(owner: import('typeorm').DataSource, count: number): Promise<string[]> {
  const rows = (await owner.query(
    `UPDATE "person" SET "unsubscribedOn" = "registeredOn" WHERE "id" IN (
       SELECT p."id" FROM "person" p
       WHERE p."state" = 'active' AND p."unsubscribedOn" IS NULL AND p."registeredOn" <= $1
         AND NOT EXISTS (SELECT 1 FROM "employment" e WHERE e."personId" = p."id")
         AND NOT EXISTS (SELECT 1 FROM "recruitment_procedure" w WHERE w."personId" = p."id")
         AND EXISTS (SELECT 1 FROM "person_role" r WHERE r."personId" = p."id" AND r."role" = 'candidate')
       ORDER BY p."id" LIMIT $2) RETURNING "id"`,
    [addCalendarYears(BENCH_TODAY, -1), count]
  )) as [{ id: string }[], number] | { id: string }[]
  const list = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : (rows as { id: string }[])
  return list.map((r) => r.id)
}
