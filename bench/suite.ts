import 'reflect-metadata'
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { measureHeavy, measureSweepOnly } from './heavy'
import { measureLatencies } from './latency'
import { prepare } from './prepare'
import { measureServer, runDesk } from './serverBench'
import type { Variant } from './twins'

/**
 * The bench's worker, built by bench/run.mjs into bench/.cache/suite.js and run once per step in
 * its own process:
 *   suite.js prepare --size N --data DIR --generator-version V
 *   suite.js latency --size N --data DIR --work DIR --out FILE [--quick] [--no-pdf]   (both twins, alternating)
 *   suite.js heavy --size N --variant enc|plain --source DIR --work DIR --out FILE     (one twin per process)
 *   suite.js sweep --size N --variant enc|plain --source DIR --work DIR [--out FILE]   (only the sweep)
 *   suite.js server --size N --data DIR --work DIR --out FILE [--desks 10] [--seconds 60]   (the office server, issue 17)
 *   suite.js desk --size 1 --plan FILE --out FILE                                       (one desk of the server's load)
 * Progress goes to stderr; results to the --out file as JSON.
 */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      size: { type: 'string' },
      data: { type: 'string' },
      'generator-version': { type: 'string' },
      variant: { type: 'string' },
      source: { type: 'string' },
      work: { type: 'string' },
      out: { type: 'string' },
      plan: { type: 'string' },
      desks: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '60' },
      quick: { type: 'boolean', default: false },
      'no-pdf': { type: 'boolean', default: false }
    }
  })
  const log = (line: string) => process.stderr.write(line + '\n')
  const size = Number(values.size)
  if (!Number.isInteger(size) || size <= 0) throw new Error('--size N is required')
  if (positionals[0] === 'prepare') {
    const meta = await prepare(size, required(values.data, '--data'), required(values['generator-version'], '--generator-version'), log)
    log(`  data set ready: ${meta.persons} persons`)
    return
  }
  if (positionals[0] === 'latency') {
    const result = await measureLatencies({
      size,
      data: required(values.data, '--data'),
      work: required(values.work, '--work'),
      samples: values.quick ? { saves: 150, searches: 150, details: 200, reports: 10 } : { saves: 300, searches: 300, details: 400, reports: 20 },
      pdf: !values['no-pdf'],
      log
    })
    writeFileSync(required(values.out, '--out'), JSON.stringify(result, null, 2) + '\n')
    return
  }
  if (positionals[0] === 'heavy' || positionals[0] === 'sweep') {
    // One twin on a fresh copy: every whole-vault step, or only the sweep (stdout without --out).
    const variant = required(values.variant, '--variant') as Variant
    if (variant !== 'enc' && variant !== 'plain') throw new Error('--variant enc|plain')
    const opts = { variant, size, source: required(values.source, '--source'), work: required(values.work, '--work'), dueShare: 0.1, log }
    const result = positionals[0] === 'heavy' ? await measureHeavy(opts) : await measureSweepOnly(opts)
    const text = JSON.stringify(result, null, 2) + '\n'
    if (positionals[0] === 'heavy') writeFileSync(required(values.out, '--out'), text)
    else if (values.out) writeFileSync(values.out, text)
    else process.stdout.write(text)
    return
  }
  if (positionals[0] === 'server') {
    const result = await measureServer({
      size,
      data: required(values.data, '--data'),
      work: required(values.work, '--work'),
      suite: process.argv[1]!,
      desks: Number(values.desks),
      seconds: Number(values.seconds),
      dueShare: 0.1,
      log
    })
    writeFileSync(required(values.out, '--out'), JSON.stringify(result, null, 2) + '\n')
    return
  }
  if (positionals[0] === 'desk') {
    const plan = JSON.parse(readFileSync(required(values.plan, '--plan'), 'utf8')) as Parameters<typeof runDesk>[0]
    writeFileSync(required(values.out, '--out'), JSON.stringify(await runDesk(plan)) + '\n', { mode: 0o600 })
    return
  }
  throw new Error('usage: suite.js prepare|latency|heavy|sweep|server|desk …')
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required`)
  return value
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    // Synthetic data only, but still: the error's class and code, never a driver message.
    process.stderr.write(`bench step failed: ${e instanceof Error ? `${e.name}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ''}: ${e.message}` : String(e)}\n`)
    if (e instanceof Error && e.stack) process.stderr.write(e.stack + '\n')
    process.exit(1)
  }
)
