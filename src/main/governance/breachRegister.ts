import { randomUUID } from 'node:crypto'
import type { BreachView, DataCategory, ExportFile } from '../../shared/contract/governance'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import { renderTableHtml, toCsv, type TableRow } from '../documents/renderTable'
import type { Lang } from '../documents/labels'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from './settings'
import { type Breach, BreachEntity } from '../vault/entities/Governance'
import { instantToLocal, localToInstant } from '../../shared/time'
import { breachClock, type BreachRisk } from './breachDeadline'
import { governanceLabels } from './governanceLabels'

/**
 * R-23, GDPR art. 33(5): the register of every suspected and confirmed data breach (privacy
 * officer only). Times are typed as Europe/Amsterdam wall-clock time and stored as UTC instants;
 * the 72-hour deadline is computed on instants (`breachDeadline.ts`).
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
}

/** The record fields a form can change; audit entries name these. */
const EDITABLE = ['discoveredAt', 'description', 'dataCategories', 'personsAffected', 'risk', 'reportedToRegulatorAt', 'reportedToPersonsAt', 'measures', 'status'] as const

export async function listBreaches(ws: Workspace): Promise<{ asOf: string; breaches: BreachView[] }> {
  ws.requireRole('privacy_officer')
  const rows = await ws.read(({ store }) => store.breach.find({ order: { discoveredAt: 'DESC' } }))
  const names = await accountNames(ws)
  const now = ws.clock.now()
  return { asOf: now.toISOString(), breaches: rows.map((b) => toView(b, now, names)) }
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
  await ws.write(async ({ manager: m, audit }) => {
    await m.getRepository(BreachEntity).insert(breach)
    const given = EDITABLE.filter((k) => breach[k] !== null && !(Array.isArray(breach[k]) && breach[k].length === 0))
    await audit({ action: 'breach.create', subjectId: breach.id, fields: [...given] })
  })
  return toView(breach, now, await accountNames(ws))
}

export async function updateBreach(ws: Workspace, id: string, input: BreachFormInput): Promise<BreachView> {
  ws.requireRole('privacy_officer')
  const now = ws.clock.now()
  const updated = await ws.write(async ({ manager: m, audit }) => {
    const repo = m.getRepository(BreachEntity)
    const current = await repo.findOneBy({ id })
    if (!current) throw new DossierError('NOT_FOUND', 'No such breach.')
    const next: Breach = { ...current, ...toRecord(input, now) }
    const changed = EDITABLE.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]))
    if (changed.length > 0) {
      await repo.save(next)
      await audit({ action: 'breach.update', subjectId: id, fields: [...changed] })
    }
    return next
  })
  return toView(updated, now, await accountNames(ws))
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
    status: input.status
  }
}

function toView(b: Breach, now: Date, names: Map<string, string>): BreachView {
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
    persons: clock.persons
  }
}

async function accountNames(ws: Workspace): Promise<Map<string, string>> {
  const rows = await ws.read(({ store }) => store.account.find({ select: { id: true, username: true } }))
  return new Map(rows.map((a) => [a.id, a.username]))
}
