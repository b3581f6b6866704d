// The results table: one row per measurement, per size the encrypted and plain value and their
// ratio, and the issue-8 target (≤1.5× searches and detail loads, ≤2.5× saves, sweeps and
// deletions) marked pass/fail. Printed as a Markdown table so it can be pasted into notes.

const MIB = 1024 * 1024
const lat = (key, stat) => (r) => num(r[key]?.[stat])
const cache = (kib, what, stat) => (r) => num(r.cacheSizes?.find((c) => c.kib === kib)?.[what]?.[stat])

/** [label, value(result), target ratio or null] */
export const ROWS = [
  ['unlock: key-slot scrypt + open (ms)', (r) => num(r.unlock?.ms), null],
  ['  of which scrypt (ms)', (r) => num(r.unlock?.kdfMs), null],
  ['unlock until writes may start: + integrity check on a worker (ms)', (r) => num(r.unlock?.writableMs), null],
  ['PRAGMA quick_check, whole file (ms)', (r) => num(r.quickCheckMs), null],
  ['PRAGMA integrity_check, whole file (ms)', (r) => num(r.integrityCheckMs), null],
  ['intake save p50 (ms)', lat('save', 'p50'), 2.5],
  ['intake save p95 (ms)', lat('save', 'p95'), 2.5],
  ['search name prefix p50 (ms)', lat('searchName', 'p50'), 1.5],
  ['search name prefix p95 (ms)', lat('searchName', 'p95'), 1.5],
  ['search postcode p50 (ms)', lat('searchPostcode', 'p50'), 1.5],
  ['search postcode p95 (ms)', lat('searchPostcode', 'p95'), 1.5],
  ['search e-mail prefix p50 (ms)', lat('searchEmail', 'p50'), 1.5],
  ['search e-mail prefix p95 (ms)', lat('searchEmail', 'p95'), 1.5],
  ['detail load p50 (ms)', lat('detail', 'p50'), 1.5],
  ['detail load p95 (ms)', lat('detail', 'p95'), 1.5],
  ['page cache 2 MiB: detail p95, from cold (ms)', cache(2048, 'detail', 'p95'), 1.5],
  ['page cache 16 MiB: detail p95, from cold (ms)', cache(16384, 'detail', 'p95'), 1.5],
  ['page cache 64 MiB: detail p95, from cold (ms)', cache(65536, 'detail', 'p95'), 1.5],
  ['page cache 2 MiB: name search p50 (ms)', cache(2048, 'searchName', 'p50'), 1.5],
  ['page cache 2 MiB: name search p95 (ms)', cache(2048, 'searchName', 'p95'), 1.5],
  ['page cache 16 MiB: name search p50 (ms)', cache(16384, 'searchName', 'p50'), 1.5],
  ['page cache 16 MiB: name search p95 (ms)', cache(16384, 'searchName', 'p95'), 1.5],
  ['page cache 64 MiB: name search p50 (ms)', cache(65536, 'searchName', 'p50'), 1.5],
  ['page cache 64 MiB: name search p95 (ms)', cache(65536, 'searchName', 'p95'), 1.5],
  ['page cache 2 MiB: postcode search p95 (ms)', cache(2048, 'searchPostcode', 'p95'), 1.5],
  ['page cache 16 MiB: postcode search p95 (ms)', cache(16384, 'searchPostcode', 'p95'), 1.5],
  ['page cache 64 MiB: postcode search p95 (ms)', cache(65536, 'searchPostcode', 'p95'), 1.5],
  ['page cache 2 MiB: e-mail search p95 (ms)', cache(2048, 'searchEmail', 'p95'), 1.5],
  ['page cache 16 MiB: e-mail search p95 (ms)', cache(16384, 'searchEmail', 'p95'), 1.5],
  ['page cache 64 MiB: e-mail search p95 (ms)', cache(65536, 'searchEmail', 'p95'), 1.5],
  ['16 MiB cache emptied before each search: name p95 (ms)', (r) => num(r.coldEach?.searchName?.p95), 1.5],
  ['16 MiB cache emptied before each search: postcode p95 (ms)', (r) => num(r.coldEach?.searchPostcode?.p95), 1.5],
  ['16 MiB cache emptied before each search: e-mail p95 (ms)', (r) => num(r.coldEach?.searchEmail?.p95), 1.5],
  ['access report HTML p50 (ms)', lat('accessReportHtml', 'p50'), null],
  ['access report HTML p95 (ms)', lat('accessReportHtml', 'p95'), null],
  ['export of one person (R-20 JSON) p50 (ms)', lat('personExport', 'p50'), null],
  ['export of one person (R-20 JSON) p95 (ms)', lat('personExport', 'p95'), null],
  ['access report PDF, first of the session (ms)', (r) => num(r.accessReportPdfMs), null],
  ['access report PDF, later ones p50 (ms)', lat('accessReportPdfLater', 'p50'), null],
  ['access report PDF, later ones max (ms)', lat('accessReportPdfLater', 'max'), null],
  ['person + special data, 3 values, p50 (ms)', lat('specialDetail', 'p50'), 1.5],
  ['person + special data, 3 values, p95 (ms)', lat('specialDetail', 'p95'), 1.5],
  ['restricted key: sealed vs clear values, both encrypted vault, p50 (ms)', lat('specialSealing', 'p50'), 1.1],
  ['restricted key: sealed vs clear values, both encrypted vault, p95 (ms)', lat('specialSealing', 'p95'), 1.1],
  ['retention preview, every person (ms)', (r) => num(r.retentionPreview?.ms), 2.5],
  ['retention dashboard, due within 90 days (ms)', (r) => num(r.retentionDashboard?.ms), 2.5],
  ['retention plan, due today (ms)', (r) => num(r.retentionPlan?.ms), 2.5],
  ['retention sweep, 10% of persons due (ms)', (r) => num(r.sweep?.ms), 2.5],
  ['  persons deleted by the sweep', (r) => num(r.sweep?.personsChanged), null],
  ['  longest event-loop block in sweep: 5 ms monitor\'s longest interval, worst run (ms)', (r) => num(r.sweep?.eventLoopMaxMs), null],
  ['  longest event-loop block in sweep: longest gap of a 1 ms timer, worst run (ms)', (r) => num(r.sweep?.mainThread?.longestGapMs), null],
  ['    of which the main thread\'s own work (ms)', (r) => num(r.sweep?.mainThread?.gapOwnWorkMs), null],
  ['    of which waiting for a CPU (ms)', (r) => num(r.sweep?.mainThread?.gapCpuWaitMs), null],
  ['    gaps of 16 ms or more in the run', (r) => num(r.sweep?.mainThread?.gapsOverFrame), null],
  ['    the machine meanwhile: longest gap of a 1 ms timer in an idle second process (ms)', (r) => num(r.sweep?.bystanderMaxGapMs), null],
  ['    main thread\'s own work, longest between two ticks (ms)', (r) => num(r.sweep?.mainThread?.ownWorkMaxMs), null],
  ['    main thread\'s wait for a CPU, longest between two ticks (ms)', (r) => num(r.sweep?.mainThread?.cpuWaitMaxMs), null],
  ['backup (ms)', (r) => num(r.backup?.ms), null],
  ['database size (MiB)', (r) => (typeof r.dbBytes === 'number' ? r.dbBytes / MIB : null), null],
  ['peak RSS (MiB)', (r) => num(r.peakRssMiB), null]
]

function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** Why a measurement is missing, from the result objects (e.g. "getAccessReportHtml: INTERNAL"). */
function missing(result) {
  return Object.entries(result)
    .filter(([, v]) => v && typeof v === 'object' && 'notMeasured' in v)
    .map(([k, v]) => `${k}: ${v.notMeasured}`)
}

export function compare(enc, plain) {
  return ROWS.map(([label, value, target]) => {
    const e = value(enc)
    const p = value(plain)
    const ratio = e !== null && p !== null && p > 0 ? e / p : null
    return { label, enc: e, plain: p, ratio, target, pass: target === null || ratio === null ? null : ratio <= target }
  })
}

function fmt(v) {
  if (v === null || v === undefined) return 'n/m'
  if (Math.abs(v) >= 100) return v.toFixed(0)
  if (Math.abs(v) >= 10) return v.toFixed(1)
  return v.toFixed(2)
}

export function formatTable(results) {
  const all = Object.keys(results.sizes).map(Number).sort((a, b) => a - b)
  const server = formatServer(results, all.filter((n) => results.sizes[n].server))
  const sizes = all.filter((n) => results.sizes[n].rows)
  if (sizes.length === 0) return server.join('\n')
  const head = ['measurement']
  for (const n of sizes) head.push(`${n / 1000}k enc`, `${n / 1000}k plain`, `${n / 1000}k ratio`)
  head.push('target', 'result')
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`]
  ROWS.forEach(([label, , target], i) => {
    const cells = [label]
    const verdicts = []
    for (const n of sizes) {
      const row = results.sizes[n].rows[i]
      cells.push(fmt(row.enc), fmt(row.plain), row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`)
      if (row.pass !== null) verdicts.push(row.pass)
    }
    cells.push(target === null ? '—' : `≤${target}×`, verdicts.length === 0 ? '—' : verdicts.every(Boolean) ? 'PASS' : 'FAIL')
    lines.push(`| ${cells.join(' | ')} |`)
  })
  const notes = []
  for (const n of sizes) {
    const s = results.sizes[n]
    notes.push(`${n.toLocaleString('en')} persons: data set ${s.meta.persons.toLocaleString('en')} persons after the steady-state sweep; cipher ${s.enc.cipher}; page cache ${(s.enc.cacheKib ?? 0) / 1024} MiB; ${s.enc.sweep?.due ?? 'n/m'} made due.`)
    for (const m of new Set([...missing(s.enc), ...missing(s.plain)])) notes.push(`  not measured (${n}): ${m}`)
    // Issue 5's absolute floors, for the encrypted vault: a sweep over 100,000 persons with
    // 10,000 due under 10 s, and no main-thread block of 50 ms or more while it runs.
    // Issue 16 point 9: the second and later access-report PDFs of a session under 1 s.
    const later = s.enc.accessReportPdfLater
    if (later && typeof later.max === 'number') notes.push(`issue 16 (encrypted, ${n.toLocaleString('en')} persons): later access-report PDFs of a session, slowest ${later.max.toFixed(0)} ms (target < 1000 ms) ${later.max < 1000 ? 'PASS' : 'FAIL'}`)
    const sweep = s.enc.sweep
    if (n >= 100_000 && sweep && typeof sweep.ms === 'number') {
      const pass = (ok) => (ok ? 'PASS' : 'FAIL')
      notes.push(
        `issue 5 (encrypted, ${n.toLocaleString('en')} persons, ${sweep.personsChanged.toLocaleString('en')} deleted): sweep ${(sweep.ms / 1000).toFixed(1)} s (target < 10 s) ${pass(sweep.ms < 10_000)}; ` +
          `longest event-loop block ${sweep.eventLoopMaxMs} ms (target < 50 ms) ${pass(sweep.eventLoopMaxMs < 50)}`
      )
    }
  }
  const m = results.machine
  notes.push(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB, Node ${m.node}; total ${results.totalSeconds ?? '?'} s`)
  return [...lines, '', ...notes, ...(server.length ? ['', ...server] : [])].join('\n')
}

/**
 * Issue 17 point 7: the office server beside the local (encrypted) vault, per size; then the
 * several-desk load and what must hold under it (0 lost updates, one chain, each due person
 * removed once).
 */
function formatServer(results, sizes) {
  if (sizes.length === 0) return []
  const ms = (l) => (l && typeof l.p95 === 'number' ? l.p95.toFixed(1) : '—')
  const lines = ['| office server (PostgreSQL) | ' + sizes.map((n) => `${n / 1000}k local vault | ${n / 1000}k server`).join(' | ') + ' |', '|---|' + sizes.map(() => '---:|---:').join('|') + '|']
  const row = (label, local, remote) => lines.push(`| ${label} | ${sizes.map((n) => `${local(results.sizes[n].enc)} | ${remote(results.sizes[n].server)}`).join(' | ')} |`)
  row('search by name p95 (ms)', (e) => ms(e?.searchName), (s) => ms(s.search))
  row('intake save p95 (ms)', (e) => ms(e?.save), (s) => ms(s.save))
  row('detail load p95 (ms)', (e) => ms(e?.detail), (s) => ms(s.detail))
  row('sweep, 10% due (s)', (e) => (typeof e?.sweep?.ms === 'number' ? (e.sweep.ms / 1000).toFixed(1) : '—'), (s) => (s.sweep.ms / 1000).toFixed(1))
  row('vault moved in (s)', () => '—', (s) => (s.importMs / 1000).toFixed(1))
  const notes = ['']
  for (const n of sizes) {
    const l = results.sizes[n].server.load
    const pass = (ok) => (ok ? 'PASS' : 'FAIL')
    notes.push(
      `${n.toLocaleString('en')} persons, ${l.desks} desks × ${l.seconds} s: ${l.ops.toLocaleString('en')} operations, ${l.opsPerSecond} per second; p95 search ${ms(l.latency.search)}, detail ${ms(l.latency.detail)}, edit ${ms(l.latency.edit)}, intake ${ms(l.latency.intake)} ms; ` +
        `edits saved ${l.edits.saved}, refused as changed by someone else ${l.edits.refusedAsChanged}; lost updates ${l.lostUpdates} ${pass(l.lostUpdates === 0)}; ` +
        `audit chain of ${l.audit.entries.toLocaleString('en')} entries verifies ${pass(l.audit.ok)}; sweeps ${l.sweeps.runs}, ${l.sweeps.removed}/${l.sweeps.due} due removed, twice ${l.sweeps.removedTwice} ${pass(l.sweeps.removed === l.sweeps.due && l.sweeps.removedTwice === 0)}`
    )
  }
  return [...lines, ...notes]
}
