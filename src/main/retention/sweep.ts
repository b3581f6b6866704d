import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { RetentionRunView, RetentionTrigger } from '../../shared/contract/retention'
import type { CalendarDate } from '../../shared/domain'
import type { Workspace } from '../workspace/Workspace'
import type { RetentionRun } from '../vault/entities/Retention'
import { applyDue } from './applyDueActions'
import { evaluateRetention, type RetentionAction } from './evaluateRetention'
import { forEachRetentionBatch } from './forEachRetentionSubject'
import { loadRetentionSubjects, type RetentionSubject } from './loadFacts'
import { bringPolicyWithinLaw, currentPolicy } from './policyStore'

/**
 * The retention sweep (R-11..R-17): evaluates every person as of `asOf` and applies every due
 * action — shield, purge an attachment or consent data, reduce to the legal-hold subset, purge the
 * ID/BSN record, delete (tombstone). Each person's actions and their audit entries form one atomic
 * unit (a savepoint of its own), and the persons that fit in `sliceMs` share a commit, so a crash
 * leaves every person before or after its actions, never half; running again as of the same date
 * changes nothing (the engine skips work already done). Every run leaves a `retention_run` row
 * (inserted at the start, completed at the end: an unfinished row is an interrupted run) and a
 * `retention.run` audit entry.
 *
 * Never blocks the event loop for long: reads in small batches (`forEachRetentionBatch`), yields
 * a whole event-loop turn whenever reading has taken `sliceMs` and after every commit. Runs in the vault's batch mode (commits
 * without fsync, the WAL copied by a checkpointer thread); after a run that removed anything the
 * WAL is checkpointed with TRUNCATE, so the deleted bytes do not linger in the journal.
 */
export interface SweepOptions {
  asOf: CalendarDate
  trigger: RetentionTrigger
  /** who started it: null for the system's own runs (unlock catch-up, scheduler) */
  actorId?: string | null
  /** persons read per batch */
  batchSize?: number
  /** yield to the event loop after this much continuous work (ms); also ends a transaction */
  sliceMs?: number
  /** at most this many persons share one transaction (each still in its own savepoint) */
  maxPerTransaction?: number
}

export type SweepResult = RetentionRunView & { evaluated: number; personsChanged: number }

const DESTRUCTIVE = new Set(['delete', 'reduce-to-legal-hold', 'purge-id-record', 'purge-attachment', 'purge-consent-data'])

export async function sweepDue(ws: Workspace, opts: SweepOptions): Promise<SweepResult> {
  const sliceMs = opts.sliceMs ?? 8
  const maxPerTransaction = opts.maxPerTransaction ?? 64
  const actorId = opts.actorId ?? null
  const started = performance.now() // a duration, not a date: the injected clock dates the run
  // The run's transactions audit as its actor (nobody for the system's own runs), dated as of `asOf`.
  const asRun = { actorId, asOf: opts.asOf }
  await bringPolicyWithinLaw(ws, asRun)
  const policy = await ws.read(({ manager }) => currentPolicy(manager, ws.clock))

  const run: RetentionRun = {
    id: randomUUID(),
    startedAt: ws.clock.now().toISOString(),
    finishedAt: null,
    asOf: opts.asOf,
    policyVersion: policy.version,
    counts: {},
    durationMs: null,
    trigger: opts.trigger,
    actorId
  }
  await ws.write(({ store }) => store.retentionRun.insert(run), asRun)

  const counts: Record<string, number> = {}
  let evaluated = 0
  let personsChanged = 0
  let removedData = false

  const tally = (applied: RetentionAction[]) => {
    if (applied.length > 0) personsChanged++
    for (const a of applied) {
      const key = `${a.kind}:${a.rule}`
      counts[key] = (counts[key] ?? 0) + 1
      if (DESTRUCTIVE.has(a.kind)) removedData = true
    }
  }

  /** The due persons of one batch, a few per transaction (see the comments inside). */
  const sweepBatch = async (batch: RetentionSubject[]): Promise<void> => {
    let due = batch.filter((s) => evaluateRetention(s.facts, policy, opts.asOf).due.length > 0).map((s) => s.facts.personId)
    while (due.length > 0) {
      await ws.vault.betweenBatchTransactions() // yields to the event loop
      await ws.vault.waitUntilIdle()
      // One transaction for the next few due persons, each in a savepoint of its own (before or
      // after, never half), until `sliceMs` is used; then commit and give the event loop back.
      // Nothing in here awaits real I/O, so no other caller's statement lands in this transaction.
      const txStart = performance.now()
      const { handled, applied } = await ws.write(async (tx) => {
        const ids = due.slice(0, maxPerTransaction)
        // The facts are read again inside the transaction: the batch read may be stale.
        const fresh = new Map((await loadRetentionSubjects(tx.manager, ids)).map((s) => [s.facts.personId, s.facts]))
        const applied: RetentionAction[][] = []
        for (const personId of ids) {
          const facts = fresh.get(personId)
          const evaluation = facts ? evaluateRetention(facts, policy, opts.asOf) : null
          applied.push(facts && evaluation && evaluation.due.length > 0 ? await tx.savepoint((person) => applyDue(person, facts, evaluation, policy.version)) : [])
          if (performance.now() - txStart >= sliceMs) break
        }
        return { handled: applied.length, applied }
      }, asRun)
      // Counted once committed.
      applied.forEach(tally)
      due = due.slice(handled)
    }
  }

  await ws.vault.withBatchDurability(async () => {
    evaluated = await forEachRetentionBatch(ws, sweepBatch, { batchSize: opts.batchSize, sliceMs })
  })

  const durationMs = Math.round(performance.now() - started)
  const finished: RetentionRun = { ...run, finishedAt: ws.clock.now().toISOString(), counts, durationMs }
  await ws.vault.waitUntilIdle()
  await ws.write(async (tx) => {
    await tx.store.retentionRun.update({ id: run.id }, { finishedAt: finished.finishedAt, counts, durationMs })
    await tx.audit({
      action: 'retention.run',
      subjectId: run.id,
      fields: [],
      // Counts and dates of the run, no personal data.
      reason: [`trigger=${opts.trigger}`, `asOf=${opts.asOf}`, `policy=${policy.version}`, `persons=${personsChanged}`, ...Object.keys(counts).sort().map((k) => `${k}=${counts[k]}`)].join('; ')
    })
  }, asRun)
  // Last, so the run's own log rows are in the database file too and the WAL is left empty.
  if (removedData) ws.vault.checkpoint()
  return { ...finished, evaluated, personsChanged }
}
