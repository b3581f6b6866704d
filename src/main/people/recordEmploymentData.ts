import type { ParsedInputOf } from '../../shared/contract/operation'
import type { peopleOperations } from '../../shared/contract/people'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import { hasBsnEmployment, hasBsnPurpose, makeEmploymentDataSchema } from '../../shared/person/personSchema'
import type { Workspace } from '../workspace/Workspace'
import { EmploymentEntity } from '../vault/entities/Employment'
import type { Person } from '../vault/entities/Person'
import { parseInput } from './parseInput'
import { refuseIfChanged, updateVersioned } from './personVersion'
import { openPersonForChange } from './personAccess'
import { purposesOf } from './personCollections'
import { recordFieldChange } from './recordFieldChange'

export type RecordEmploymentDataInput = ParsedInputOf<(typeof peopleOperations)['recordEmploymentData']>

/** The R-3 columns, written together by this one form. */
const EMPLOYMENT_COLUMNS = [
  'nationality', 'bsn', 'idDocumentType', 'idDocumentNumber', 'idDocumentExpiry', 'idVerifiedOn',
  'workPermitNumber', 'workPermitExpiry', 'vogDate', 'iban', 'maritalStatus'
] as const satisfies readonly (keyof Person)[]
type EmploymentColumns = Pick<Person, (typeof EMPLOYMENT_COLUMNS)[number]>

/**
 * R-3 employment data, asked only once the person works for the agency (R-3a: not at
 * registration) — without an employment period this is refused with EMPLOYMENT_REQUIRED. The BSN
 * (UAVG art. 46) only with a BSN purpose (payroll, client identification) on the person's stored
 * purposes, and (R-16a) only for an employment that has started or starts within 4 weeks, else
 * BSN_NOT_ALLOWED with the reasons on `bsn`. The form is the whole R-3 record: a field left out is cleared.
 * Changing a value recorded earlier is a rectification and needs a reason. `keepBsn` keeps
 * the stored BSN without the form having to reveal it (the reveal is a separate, audited view).
 */
export async function recordEmploymentData(ws: Workspace, input: RecordEmploymentDataInput): Promise<{ personId: string; changedFields: string[] }> {
  const { personId, reason, keepBsn, expectedVersion, ...data } = input
  if (keepBsn && data.bsn !== undefined) {
    throw new DossierError('VALIDATION_FAILED', 'Send either a BSN or keepBsn, not both.', { issues: [{ path: 'bsn', key: 'validation.unknownField' }] })
  }
  return ws.write(async ({ manager: m, audit, fields }) => {
    const person = await openPersonForChange(ws, m, audit, personId, reason)
    refuseIfChanged(person, expectedVersion) // issue 17 point 4: the form sends every field
    const employmentStarts = (await m.getRepository(EmploymentEntity).find({ where: { personId }, select: { start: true } })).map((e) => e.start)
    if (employmentStarts.length === 0) {
      throw new DossierError('EMPLOYMENT_REQUIRED', 'Employment data is recorded only once the person has an employment.')
    }
    const purposes = await purposesOf(m, personId)
    const today = ws.clock.today()
    if (data.bsn !== undefined) {
      const issues: ErrorIssue[] = []
      if (!hasBsnPurpose(purposes)) issues.push({ path: 'bsn', key: 'validation.bsn.purpose' })
      if (!hasBsnEmployment(employmentStarts, today)) issues.push({ path: 'bsn', key: 'validation.bsn.employmentNotStarted' })
      if (issues.length > 0) {
        throw new DossierError(
          'BSN_NOT_ALLOWED',
          'The BSN may only be recorded with a purpose that allows it (payroll or client identification) and for an employment that has started or starts within 4 weeks.',
          { issues }
        )
      }
    }
    const parsed = parseInput(makeEmploymentDataSchema({ today, purposes, employmentStarts }), data)
    const next: EmploymentColumns = {
      nationality: parsed.nationality,
      // Kept unrevealed: the masked form never held it (issue 16), so it is neither checked nor changed.
      bsn: keepBsn ? person.bsn : (parsed.bsn ?? null),
      idDocumentType: parsed.idDocument.type,
      idDocumentNumber: parsed.idDocument.number,
      idDocumentExpiry: parsed.idDocument.expiry,
      idVerifiedOn: parsed.idVerifiedOn,
      workPermitNumber: parsed.workPermit?.number ?? null,
      workPermitExpiry: parsed.workPermit?.expiry ?? null,
      vogDate: parsed.vogDate ?? null,
      iban: parsed.iban ?? null,
      maritalStatus: parsed.maritalStatus ?? null
    }
    const changed = EMPLOYMENT_COLUMNS.filter((column) => next[column] !== person[column])
    if (changed.length === 0) return { personId, changedFields: [] }
    const rectifies = changed.some((column) => person[column] !== null)
    if (rectifies && !reason) {
      throw new DossierError('REASON_REQUIRED', 'Changing recorded employment data needs a reason.', { issues: [{ path: 'reason', key: 'validation.required' }] })
    }
    await updateVersioned({ manager: m, fields }, person, { ...next, updatedAt: ws.clock.now().toISOString() })
    await recordFieldChange(ws, m, personId, changed, reason ?? null)
    await audit({ action: 'person.update', subjectId: personId, fields: [...changed], reason: reason ?? null })
    return { personId, changedFields: [...changed].sort() }
  })
}
