import type { EntityManager } from 'typeorm'
import type { CalendarDate, PersonRole, RetentionState } from '../../shared/domain'
import type { RetentionFacts } from './evaluateRetention'

/**
 * Reads what the retention engine needs (`RetentionFacts`) from the vault: one person, or a batch
 * of persons in id order with one query per child table (the sweep and the preview read 100,000
 * persons in a few hundred small batches). Reads only: no personal values beyond dates and ids.
 */

/** A person's facts plus the stored retention columns the screens and the preview show. */
export interface RetentionSubject {
  facts: RetentionFacts
  ref: string | null
  shieldedOn: CalendarDate | null
  retentionRule: string | null
  /** the date stored for the record's next evaluation (nextRetentionCheck.ts); null = the next run */
  checkOn: CalendarDate | null
}

const PERSON_COLUMNS = [
  'id',
  'ref',
  'registeredOn',
  'unsubscribedOn',
  'lastActivityOn',
  'state',
  'shieldedOn',
  'retentionRule',
  'reducedToLegalHoldOn',
  'idRecordPurgedOn',
  'retentionCheckOn'
] as const

type PersonCore = {
  id: string
  ref: string | null
  registeredOn: CalendarDate
  unsubscribedOn: CalendarDate | null
  lastActivityOn: CalendarDate | null
  state: RetentionState
  shieldedOn: CalendarDate | null
  retentionRule: string | null
  reducedToLegalHoldOn: CalendarDate | null
  idRecordPurgedOn: CalendarDate | null
  retentionCheckOn: CalendarDate | null
}

/*
 * Raw selects through the query builder (portable SQL, no entity hydration): the sweep reads
 * every person, and hydrating entities costs several times the query itself.
 */
function personQuery(manager: EntityManager) {
  const qb = manager.createQueryBuilder().from('person', 'p')
  for (const c of PERSON_COLUMNS) qb.addSelect(`p.${c}`, c)
  return qb
}

/** The next `limit` persons with an id greater than `afterId` (keyset paging, stable under deletes). */
export async function loadRetentionBatch(manager: EntityManager, opts: { afterId: string | null; limit: number }): Promise<RetentionSubject[]> {
  const qb = personQuery(manager)
  if (opts.afterId !== null) qb.where('p.id > :afterId', { afterId: opts.afterId })
  const persons = (await qb.orderBy('p.id', 'ASC').limit(opts.limit).getRawMany()) as PersonCore[]
  return withChildren(manager, persons)
}

/**
 * Where a walk over the persons due for evaluation (`retentionCheckOn` null or on/before the date)
 * stands: first those with no date, in id order, then those whose date has come, in date order.
 */
export type CandidateCursor = { phase: 'undated'; afterId: string | null } | { phase: 'dated'; afterDate: CalendarDate | null; afterId: string | null }

/**
 * Issue 18: the next `limit` persons whose record must be evaluated as of `asOf` — never
 * evaluated since a fact changed (null), or their date has come — read along the index on
 * (`retentionCheckOn`, `id`): as many pages as there are such persons, whatever the vault's size.
 * Returns the next cursor, null when the walk is done.
 */
export async function loadRetentionCandidates(manager: EntityManager, asOf: CalendarDate, cursor: CandidateCursor, limit: number): Promise<{ subjects: RetentionSubject[]; next: CandidateCursor | null }> {
  const qb = manager.createQueryBuilder().from('person', 'p').select('p.id', 'id').addSelect('p.retentionCheckOn', 'checkOn')
  if (cursor.phase === 'undated') {
    qb.where('p.retentionCheckOn IS NULL')
    if (cursor.afterId !== null) qb.andWhere('p.id > :afterId', { afterId: cursor.afterId })
    qb.orderBy('p.id', 'ASC')
  } else {
    qb.where('p.retentionCheckOn IS NOT NULL AND p.retentionCheckOn <= :asOf', { asOf })
    if (cursor.afterDate !== null) qb.andWhere('(p.retentionCheckOn > :afterDate OR (p.retentionCheckOn = :afterDate AND p.id > :afterId))', { afterDate: cursor.afterDate, afterId: cursor.afterId })
    qb.orderBy('p.retentionCheckOn', 'ASC').addOrderBy('p.id', 'ASC')
  }
  const rows = (await qb.limit(limit).getRawMany()) as { id: string; checkOn: CalendarDate | null }[]
  const last = rows[rows.length - 1]
  const next: CandidateCursor | null =
    rows.length < limit
      ? cursor.phase === 'undated'
        ? { phase: 'dated', afterDate: null, afterId: null }
        : null
      : cursor.phase === 'undated'
        ? { phase: 'undated', afterId: last!.id }
        : { phase: 'dated', afterDate: last!.checkOn, afterId: last!.id }
  return { subjects: await loadRetentionSubjects(manager, rows.map((r) => r.id)), next }
}

/** Facts for the given persons (unknown ids are left out). */
export async function loadRetentionSubjects(manager: EntityManager, personIds: string[]): Promise<RetentionSubject[]> {
  if (personIds.length === 0) return []
  const persons = (await personQuery(manager).where('p.id IN (:...ids)', { ids: personIds }).orderBy('p.id', 'ASC').getRawMany()) as PersonCore[]
  return withChildren(manager, persons)
}

/** One person's facts, or null when there is no such person (already deleted). */
export async function loadRetentionFacts(manager: EntityManager, personId: string): Promise<RetentionSubject | null> {
  const [subject] = await loadRetentionSubjects(manager, [personId])
  return subject ?? null
}

function groupBy<T extends { personId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const list = out.get(row.personId)
    if (list) list.push(row)
    else out.set(row.personId, [row])
  }
  return out
}

/** `SELECT <columns> FROM <table> WHERE personId IN (...) [AND extra]`, rows as plain objects. */
async function childRows<T extends { personId: string }>(manager: EntityManager, table: string, columns: string[], ids: string[], extra?: [string, Record<string, unknown>]): Promise<Map<string, T[]>> {
  const qb = manager.createQueryBuilder().from(table, 'c').where('c.personId IN (:...ids)', { ids })
  for (const c of ['personId', ...columns]) qb.addSelect(`c.${c}`, c)
  if (extra) qb.andWhere(extra[0], extra[1])
  return groupBy((await qb.orderBy('c.personId', 'ASC').addOrderBy(`c.${columns[0]!}`, 'ASC').getRawMany()) as T[])
}

type Period = { personId: string; start: CalendarDate; end: CalendarDate | null }

async function withChildren(manager: EntityManager, persons: PersonCore[]): Promise<RetentionSubject[]> {
  if (persons.length === 0) return []
  const ids = persons.map((p) => p.id)
  const roles = await childRows<{ personId: string; role: PersonRole }>(manager, 'person_role', ['role'], ids)
  const employments = await childRows<Period>(manager, 'employment', ['start', 'end'], ids)
  const recruitment = await childRows<Period>(manager, 'recruitment_procedure', ['start', 'end'], ids)
  const idCopies = await childRows<{ personId: string; id: string; addedOn: CalendarDate }>(manager, 'attachment', ['id', 'addedOn'], ids, ['c.kind = :kind', { kind: 'id-copy' }])
  const consents = await childRows<{ personId: string; id: string; endsOn: CalendarDate | null; withdrawnOn: CalendarDate | null; expiredPurgedOn: CalendarDate | null }>(
    manager,
    'consent',
    ['id', 'endsOn', 'withdrawnOn', 'expiredPurgedOn'],
    ids
  )
  return persons.map((p) => ({
    ref: p.ref,
    shieldedOn: p.shieldedOn,
    retentionRule: p.retentionRule,
    checkOn: p.retentionCheckOn,
    facts: {
      personId: p.id,
      roles: (roles.get(p.id) ?? []).map((r) => r.role),
      registeredOn: p.registeredOn,
      unsubscribedOn: p.unsubscribedOn,
      employments: (employments.get(p.id) ?? []).map((e) => ({ start: e.start, end: e.end })),
      recruitment: (recruitment.get(p.id) ?? []).map((r) => ({ start: r.start, end: r.end })),
      state: p.state,
      idCopies: (idCopies.get(p.id) ?? []).map((a) => ({ attachmentId: a.id, addedOn: a.addedOn })),
      consents: (consents.get(p.id) ?? []).map((c) => ({
        consentId: c.id,
        endsOn: c.endsOn,
        withdrawnOn: c.withdrawnOn,
        dataPurgedOn: c.expiredPurgedOn
      })),
      reducedToLegalHoldOn: p.reducedToLegalHoldOn,
      idRecordPurgedOn: p.idRecordPurgedOn,
      lastActivityOn: p.lastActivityOn
    }
  }))
}
