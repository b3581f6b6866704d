#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --sizes 10000,100000] [-- --rounds 2] [-- --cache-mib 64] [-- --fresh] [-- --no-pdf] [-- --prepare-only]
//   [-- --server [--desks 10] [--seconds 60] [--server-only]]`
// Builds bench/suite.ts (vite), makes or reuses the cached data sets (encrypted vault + plain
// twin per size, keyed by size and generator version), measures each twin in its own process,
// prints the table with encrypted/plain ratios and targets, and writes bench/results.json.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatTable, compare } from './table.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const cache = join(here, '.cache')

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    'no-pdf': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '2' },
    'prepare-only': { type: 'boolean', default: false },
    'cache-mib': { type: 'string' },
    server: { type: 'boolean', default: false },
    'server-only': { type: 'boolean', default: false },
    desks: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '60' }
  }
})
if (values['cache-mib'] !== undefined) {
  const mib = Number(values['cache-mib'])
  if (!Number.isInteger(mib) || mib < 1) throw new Error('--cache-mib: a whole number of MiB')
  process.env.BENCH_CACHE_KIB = String(mib * 1024)
}
const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number, at least 1')
const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim())) : values.quick ? [10_000] : [10_000, 100_000]
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes: whole numbers of persons, at least 100')

const started = Date.now()
const log = (line) => process.stderr.write(line + '\n')

mkdirSync(cache, { recursive: true })
if (!values['no-build']) {
  log('building bench/suite.ts …')
  const { build } = await import('vite')
  await build({ configFile: join(here, 'vite.config.mts') })
  // The worker threads, beside suite.js where vault/workerThreads.ts looks for them.
  for (const [worker, source] of [
    ['walCheckpointWorker', 'src/main/vault/walCheckpointWorker.mts'],
    ['integrityCheckWorker', 'src/main/vault/integrityCheckWorker.mts'],
    ['retentionSweepWorker', 'src/main/services/retentionSweepWorker.ts']
  ]) {
    await build({
      configFile: join(here, 'vite.config.mts'),
      build: { ssr: join(root, source), rolldownOptions: { output: { entryFileNames: `${worker}.js` } } }
    })
  }
}

// The data depends on the generator, the import path and the schema: any change makes new data.
const generatorVersion = hashOf([
  ...listTs(join(root, 'src/main/demo')),
  ...listTs(join(root, 'src/main/vault/migrations')),
  join(root, 'src/main/people/importRows.ts'),
  join(root, 'src/main/people/newPersonRow.ts'),
  join(root, 'bench/prepare.ts')
])

const suite = join(cache, 'suite.js')
const results = { generatedAt: new Date().toISOString(), machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, generatorVersion, sizes: {} }

for (const size of sizes) {
  const data = join(cache, 'data', `n${size}-${generatorVersion}`)
  if (values.fresh) rmSync(data, { recursive: true, force: true })
  if (!existsSync(join(data, 'meta.json'))) {
    pruneOld(size)
    log(`preparing ${size.toLocaleString('en')} persons (cached in ${rel(data)}) …`)
    step(['prepare', '--size', String(size), '--data', data, '--generator-version', generatorVersion])
  } else log(`reusing ${rel(data)}`)
  const meta = JSON.parse(readFileSync(join(data, 'meta.json'), 'utf8'))
  if (values['prepare-only']) continue
  if (values.server || values['server-only']) {
    // Issue 17 point 7: the office server on a throwaway PostgreSQL cluster, the same data moved in.
    log(`measuring ${size.toLocaleString('en')} persons on the office server (PostgreSQL): import, latencies, sweep, ${values.desks} desks for ${values.seconds} s …`)
    const serverFile = join(cache, `result-${size}-server.json`)
    rmSync(serverFile, { force: true })
    step(['server', '--size', String(size), '--data', data, '--work', join(cache, 'work', `server-${size}`), '--out', serverFile, '--desks', values.desks, '--seconds', values.seconds])
    results.sizes[size] = { ...(results.sizes[size] ?? {}), meta, server: JSON.parse(readFileSync(serverFile, 'utf8')) }
    if (values['server-only']) continue
  }
  const latencyFile = join(cache, `result-${size}-latency.json`)
  log(`measuring ${size.toLocaleString('en')} persons: per-call latencies, both twins alternating …`)
  rmSync(latencyFile, { force: true })
  step([
    'latency', '--size', String(size), '--data', data, '--work', join(cache, 'work', `latency-${size}`), '--out', latencyFile,
    ...(values.quick ? ['--quick'] : []), ...(values['no-pdf'] ? ['--no-pdf'] : [])
  ])
  const latency = JSON.parse(readFileSync(latencyFile, 'utf8'))
  // ABBA (enc, plain, plain, enc …): each twin in its own process on a fresh copy; per twin the
  // best of its runs — the run least disturbed by whatever else this machine was doing.
  const heavyRuns = { enc: [], plain: [] }
  for (let round = 0; round < rounds; round++) {
    for (const variant of round % 2 === 0 ? ['enc', 'plain'] : ['plain', 'enc']) {
      log(`measuring ${size.toLocaleString('en')} persons: unlock, backup, retention — ${variant === 'enc' ? 'encrypted' : 'plain'} (run ${round + 1}/${rounds}) …`)
      const file = join(cache, `result-${size}-${variant}.json`)
      rmSync(file, { force: true })
      step(['heavy', '--size', String(size), '--variant', variant, '--source', join(data, variant), '--work', join(cache, 'work', `${variant}-${size}`), '--out', file])
      heavyRuns[variant].push(JSON.parse(readFileSync(file, 'utf8')))
    }
  }
  const heavy = { enc: bestOf(heavyRuns.enc), plain: bestOf(heavyRuns.plain) }
  const out = { enc: merge(heavy.enc, latency, 'enc'), plain: merge(heavy.plain, latency, 'plain') }
  results.sizes[size] = { ...(results.sizes[size] ?? {}), meta, enc: out.enc, plain: out.plain, rows: compare(out.enc, out.plain) }
}

if (values['prepare-only']) process.exit(0)
results.totalSeconds = Math.round((Date.now() - started) / 1000)
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n')
process.stdout.write(formatTable(results) + '\n')
log(`wrote bench/results.json (${results.totalSeconds} s)`)

/** Per timing the fastest run; sizes, counts and peak RSS from the runs as they are. */
function bestOf(runs) {
  const min = (get) => {
    const vs = runs.map(get).filter((v) => typeof v === 'number')
    return vs.length ? Math.min(...vs) : undefined
  }
  const first = runs[0]
  const best = JSON.parse(JSON.stringify(first))
  best.unlock.ms = min((r) => r.unlock.ms)
  best.unlock.kdfMs = min((r) => r.unlock.kdfMs) ?? null
  best.quickCheckMs = min((r) => r.quickCheckMs)
  best.integrityCheckMs = min((r) => r.integrityCheckMs)
  for (const key of ['retentionPreview', 'retentionDashboard', 'retentionPlan', 'backup', 'sweep']) {
    if (best[key] && 'ms' in best[key]) best[key].ms = min((r) => r[key]?.ms)
  }
  // The longest block is a ceiling to respect: the worst run counts, not the best.
  if (best.sweep && 'eventLoopMaxMs' in best.sweep) {
    best.sweep.eventLoopMaxMs = Math.max(...runs.map((r) => r.sweep?.eventLoopMaxMs ?? 0))
    // The worst run's main-thread view, whole (its longest gap with that gap's own work and wait).
    const worst = runs.filter((r) => r.sweep?.mainThread).sort((a, b) => b.sweep.mainThread.longestGapMs - a.sweep.mainThread.longestGapMs)[0]
    if (worst) best.sweep.mainThread = worst.sweep.mainThread
    best.sweep.bystanderMaxGapMs = Math.max(...runs.map((r) => r.sweep?.bystanderMaxGapMs ?? 0))
  }
  best.peakRssMiB = Math.max(...runs.map((r) => r.peakRssMiB))
  best.runs = runs.length
  return best
}

/** One twin's view: its heavy results plus its half of the alternating latency samples. */
function merge(heavy, latency, variant) {
  const view = { ...heavy }
  for (const [key, value] of Object.entries(latency)) {
    if (value && typeof value === 'object' && variant in value) view[key] = value[variant]
  }
  const mine = (c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v && typeof v === 'object' ? v[variant] : v]))
  view.cacheSizes = latency.cacheSizes.map(mine)
  view.coldEach = mine(latency.coldEach)
  return view
}

function step(args) {
  const r = spawnSync(process.execPath, ['--expose-gc', suite, ...args], { stdio: ['ignore', 'inherit', 'inherit'], cwd: root })
  if (r.status !== 0) {
    log(`bench step "${args[0]}" failed (exit ${r.status ?? r.signal})`)
    process.exit(1)
  }
}

function listTs(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => join(dir, f)) : []
}

function hashOf(files) {
  const h = createHash('sha256')
  for (const f of files) h.update(f.slice(root.length)).update('\0').update(existsSync(f) ? readFileSync(f) : '').update('\0')
  return h.digest('hex').slice(0, 10)
}

/** Data sets of this size made by an older generator are dead weight (100k is ~hundreds of MB). */
function pruneOld(size) {
  const dir = join(cache, 'data')
  if (!existsSync(dir)) return
  for (const d of readdirSync(dir)) if (d.startsWith(`n${size}-`)) rmSync(join(dir, d), { recursive: true, force: true })
}

function rel(p) {
  return p.slice(root.length + 1)
}
