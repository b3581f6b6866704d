import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { RUN_PERSONS_LISTED, type RetentionRunView, type RetentionTrigger } from '../../shared/contract/retention'
import type { CalendarDate } from '../../shared/domain'
import type { Workspace } from '../workspace/Workspace'
import { DossierError } from '../../shared/errors'
import type { RetentionRun } from '../vault/entities/Retention'
import { actionsToApply, applyDue } from './applyDueActions'
import { evaluateRetention, evaluateRetentionOutlook, type RetentionAction } from './evaluateRetention'
import { yieldToEventLoop } from '../eventLoop'
import { loadRetentionSubjects, type RetentionSubject } from './loadFacts'
import { nextRetentionCheck } from './nextRetentionCheck'
import { CHECKED_UNDER_POLICY, checkDatesHold, readWalkPage, type WalkCursor, walkStart, writeRetentionCheck } from './retentionWalk'
import { computeRetentionPlan, plannedActionKey } from './planRetention'
import { sweepSeesEveryRecord } from './sweepAccess'
import { bringPolicyWithinLaw, currentPolicy } from './policyStore'
import { TransactionPace } from './transactionPace'
import { restrictedAmong } from './restrictedPersons'

/**
 * The retention sweep (R-11..R-17): evaluates the persons due for evaluation as of `asOf` and
 * applies every due action — shield, purge an attachment or consent data, reduce to the
 * legal-hold subset, purge the ID/BSN record, delete (tombstone).
 *
 * Which persons (issue 18): those whose stored check date (`person.retentionCheckOn`,
 * nextRetentionCheck.ts) has come or who have none — a changed fact clears it, by trigger — read
 * along an index, so a run at sign-in costs what is due, not what the vault holds. Every person
 * evaluated with nothing due gets its next date in the same transaction as the read. After a
 * change of policy (or on the first run after the upgrade) the walk takes everyone once.
 *
 * Each person's actions and their audit entries form one atomic unit (a savepoint of its own),
 * and the persons whose commit fits in part of `sliceMs` share a transaction
 * (transactionPace.ts), so a crash leaves every person before or after its actions, never half;
 * running again as of the same date changes nothing (the engine skips work already done). Every
 * run leaves a `retention_run` row (inserted at the start, completed at the end: an unfinished row
 * is an interrupted run) and a `retention.run` audit entry.
 *
 * Never blocks the event loop for long: reads in pages, yields between transactions and, inside
 * one, between persons. Runs in the vault's batch mode (commits without fsync on the main thread,
 * the WAL copied by a checkpointer thread); the batch ends with the WAL emptied (R-15: deleted
 * bytes do not linger in the journal).
 */
export interface SweepOptions {
  asOf: CalendarDate
  trigger: RetentionTrigger
  /** who started it: null for the system's own runs (unlock catch-up, scheduler) */
  actorId?: string | null
  /** persons read per batch */
  batchSize?: number
  /**
   * the longest continuous work (ms) before the event loop gets a turn: a transaction, its commit
   * included, and the reading between transactions
   */
  sliceMs?: number
  /** at most this many persons share one transaction (each still in its own savepoint) */
  maxPerTransaction?: number
  /**
   * Issue 16: the plan a privacy officer confirmed (its digest, planRetention.ts). The plan is
   * computed again first and the run refused with RETENTION_PLAN_CHANGED when it differs; a
   * person whose actions change while the run goes is left for the next run, never given more.
   */
  confirmed?: { digest: string }
  /** told after every commit: persons handled of those due */
  onProgress?: (progress: { done: number; total: number }) => void
}

export type SweepResult = RetentionRunView & { evaluated: number; personsChanged: number; heldByRestriction: number }

/** A manual run lists what it did per person, the first `RUN_PERSONS_LISTED` (the screen links the records that still exist). */
const LISTS_PERSONS: ReadonlySet<RetentionTrigger> = new Set(['manual'])

/** Persons whose facts are read at once while walking the vault: a read of 100 takes ~2-4 ms at 100,000 persons. */
const SWEEP_BATCH = 100

const DESTRUCTIVE = new Set(['delete', 'reduce-to-legal-hold', 'purge-id-record', 'purge-attachment', 'purge-consent-data'])

export async function sweepDue(ws: Workspace, opts: SweepOptions): Promise<SweepResult> {
  if (!(await sweepSeesEveryRecord(ws))) {
    throw new DossierError('FORBIDDEN', 'On the office server the retention sweep runs on a privacy officer\'s desk.')
  }
  const sliceMs = opts.sliceMs ?? 10
  const maxPerTransaction = opts.maxPerTransaction ?? 64
  // The commit gets most of a slice, with room for the commits that take longer than predicted.
  const pace = new TransactionPace(sliceMs * 0.6)
  const actorId = opts.actorId ?? null
  const started = performance.now() // a duration, not a date: the injected clock dates the run
  // The run's transactions audit as its actor (nobody for the system's own runs), dated as of `asOf`.
  const asRun = { actorId, asOf: opts.asOf }
  // A confirmed run: the plan again, as of the same date under the same policy, must be the one
  // shown — checked before the run writes anything (the policy's own record included).
  const plan = opts.confirmed ? await computeRetentionPlan(ws, opts.asOf, await ws.read(({ manager }) => currentPolicy(manager, ws.clock))) : null
  if (plan && plan.digest !== opts.confirmed?.digest) {
    throw new DossierError('RETENTION_PLAN_CHANGED', 'What the run would do changed since it was shown; review it again.', { issues: [{ path: 'digest', key: 'retention.run.planChanged' }] })
  }
  await bringPolicyWithinLaw(ws, asRun)
  const policy = await ws.read(({ manager }) => currentPolicy(manager, ws.clock))
  const allowed = plan?.keys ?? null
  const total = plan?.persons.length ?? null

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
  let done = 0
  let skipped = 0
  let held = 0
  const persons: NonNullable<RetentionRunView['persons']> = []
  const listsPersons = LISTS_PERSONS.has(opts.trigger)

  const tally = ({ personId, ref, applied }: { personId: string; ref: string | null; applied: RetentionAction[] }) => {
    if (applied.length > 0) personsChanged++
    if (applied.length > 0 && listsPersons && persons.length < RUN_PERSONS_LISTED) persons.push({ personId, ref, actions: applied.map((a) => ({ action: a.kind, rule: a.rule })) })
    for (const a of applied) {
      const key = `${a.kind}:${a.rule}`
      counts[key] = (counts[key] ?? 0) + 1
      if (DESTRUCTIVE.has(a.kind)) removedData = true
    }
  }

  /**
   * Applies the due actions of the persons found due so far (`due`), a transaction at a time; with
   * `all` false it leaves a remainder smaller than one transaction for later, so transactions
   * stay full across the walk's batches.
   */
  let due: string[] = []
  const drain = async (all: boolean): Promise<void> => {
    while (due.length >= (all ? 1 : maxPerTransaction)) {
      await ws.vault.betweenBatchTransactions() // yields to the event loop
      // One transaction for the next due persons, each in a savepoint of its own (before or after,
      // never half), as many as the commit can write within `sliceMs` (`TransactionPace`). The
      // event loop gets a turn between persons too: a write by anyone else waits in the write
      // queue for this commit, a read may see a person's removal just before it commits.
      let afterWork = performance.eventLoopUtilization()
      const { handled, applied, notConfirmed } = await ws.write(async (tx) => {
        const ids = due.slice(0, maxPerTransaction)
        // The facts are read again inside the transaction (the walk's read may be stale), about
        // one transaction's worth at a time: what the transaction will not reach is not read.
        const readAhead = pace.readAhead(maxPerTransaction)
        const fresh = new Map<string, RetentionSubject>()
        let restricted = new Set<string>()
        const applied: { personId: string; ref: string | null; applied: RetentionAction[] }[] = []
        let notConfirmed = 0
        let sliceStart = performance.now()
        for (const [i, personId] of ids.entries()) {
          if (pace.full(i)) break
          if (performance.now() - sliceStart >= sliceMs / 2) {
            await yieldToEventLoop()
            sliceStart = performance.now()
          }
          if (i % readAhead === 0) {
            const ahead = ids.slice(i, i + readAhead)
            for (const s of await loadRetentionSubjects(tx.manager, ahead)) fresh.set(s.facts.personId, s)
            restricted = await restrictedAmong(tx.manager, ahead)
          }
          const subject = fresh.get(personId)
          const evaluation = subject ? evaluateRetention(subject.facts, policy, opts.asOf) : null
          const due = evaluation ? actionsToApply(evaluation) : []
          // R-26 (art. 18): a restricted person's data is kept, not used (the restriction itself keeps
          // it from staff and from every change): nothing is done while it holds; the person stays
          // due, and the run after the lift acts.
          const planned = restricted.has(personId) ? [] : due
          if (planned.length < due.length) held++
          // A confirmed run never does more than was shown: a person whose actions changed meanwhile waits.
          const confirmed = allowed === null || planned.every((a) => allowed.has(plannedActionKey(personId, a)))
          if (!confirmed) notConfirmed++
          const did = subject && evaluation && planned.length > 0 && confirmed ? await tx.savepoint((person) => applyDue(person, subject.facts, evaluation, policy.version, planned)) : []
          applied.push({ personId, ref: subject?.ref ?? null, applied: did })
        }
        await yieldToEventLoop() // the commit starts a slice of its own
        afterWork = performance.eventLoopUtilization()
        return { handled: applied.length, applied, notConfirmed }
      }, asRun)
      // What blocked the event loop after the work: the commit (the erasure ledger's sync, awaited
      // in between, does not).
      pace.observe(performance.eventLoopUtilization(afterWork).active, handled)
      // Counted once committed.
      applied.forEach(tally)
      skipped += notConfirmed
      done += handled
      due = due.slice(handled)
      opts.onProgress?.({ done, total: total ?? done + due.length })
    }
  }
  // Issue 18: only the persons whose check date has come (retentionWalk.ts), unless the stored
  // dates were computed under another policy version (or none: the first run after the upgrade).
  const everyone = !(await checkDatesHold(ws, policy.version))
  const pageSize = opts.batchSize ?? SWEEP_BATCH

  let finished: RetentionRun = run
  await ws.vault.withBatchDurability(async () => {
    for (let cursor: WalkCursor | null = walkStart(everyone); cursor !== null; ) {
      await ws.vault.betweenBatchTransactions()
      const at: WalkCursor = cursor
      // One page, in one write transaction: its facts, and the next check date of every person
      // with nothing due (read and written together: no change of a fact can fall in between).
      const page = await ws.write(async (tx) => {
        const { subjects, next } = await readWalkPage(tx.manager, at, opts.asOf, pageSize)
        const found: string[] = []
        for (const s of subjects) {
          const outlook = evaluateRetentionOutlook(s.facts, policy, opts.asOf)
          if (actionsToApply(outlook.evaluation).length > 0) found.push(s.facts.personId)
          else {
            const on = nextRetentionCheck(outlook, opts.asOf)
            if (on !== s.checkOn) await writeRetentionCheck(tx.manager, s.facts.personId, on)
          }
        }
        return { found, next, visited: subjects.length }
      }, asRun)
      evaluated += page.visited
      due.push(...page.found)
      cursor = page.next
      await drain(false)
    }
    await drain(true)
    // The run's own record, still in the batch: its commit does not sync on the main thread either
    // (the batch's closing checkpoint syncs it with the rest).
    const durationMs = Math.round(performance.now() - started)
    finished = { ...run, finishedAt: ws.clock.now().toISOString(), counts, durationMs }
    await ws.vault.betweenBatchTransactions()
    await ws.write(async (tx) => {
      await tx.store.retentionRun.update({ id: run.id }, { finishedAt: finished.finishedAt, counts, durationMs })
      // Every person's date is now one computed under this policy version.
      if (everyone) await tx.store.setting.save({ key: CHECKED_UNDER_POLICY, value: policy.version })
      await tx.audit({
        action: 'retention.run',
        subjectId: run.id,
        fields: [],
        // Counts and dates of the run, no personal data.
        reason: [`trigger=${opts.trigger}`, `asOf=${opts.asOf}`, `policy=${policy.version}`, `persons=${personsChanged}`, ...(skipped > 0 ? [`changedSincePlan=${skipped}`] : []), ...(held > 0 ? [`heldByRestriction=${held}`] : []), ...Object.keys(counts).sort().map((k) => `${k}=${counts[k]}`)].join('; ')
      })
    }, asRun)
  })
  // The batch ends with an empty WAL; a sweep inside an outer batch empties it here.
  if (removedData) await ws.vault.emptyWal()
  return { ...finished, evaluated, personsChanged, heldByRestriction: held, ...(allowed ? { changedSincePlan: skipped } : {}), ...(listsPersons ? { persons } : {}) }
}
