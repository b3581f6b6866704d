import { type EntityManager, In } from 'typeorm'
import type { AuditRow } from '../../shared/contract/governance'
import type { Workspace } from '../workspace/Workspace'
import { AccountEntity } from '../vault/entities/Account'
import type { AuditEntry } from '../vault/entities/AuditEntry'
import { PersonEntity } from '../vault/entities/Person'
import { addCalendarDays, instantToLocal, startOfAmsterdamDay } from '../../shared/time'
import { type AuditFilter, AuditTrail } from './AuditTrail'

/** The audit screen's and export's filter: calendar days in Europe/Amsterdam, both inclusive. */
export interface AuditQuery {
  subjectId?: string
  personRef?: string
  actorId?: string
  action?: string
  from?: string
  to?: string
}

/**
 * one page of the filtered trail, newest first, with actors' user names and persons'
 * references, and how many entries the filter matches. Filtered and paged in the database: the
 * trail can be large (issue 16), the screen holds one page.
 */
export async function listAudit(ws: Workspace, query: AuditQuery, limit = 200, offset = 0): Promise<{ entries: AuditRow[]; more: boolean; total: number }> {
  return ws.read(async ({ manager: m }) => {
    const filter = await toFilter(m, query)
    if (!filter) return { entries: [], more: false, total: 0 }
    const trail = new AuditTrail(ws.clock)
    const rows = await trail.list(m, { ...filter, limit: limit + 1, offset })
    const more = rows.length > limit
    const total = more || offset > 0 ? await trail.count(m, filter) : rows.length
    return { entries: await labelled(m, rows.slice(0, limit)), more, total }
  })
}

/** Every matching entry (exports), newest first. */
export async function allAuditRows(ws: Workspace, query: AuditQuery): Promise<AuditRow[]> {
  return ws.read(async ({ manager: m }) => {
    const filter = await toFilter(m, query)
    if (!filter) return []
    return labelled(m, await new AuditTrail(ws.clock).list(m, { ...filter, limit: Number.MAX_SAFE_INTEGER }))
  })
}

/** Null when the filter cannot match anything (an unknown person reference). */
async function toFilter(m: EntityManager, q: AuditQuery): Promise<AuditFilter | null> {
  let subjectId = q.subjectId
  if (q.personRef) {
    const person = await m.getRepository(PersonEntity).findOne({ select: { id: true }, where: { ref: q.personRef } })
    if (!person || (subjectId && subjectId !== person.id)) return null
    subjectId = person.id
  }
  return {
    subjectId,
    actorId: q.actorId,
    action: q.action,
    from: q.from ? startOfAmsterdamDay(q.from).toISOString() : undefined,
    to: q.to ? startOfAmsterdamDay(addCalendarDays(q.to, 1)).toISOString() : undefined
  }
}

async function labelled(m: EntityManager, rows: AuditEntry[]): Promise<AuditRow[]> {
  const accounts = new Map((await m.getRepository(AccountEntity).find({ select: { id: true, username: true } })).map((a) => [a.id, a.username]))
  const subjectIds = [...new Set(rows.map((r) => r.subjectId).filter((id): id is string => !!id && !accounts.has(id)))]
  const refs = new Map<string, string | null>()
  for (let i = 0; i < subjectIds.length; i += 500) {
    const persons = await m.getRepository(PersonEntity).find({ select: { id: true, ref: true }, where: { id: In(subjectIds.slice(i, i + 500)) } })
    for (const p of persons) refs.set(p.id, p.ref)
  }
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    atLocal: instantToLocal(r.at),
    actorId: r.actorId,
    actorName: r.actorId ? (accounts.get(r.actorId) ?? null) : null,
    action: r.action,
    subjectId: r.subjectId,
    subjectLabel: r.subjectId ? (accounts.get(r.subjectId) ?? refs.get(r.subjectId) ?? null) : null,
    fields: r.fields,
    reason: r.reason
  }))
}
