import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { calendarDateOf } from '../../../src/main/clock'
import { demoPersons } from '../../../src/main/demo/generateDemo'
import { settleDemoPerson } from '../../../src/main/demo/settleDemoPerson'
import { rowsFromImportPerson } from '../../../src/main/people/importRows'
import { parseRetentionPolicy } from '../../../src/main/retention/policy'
import policyJson from '../../../resources/retention-policy.json'
import { CLI } from '../../support/cli'
import { ADMIN } from '../../support/testApp'
import { DUE_UNSUBSCRIBED_ON, importRows } from './intake'
import { healthOf } from './vaultState'

/**
 * One crash trial: a child process writes to the vault and is killed with SIGKILL at a random
 * moment; then the vault must open (the dead process's lock is stale and taken over), pass
 * `PRAGMA integrity_check`, verify its audit chain, and hold every write the child acknowledged
 * before it died. Writes it had not acknowledged are all-or-nothing.
 */
export const TODAY = '2026-11-27'

export type TrialKind = 'worker' | 'cli-seed' | 'cli-import' | 'cli-retention' | 'cli-restore'

/** What the child said before it died (complete lines only). */
export interface TrialLog {
  kind: TrialKind
  killedAfterMs: number
  killed: boolean
  exitCode: number | null
  lines: string[]
  stderr: string
}

/** Deterministic randomness for a run of trials: the seed is printed with every failure. */
export function trialRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function collect(child: ReturnType<typeof spawn>, onLine: (line: string) => void): { stdout: string[]; stderr: () => string } {
  const lines: string[] = []
  let partial = ''
  let err = ''
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    partial += chunk
    let nl: number
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl)
      partial = partial.slice(nl + 1)
      lines.push(line)
      onLine(line)
    }
  })
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => (err += chunk))
  return { stdout: lines, stderr: () => err }
}

/** The built worker: killed `killAfterMs` after it reported `ready` (signed in). */
export function runWorkerTrial(worker: string, vaultDir: string, seed: number, killAfterMs: number): Promise<TrialLog> {
  const child = spawn(process.execPath, [worker, '--vault', vaultDir, '--user', ADMIN.username, '--today', TODAY, '--seed', String(seed)], {
    env: { ...process.env, DOSSIER_PASSPHRASE: ADMIN.passphrase },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let timer: NodeJS.Timeout | undefined
  const out = collect(child, (line) => {
    if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  })
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ kind: 'worker', killedAfterMs: killAfterMs, killed: signal === 'SIGKILL', exitCode: code, lines: out.stdout, stderr: out.stderr() })
    })
  })
}

/**
 * The built CLI (`node bin/dossier.js … --json`), killed `killAfterMs` after it started. In a
 * working tree where someone runs `npm run build` at the same time, `out/` is briefly empty: that
 * start is retried (it touched nothing).
 */
export async function runCliTrial(kind: Exclude<TrialKind, 'worker'>, vaultDir: string, args: string[], killAfterMs: number): Promise<TrialLog> {
  for (let attempt = 0; ; attempt++) {
    const log = await runCliOnce(kind, vaultDir, args, killAfterMs)
    if (attempt >= 5 || log.exitCode !== 2 || !log.stderr.includes('not built yet')) return log
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
}

function runCliOnce(kind: Exclude<TrialKind, 'worker'>, vaultDir: string, args: string[], killAfterMs: number): Promise<TrialLog> {
  const child = spawn(process.execPath, [CLI, '--vault', vaultDir, '--user', ADMIN.username, '--json', ...args], {
    env: { ...process.env, DOSSIER_PASSPHRASE: ADMIN.passphrase },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const out = collect(child, () => undefined)
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ kind, killedAfterMs: killAfterMs, killed: signal === 'SIGKILL', exitCode: code, lines: out.stdout, stderr: out.stderr() })
    })
  })
}

/** An import file for a CLI trial: `count` persons that stay active, refs `prefix1…prefixN`. */
export function writeImportFile(dir: string, prefix: string, count: number, seed: number): { file: string; refs: string[] } {
  const persons = importRows({ count, seed, today: TODAY, refPrefix: prefix })
  const file = join(dir, `${prefix}import.json`)
  writeFileSync(file, JSON.stringify({ format: 'dossier-import/1', persons }))
  return { file, refs: persons.map((p) => p.ref) }
}

/** How many persons `dossier seed-demo --persons n --seed s` writes (do-not-contact rows keep none). */
export function seedDemoPersons(persons: number, seed: number): number {
  // The CLI runs on the system clock: the generator's choices depend on its date. As seedDemo does:
  // the stream runs on until `persons` are kept, do-not-contact entries counted, persons whose
  // deletion date has passed (settled to null under the shipped policy) skipped.
  const today = calendarDateOf(new Date())
  const policy = parseRetentionPolicy(policyJson)
  let kept = 0
  let doNotContact = 0
  for (const p of demoPersons({ persons: Number.MAX_SAFE_INTEGER, seed, today })) {
    if (kept + doNotContact >= persons) break
    if (p.doNotContact === true) doNotContact++
    else if (settleDemoPerson(rowsFromImportPerson({ ...p, ref: 'X' }, randomUUID(), today, new Map(), randomUUID), policy, today, randomUUID) !== null) kept++
  }
  return kept
}

/** The checks after a kill. `context` goes into every failure message (seed, trial, kind). */
export async function verifyAfterKill(
  vaultDir: string,
  log: TrialLog,
  context: string,
  expectAllOrNothing: { refs?: string[]; refPrefix?: string; fullCount?: number } = {}
): Promise<void> {
  const h = await healthOf(vaultDir).catch((e: unknown) => {
    throw new Error(`${context}: the vault does not open after the kill (${(e as { code?: string }).code ?? String(e)})`)
  })
  try {
    const db = h.app.vault.db
    expect(h.integrity, `${context}: integrity_check`).toBe('ok')
    expect(h.chain, `${context}: audit chain`).toMatchObject({ ok: true })
    // Issue 15: no kill, restore or sweep makes a witnessed audit head look tampered with.
    expect(h.app.session.auditAlert ?? null, `${context}: witnessed-head alarm`).toBeNull()
    expect(db.pragma('foreign_key_check'), `${context}: no orphan rows`).toEqual([])
    // Every person was written whole: a person row always comes with its roles and purposes.
    const torn = db.prepare(
      'SELECT count(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_role r WHERE r.personId = p.id) OR NOT EXISTS (SELECT 1 FROM person_purpose u WHERE u.personId = p.id)'
    ).get() as { n: number }
    expect(torn.n, `${context}: persons without roles or purposes`).toBe(0)

    const person = db.prepare('SELECT id, ref, unsubscribedOn FROM person WHERE id = ?')
    const byRef = db.prepare('SELECT count(*) AS n FROM person WHERE ref = ?')
    const tombstone = db.prepare('SELECT 1 AS x FROM tombstone WHERE personId = ?')
    const run = db.prepare('SELECT finishedAt FROM retention_run WHERE id = ?')
    for (const line of log.lines) {
      const [verb, what, a, b] = line.split(' ')
      if (verb !== 'ack') continue
      if (what === 'create') {
        const row = person.get(a) as { ref: string } | undefined
        // Present — or deleted by a later sweep, which leaves its tombstone.
        if (row) expect(row.ref, `${context}: ${line}`).toBe(b)
        else expect(tombstone.get(a), `${context}: acknowledged person ${a} is gone without a tombstone`).toBeTruthy()
      } else if (what === 'due') {
        const row = person.get(a) as { unsubscribedOn: string | null } | undefined
        if (row) expect(row.unsubscribedOn, `${context}: ${line}`).toBe(DUE_UNSUBSCRIBED_ON)
        else expect(tombstone.get(a), `${context}: ${line} gone without a tombstone`).toBeTruthy()
      } else if (what === 'import') {
        for (const ref of a!.split(',')) expect((byRef.get(ref) as { n: number }).n, `${context}: acknowledged import ref ${ref}`).toBe(1)
      } else if (what === 'sweep') {
        expect((run.get(a) as { finishedAt: string | null } | undefined)?.finishedAt, `${context}: acknowledged sweep ${a} finished`).toBeTruthy()
      }
    }
    // Unacknowledged imports: all or nothing (one transaction).
    for (const line of log.lines) {
      const [verb, what, refs] = line.split(' ')
      if (verb !== 'intent' || what !== 'import') continue
      const present = refs!.split(',').filter((ref) => (byRef.get(ref) as { n: number }).n === 1).length
      expect([0, refs!.split(',').length], `${context}: import ${line.slice(14, 40)}… half-written (${present})`).toContain(present)
    }
    if (expectAllOrNothing.refs) {
      const present = expectAllOrNothing.refs.filter((ref) => (byRef.get(ref) as { n: number }).n === 1).length
      const done = log.exitCode === 0
      expect(done ? [expectAllOrNothing.refs.length] : [0, expectAllOrNothing.refs.length], `${context}: CLI import (exit ${log.exitCode}) left ${present}`).toContain(present)
    }
    if (expectAllOrNothing.refPrefix !== undefined) {
      const present = (db.prepare('SELECT count(*) AS n FROM person WHERE ref LIKE ?').get(`${expectAllOrNothing.refPrefix}%`) as { n: number }).n
      const full = expectAllOrNothing.fullCount!
      expect(log.exitCode === 0 ? [full] : [0, full], `${context}: seed-demo (exit ${log.exitCode}) left ${present}`).toContain(present)
    }
  } finally {
    await h.app.close()
  }
}
