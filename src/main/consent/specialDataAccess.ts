import type { EntityManager } from 'typeorm'
import type { AbsenceView, ConsentView, SpecialDataItem } from '../../shared/contract/consent'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { RestrictedKeyPort, Workspace } from '../workspace/Workspace'
import { restrictedKeyRequired } from '../vault/restrictedKey'
import { openSpecialValue } from './specialValue'
import { AbsenceEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { requirePerson, requirePersonToChange } from './consentPerson'
import { accountNames, consentViews, groundsOf } from './consentView'
import { toAbsenceView } from './absence'

async function specialItems(m: EntityManager, restricted: RestrictedKeyPort, personId: string): Promise<SpecialDataItem[]> {
  const rows = await m.getRepository(SpecialDataEntity).find({ where: { personId }, order: { createdAt: 'ASC', id: 'ASC' } })
  const names = await accountNames(m, rows.map((r) => r.createdBy))
  return rows.map((r) => ({
    id: r.id,
    consentId: r.consentId,
    category: r.category,
    purpose: r.purpose,
    value: openSpecialValue(restricted, r),
    createdAt: r.createdAt,
    createdBy: r.createdBy === null ? null : (names.get(r.createdBy) ?? null)
  }))
}

/**
 * special data is shown only on its own tab after an explicit click; every call is one
 * `special.view` audit entry (with the categories shown), also when there is nothing to show.
 */
export async function viewSpecialData(ws: Workspace, personId: string): Promise<{ items: SpecialDataItem[] }> {
  return ws.write(async ({ manager: m, audit, restricted }) => {
    await requirePerson(ws, m, personId)
    // Issue 15 point 1: refused before anything is read (or audited as seen) without the key.
    if (!restricted.held) throw restrictedKeyRequired()
    const items = await specialItems(m, restricted, personId)
    await audit({ action: 'special.view', subjectId: personId, fields: [...new Set(items.map((i) => `special.${i.category}`))] })
    return { items }
  })
}

/** remove one value (a typing error, a value no longer needed); securely deleted at once. */
export async function deleteSpecialData(ws: Workspace, specialDataId: string): Promise<{ specialDataId: string }> {
  await ws.write(async ({ manager: m, audit, noteErasure }) => {
    const row = await m.getRepository(SpecialDataEntity).findOne({ select: { id: true, personId: true, category: true }, where: { id: specialDataId } })
    if (!row) throw new DossierError('NOT_FOUND', 'No such special-data item.')
    await requirePersonToChange(ws, m, row.personId)
    await m.getRepository(SpecialDataEntity).delete({ id: specialDataId })
    noteErasure({ kind: 'delete-special-data', personId: row.personId, targetId: specialDataId, rule: 'rectification' }) // re-applied after a restore
    await audit({ action: 'special.delete', subjectId: row.personId, fields: [`special.${row.category}`] })
  })
  ws.vault.checkpoint()
  return { specialDataId }
}

export interface SubjectSpecialData {
  consents: ConsentView[]
  special: SpecialDataItem[]
  absences: AbsenceView[]
}

/**
 * Everything of this capability about one person, for the person's OWN access report and
 * portability export — the only documents special data may appear in. Not audited here:
 * the caller audits the report or export it builds, in the same transaction.
 */
export async function specialDataForSubject(m: EntityManager, restricted: RestrictedKeyPort, personId: string, today: CalendarDate): Promise<SubjectSpecialData> {
  const absences = await m.getRepository(AbsenceEntity).find({ where: { personId }, order: { startOn: 'ASC', id: 'ASC' } })
  return {
    consents: await consentViews(m, await groundsOf(m, personId), today),
    special: await specialItems(m, restricted, personId),
    absences: absences.map(toAbsenceView)
  }
}
