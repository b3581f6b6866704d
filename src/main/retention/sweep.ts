import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { EntityManager } from 'typeorm'
import type { RetentionRunView, RetentionTrigger } from '../../shared/contract/retention'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { AuditRecord } from '../audit/AuditTrail'
import { yieldToEventLoop } from '../eventLoop'
import type { DossierApp } from '../services/DossierApp'
import { type RetentionRun, RetentionRunEntity } from '../vault/entities/Retention'
import { applyDue } from './applyDueActions'
import { evaluateRetention, type RetentionAction } from './evaluateRetention'
import { forEachRetentionBatch } from './forEachRetentionSubject'
import { loadRetentionSubjects, type RetentionSubject } from './loadFacts'
import { currentPolicy } from './policyStore'
import type { RetentionActionContext } from './retentionActionContext'

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

/**
 * Waits until no other transaction is open on the (single) connection: work elsewhere that awaits
 * real I/O inside a transaction must not get our statements mixed into it.
 */
async function waitForIdleConnection(app: DossierApp): Promise<void> {
  for (let i = 0; app.vault.db.inTransaction; i++) {
    if (i > 10_000) throw new DossierError('INTERNAL', 'The database stayed busy; the retention run stopped.')
    await yieldToEventLoop()
  }
}

export async function sweepDue(app: DossierApp, opts: SweepOptions): Promise<SweepResult> {
  const sliceMs = opts.sliceMs ?? 8
  const maxPerTransaction = opts.maxPerTransaction ?? 64
  const actorId = opts.actorId ?? null
  const started = performance.now() // a duration, not a date: the injected clock dates the run
  const manager = app.vault.dataSource.manager
  const policy = await currentPolicy(manager, app.clock)

  const run: RetentionRun = {
    id: randomUUID(),
    startedAt: app.clock.now().toISOString(),
    finishedAt: null,
    asOf: opts.asOf,
    policyVersion: policy.version,
    counts: {},
    durationMs: null,
    trigger: opts.trigger,
    actorId
  }
  await manager.getRepository(RetentionRunEntity).insert(run)

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
  const contextFor = (m: EntityManager): RetentionActionContext => ({
    today: opts.asOf,
    at: app.clock.now().toISOString(),
    policyVersion: policy.version,
    audit: async (r: Omit<AuditRecord, 'actorId'>) => void (await app.audit.append(m, { ...r, actorId }))
  })

  /** The due persons of one batch, a few per transaction (see the comments inside). */
  const sweepBatch = async (batch: RetentionSubject[]): Promise<void> => {
    let due = batch.filter((s) => evaluateRetention(s.facts, policy, opts.asOf).due.length > 0).map((s) => s.facts.personId)
    while (due.length > 0) {
      await app.vault.betweenBatchTransactions() // yields to the event loop
      await waitForIdleConnection(app)
      // One transaction for the next few due persons, each in a savepoint of its own (before or
      // after, never half), until `sliceMs` is used; then commit and give the event loop back.
      // Nothing in here awaits real I/O, so no other caller's statement lands in this transaction.
      const txStart = performance.now()
      const { handled, applied } = await app.vault.dataSource.transaction(async (m: EntityManager) => {
        const ids = due.slice(0, maxPerTransaction)
        // The facts are read again inside the transaction: the batch read may be stale.
        const fresh = new Map((await loadRetentionSubjects(m, ids)).map((s) => [s.facts.personId, s.facts]))
        const applied: RetentionAction[][] = []
        for (const personId of ids) {
          const facts = fresh.get(personId)
          const evaluation = facts ? evaluateRetention(facts, policy, opts.asOf) : null
          applied.push(facts && evaluation && evaluation.due.length > 0 ? await m.transaction((person) => applyDue(person, facts, evaluation, contextFor(person))) : [])
          if (performance.now() - txStart >= sliceMs) break
        }
        return { handled: applied.length, applied }
      })
      // Counted once committed.
      applied.forEach(tally)
      due = due.slice(handled)
    }
  }

  await app.vault.withBatchDurability(async () => {
    evaluated = await forEachRetentionBatch(app, sweepBatch, { batchSize: opts.batchSize, sliceMs })
  })

  const durationMs = Math.round(performance.now() - started)
  const finished: RetentionRun = { ...run, finishedAt: app.clock.now().toISOString(), counts, durationMs }
  await waitForIdleConnection(app)
  await app.vault.dataSource.transaction(async (m) => {
    await m.getRepository(RetentionRunEntity).update({ id: run.id }, { finishedAt: finished.finishedAt, counts, durationMs })
    await app.audit.append(m, {
      actorId,
      action: 'retention.run',
      subjectId: run.id,
      fields: [],
      // Counts and dates of the run, no personal data.
      reason: [`trigger=${opts.trigger}`, `asOf=${opts.asOf}`, `policy=${policy.version}`, `persons=${personsChanged}`, ...Object.keys(counts).sort().map((k) => `${k}=${counts[k]}`)].join('; ')
    })
  })
  // Last, so the run's own log rows are in the database file too and the WAL is left empty.
  if (removedData) app.vault.checkpoint()
  return { ...finished, evaluated, personsChanged }
}
