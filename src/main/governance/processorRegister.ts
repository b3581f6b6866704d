import { randomUUID } from 'node:crypto'
import type { DataCategory, ProcessorView } from '../../shared/contract/governance'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { compareDates } from '../../shared/time'
import type { Processor } from '../vault/entities/Governance'
import type { Workspace } from '../workspace/Workspace'

/**
 * R-28, GDPR art. 28 and 30(1)(d): the processors working for the agency (payroll provider,
 * occupational health service, IT hosting…) with purpose, kinds of data, agreement date and
 * location. Kept by the privacy officer and the admin; printed by the art. 30 register. Holds no
 * personal data of candidates. Every change is audited (`processor.*`, field names only).
 */
export interface ProcessorInput {
  id?: string | undefined
  name: string
  purpose: string
  dataCategories: DataCategory[]
  agreementOn?: CalendarDate | null | undefined
  location: string
  country: string
  subProcessors?: string | undefined
}

const FIELDS = ['name', 'purpose', 'dataCategories', 'agreementOn', 'location', 'country', 'subProcessors'] as const

export async function listProcessors(ws: Workspace): Promise<ProcessorView[]> {
  ws.requireRole('privacy_officer', 'admin')
  const rows = await ws.read(({ store }) => store.processor.find())
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id)).map(toView)
}

export async function saveProcessor(ws: Workspace, input: ProcessorInput): Promise<ProcessorView> {
  ws.requireRole('privacy_officer', 'admin')
  const today = ws.clock.today()
  if (input.agreementOn && compareDates(input.agreementOn, today) > 0) {
    throw new DossierError('FUTURE_DATE_NOT_ALLOWED', 'An agreement cannot be signed in the future.', { issues: [{ path: 'agreementOn', key: 'validation.date.future' }] })
  }
  const now = ws.clock.now().toISOString()
  const fields = {
    name: input.name,
    purpose: input.purpose,
    dataCategories: [...input.dataCategories],
    agreementOn: input.agreementOn ?? null,
    location: input.location,
    country: input.country,
    subProcessors: input.subProcessors?.trim() ? input.subProcessors : null
  }
  return ws.write(async ({ store, audit }) => {
    if (input.id === undefined) {
      const row: Processor = { id: randomUUID(), ...fields, createdAt: now, updatedAt: now }
      await store.processor.insert(row)
      await audit({ action: 'processor.create', subjectId: row.id, fields: FIELDS.filter((k) => row[k] !== null) })
      return toView(row)
    }
    const current = await store.processor.findOneBy({ id: input.id })
    if (!current) throw new DossierError('NOT_FOUND', 'No such processor.')
    const changed = FIELDS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(fields[k]))
    if (changed.length === 0) return toView(current)
    const next: Processor = { ...current, ...fields, updatedAt: now }
    await store.processor.save(next)
    await audit({ action: 'processor.update', subjectId: next.id, fields: [...changed] })
    return toView(next)
  })
}

export async function deleteProcessor(ws: Workspace, id: string): Promise<{ deleted: true }> {
  ws.requireRole('privacy_officer', 'admin')
  return ws.write(async ({ store, audit }) => {
    if (!(await store.processor.existsBy({ id }))) throw new DossierError('NOT_FOUND', 'No such processor.')
    await store.processor.delete({ id })
    await audit({ action: 'processor.delete', subjectId: id })
    return { deleted: true as const }
  })
}

function toView(p: Processor): ProcessorView {
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    dataCategories: p.dataCategories as DataCategory[],
    agreementOn: p.agreementOn,
    location: p.location,
    country: p.country,
    subProcessors: p.subProcessors,
    updatedAt: p.updatedAt
  }
}
