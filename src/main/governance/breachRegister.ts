import { randomUUID } from 'node:crypto'
import { type EntityManager, In } from 'typeorm'
import type { BreachView, DataCategory, ExportFile } from '../../shared/contract/governance'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import { renderTableHtml, toCsv, type TableRow } from '../documents/renderTable'
import type { Lang } from '../documents/labels'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from './settings'
import { type Breach, BreachEntity, type BreachPerson, BreachPersonEntity } from '../vault/entities/Governance'
import { PersonEntity } from '../vault/entities/Person'
import { instantToLocal, localToInstant } from '../../shared/time'
import { breachClock, type BreachRisk, needsLateReason } from './breachDeadline'
import { governanceLabels } from './governanceLabels'

/**
 * R-23, GDPR art. 33(5): the register of every suspected and confirmed data breach (privacy
 * officer only). Times are typed as Europe/Amsterdam wall-clock time and stored as UTC instants;
 * the 72-hour deadline is computed on instants (`breachDeadline.ts`). A report after 72 hours says
 * why (art. 33(1)); whether the persons must be told is recorded (art. 34). The persons affected are
 * linked by id with a note each (`breach_person`); erasure removes the link and the note (R-19a).
 */
export interface BreachFormInput {
  discoveredAtLocal: string
  description: string
  dataCategories: DataCategory[]
  personsAffected: number
  risk: BreachRisk
  reportedToRegulatorAtLocal?: string | null
  reportedToPersonsAtLocal?: string | null
  measures?: string
  status: Breach['status']
  lateReason?: string | undefined
  informPersons?: boolean | undefined
  /** Left out on update: the links stay as they are. */
  affected?: { personId: string; note?: string | undefined }[] | undefined
}

/** The record fields a form can change; audit entries name these (and `affected` when the links change). */
const EDITABLE = [
  'discoveredAt',
  'description',
  'dataCategories',
  'personsAffected',
  'risk',
  'reportedToRegulatorAt',
  'reportedToPersonsAt',
  'measures',
  'status',
  'lateReason',
  'informPersons'
] as const

export async function listBreaches(ws: Workspace): Promise<{ asOf: string; breaches: BreachView[] }> {
  ws.requireRole('privacy_officer')
  const { rows, affected } = await ws.read(async ({ store, manager }) => {
    const rows = await store.breach.find({ order: { discoveredAt: 'DESC' } })
    return { rows, affected: await affectedOf(manager, rows.map((b) => b.id)) }
  })
  const names = await accountNames(ws)
  const now = ws.clock.now()
  return { asOf: now.toISOString(), breaches: rows.map((b) => toView(b, now, names, affected.get(b.id) ?? [])) }
}

export async function createBreach(ws: Workspace, input: BreachFormInput): Promise<BreachView> {
  ws.requireRole('privacy_officer')
  const now = ws.clock.now()
  const breach: Breach = {
    id: randomUUID(),
    ...toRecord(input, now),
    createdAt: now.toISOString(),
    createdBy: ws.requireActor().accountId
  }
  const affected = await ws.write(async ({ manager: m, audit }) => {
    const links = await checkedLinks(m, breach.id, input.affected ?? [], breach.personsAffected)
    await m.getRepository(BreachEntity).insert(breach)
    if (links.length > 0) await m.getRepository(BreachPersonEntity).insert(links)
    // informPersons is named only when chosen; the default follows the risk (art. 34).
    const given = EDITABLE.filter(
      (k) => (k === 'informPersons' ? input.informPersons !== undefined : breach[k] !== null && !(Array.isArray(breach[k]) && breach[k].length === 0))
    )
    await audit({ action: 'breach.create', subjectId: breach.id, fields: [...given, ...(links.length > 0 ? ['affected'] : [])] })
    return (await affectedOf(m, [breach.id])).get(breach.id) ?? []
  })
  return toView(breach, now, await accountNames(ws), affected)
}

export async function updateBreach(ws: Workspace, id: string, input: BreachFormInput): Promise<BreachView> {
  ws.requireRole('privacy_officer')
  const now = ws.clock.now()
  const updated = await ws.write(async ({ manager: m, audit }) => {
    const repo = m.getRepository(BreachEntity)
    const current = await repo.findOneBy({ id })
    if (!current) throw new DossierError('NOT_FOUND', 'No such breach.')
    const next: Breach = { ...current, ...toRecord(input, now) }
    const changed: string[] = EDITABLE.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]))
    const links = input.affected === undefined ? null : await checkedLinks(m, id, input.affected, next.personsAffected)
    const linkRepo = m.getRepository(BreachPersonEntity)
    if (links !== null) {
      const before = await linkRepo.find({ where: { breachId: id }, order: { personId: 'ASC' } })
      const after = [...links].sort((a, b) => a.personId.localeCompare(b.personId))
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await linkRepo.delete({ breachId: id })
        if (after.length > 0) await linkRepo.insert(after)
        changed.push('affected')
      }
    } else if (next.personsAffected < (await linkRepo.countBy({ breachId: id }))) {
      throw new DossierError('VALIDATION_FAILED', 'Fewer persons affected than linked.', { issues: [{ path: 'personsAffected', key: 'validation.breach.fewerThanLinked' }] })
    }
    if (changed.length > 0) {
      await repo.save(next)
      await audit({ action: 'breach.update', subjectId: id, fields: changed.sort() })
    }
    return { next, affected: (await affectedOf(m, [id])).get(id) ?? [] }
  })
  return toView(updated.next, now, await accountNames(ws), updated.affected)
}

export async function exportBreaches(ws: Workspace, format: 'csv' | 'html', lang: Lang): Promise<ExportFile> {
  const { breaches } = await listBreaches(ws)
  const L = governanceLabels(lang).breach
  const columns = (Object.keys(L.columns) as (keyof typeof L.columns)[]).map((key) => ({ key, label: L.columns[key] }))
  const local = (s: string | null) => (s ? s.replace('T', ' ') : '')
  const categories = governanceLabels(lang).dataCategory
  const rows: TableRow[] = breaches.map((b) => ({
    discoveredAt: local(b.discoveredAtLocal),
    status: L.status[b.status],
    risk: L.risk[b.risk],
    dataCategories: b.dataCategories.map((c) => categories[c as DataCategory] ?? c).join('; '),
    personsAffected: String(b.personsAffected),
    description: b.description,
    deadline: local(b.deadlineLocal),
    regulator: L.regulator[b.regulator],
    reportedToRegulatorAt: local(b.reportedToRegulatorAtLocal),
    lateReason: b.lateReason ?? '',
    persons: L.persons[b.persons],
    reportedToPersonsAt: local(b.reportedToPersonsAtLocal),
    measures: b.measures ?? ''
  }))
  const today = ws.clock.today()
  const content =
    format === 'csv'
      ? toCsv(columns, rows)
      : renderTableHtml({ lang, title: L.title, generatedOn: today, columns, rows, agency: (await ws.read(({ store }) => readSettings(store))).agency })
  await ws.write(({ audit }) => audit({ action: 'breach.export', reason: `${format}, ${rows.length} breaches` }))
  return { fileName: `breach-register-${today}.${format}`, mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'text/html;charset=utf-8', content }
}

/** Validates the times against each other and the clock; every problem names its form field. */
function toRecord(input: BreachFormInput, now: Date): Omit<Breach, 'id' | 'createdAt' | 'createdBy'> {
  const issues: ErrorIssue[] = []
  const instant = (path: string, local: string | null | undefined): string | null => {
    if (!local) return null
    const r = localToInstant(local)
    if (!r.ok) {
      issues.push({ path, key: r.problem === 'nonexistent' ? 'validation.breach.nonexistentTime' : 'validation.breach.dateTime' })
      return null
    }
    if (r.instant.getTime() > now.getTime()) issues.push({ path, key: 'validation.breach.future' })
    return r.instant.toISOString()
  }
  if (!input.discoveredAtLocal) issues.push({ path: 'discoveredAtLocal', key: 'validation.required' })
  const discoveredAt = instant('discoveredAtLocal', input.discoveredAtLocal)
  const regulator = instant('reportedToRegulatorAtLocal', input.reportedToRegulatorAtLocal)
  const persons = instant('reportedToPersonsAtLocal', input.reportedToPersonsAtLocal)
  if (discoveredAt) {
    if (regulator && regulator < discoveredAt) issues.push({ path: 'reportedToRegulatorAtLocal', key: 'validation.breach.beforeDiscovery' })
    if (persons && persons < discoveredAt) issues.push({ path: 'reportedToPersonsAtLocal', key: 'validation.breach.beforeDiscovery' })
  }
  const lateReason = input.lateReason?.trim() ? input.lateReason : null
  if (discoveredAt && regulator && lateReason === null && needsLateReason({ discoveredAt, reportedToRegulatorAt: regulator })) {
    issues.push({ path: 'lateReason', key: 'validation.breach.lateReasonRequired' })
  }
  if (issues.length > 0 || !discoveredAt) throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues })
  return {
    discoveredAt,
    description: input.description,
    dataCategories: [...input.dataCategories],
    personsAffected: input.personsAffected,
    risk: input.risk,
    reportedToRegulatorAt: regulator,
    reportedToPersonsAt: persons,
    measures: input.measures?.trim() ? input.measures : null,
    status: input.status,
    lateReason,
    informPersons: input.informPersons ?? input.risk === 'high'
  }
}

/** The links to write: every person must exist, each once, and no more than the number affected. Nothing is written otherwise. */
async function checkedLinks(m: EntityManager, breachId: string, affected: NonNullable<BreachFormInput['affected']>, personsAffected: number): Promise<BreachPerson[]> {
  const ids = affected.map((a) => a.personId)
  const found = new Set(
    ids.length ? (await m.getRepository(PersonEntity).find({ select: { id: true }, where: { id: In([...new Set(ids)]) } })).map((p) => p.id) : []
  )
  const issues: ErrorIssue[] = []
  const seen = new Set<string>()
  affected.forEach((a, i) => {
    if (!found.has(a.personId)) issues.push({ path: `affected.${i}.personId`, key: 'validation.breach.unknownPerson' })
    else if (seen.has(a.personId)) issues.push({ path: `affected.${i}.personId`, key: 'validation.breach.personTwice' })
    seen.add(a.personId)
  })
  if (issues.some((i) => i.key === 'validation.breach.unknownPerson')) throw new DossierError('NOT_FOUND', 'No person with this id.', { issues })
  if (ids.length > personsAffected) issues.push({ path: 'personsAffected', key: 'validation.breach.fewerThanLinked' })
  if (issues.length > 0) throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues })
  return affected.map((a) => ({ breachId, personId: a.personId, note: a.note?.trim() ? a.note : null }))
}

type AffectedView = BreachView['affected'][number]

/** names and references of active records only. */
async function affectedOf(m: EntityManager, breachIds: string[]): Promise<Map<string, AffectedView[]>> {
  const out = new Map<string, AffectedView[]>()
  if (breachIds.length === 0) return out
  const links = await m.getRepository(BreachPersonEntity).find({ where: { breachId: In(breachIds) } })
  const personIds = [...new Set(links.map((l) => l.personId))]
  const persons = personIds.length
    ? await m.getRepository(PersonEntity).find({ select: { id: true, ref: true, givenName: true, familyName: true, state: true }, where: { id: In(personIds) } })
    : []
  const byId = new Map(persons.map((p) => [p.id, p]))
  for (const l of links) {
    const p = byId.get(l.personId)
    const active = p?.state === 'active'
    const list = out.get(l.breachId) ?? []
    list.push({ personId: l.personId, personRef: active ? p.ref : null, personName: active ? `${p.givenName} ${p.familyName}` : null, note: l.note })
    out.set(l.breachId, list)
  }
  for (const list of out.values()) list.sort((a, b) => (a.personRef ?? '~').localeCompare(b.personRef ?? '~') || a.personId.localeCompare(b.personId))
  return out
}

function toView(b: Breach, now: Date, names: Map<string, string>, affected: AffectedView[]): BreachView {
  const clock = breachClock(b, now)
  return {
    id: b.id,
    discoveredAt: b.discoveredAt,
    discoveredAtLocal: instantToLocal(b.discoveredAt),
    description: b.description,
    dataCategories: b.dataCategories,
    personsAffected: b.personsAffected,
    risk: b.risk,
    reportedToRegulatorAt: b.reportedToRegulatorAt,
    reportedToRegulatorAtLocal: b.reportedToRegulatorAt ? instantToLocal(b.reportedToRegulatorAt) : null,
    reportedToPersonsAt: b.reportedToPersonsAt,
    reportedToPersonsAtLocal: b.reportedToPersonsAt ? instantToLocal(b.reportedToPersonsAt) : null,
    measures: b.measures,
    status: b.status,
    createdAt: b.createdAt,
    createdBy: b.createdBy ? (names.get(b.createdBy) ?? null) : null,
    deadline: clock.deadline,
    deadlineLocal: instantToLocal(clock.deadline),
    regulator: clock.regulator,
    persons: clock.persons,
    lateReason: b.lateReason,
    informPersons: b.informPersons,
    affected
  }
}

async function accountNames(ws: Workspace): Promise<Map<string, string>> {
  const rows = await ws.read(({ store }) => store.account.find({ select: { id: true, username: true } }))
  return new Map(rows.map((a) => [a.id, a.username]))
}
