/**
 * The employment-data form as values: every text a string (`''` = empty), paths equal to
 * the contract's (`idDocument.number`) so server field errors land next to the right field.
 */
import type { PersonDetail } from '../../../../shared/contract/people'
import type { EmploymentDataInput } from '../../../../shared/person/personSchema'

export interface EmploymentDataValues {
  nationality: string
  bsn: string
  idDocument: { type: string; number: string; expiry: string }
  idVerifiedOn: string
  workPermit: { number: string; expiry: string }
  vogDate: string
  iban: string
  maritalStatus: string
}

export function valuesOf(p: PersonDetail, revealedBsn: string | null): EmploymentDataValues {
  const e = p.employmentData
  return {
    nationality: e.nationality ?? '',
    bsn: revealedBsn ?? '',
    idDocument: { type: e.idDocument?.type ?? '', number: e.idDocument?.number ?? '', expiry: e.idDocument?.expiry ?? '' },
    idVerifiedOn: e.idVerifiedOn ?? '',
    workPermit: { number: e.workPermit?.number ?? '', expiry: e.workPermit?.expiry ?? '' },
    vogDate: e.vogDate ?? '',
    iban: e.iban ?? '',
    maritalStatus: e.maritalStatus ?? ''
  }
}

/** The form as the recordEmploymentData input: blank optional parts are left out. */
export function toInput(v: EmploymentDataValues): EmploymentDataInput {
  const permit = v.workPermit.number.trim() || v.workPermit.expiry.trim() ? { workPermit: v.workPermit } : {}
  return {
    nationality: v.nationality,
    bsn: v.bsn,
    idDocument: v.idDocument as EmploymentDataInput['idDocument'],
    idVerifiedOn: v.idVerifiedOn,
    ...permit,
    vogDate: v.vogDate,
    iban: v.iban,
    maritalStatus: v.maritalStatus as EmploymentDataInput['maritalStatus']
  }
}

/** The form's fields one by one (the BSN apart: it is shown masked), with their labels. */
export const EMPLOYMENT_FIELDS = [
  ['nationality', 'nationality'],
  ['idDocument.type', 'idDocumentType'],
  ['idDocument.number', 'idDocumentNumber'],
  ['idDocument.expiry', 'idDocumentExpiry'],
  ['idVerifiedOn', 'idVerifiedOn'],
  ['workPermit.number', 'workPermitNumber'],
  ['workPermit.expiry', 'workPermitExpiry'],
  ['vogDate', 'vogDate'],
  ['iban', 'iban'],
  ['maritalStatus', 'maritalStatus']
] as const
export type EmploymentField = (typeof EMPLOYMENT_FIELDS)[number][0]

export function valueAt(v: EmploymentDataValues, field: EmploymentField): string {
  const [head, tail] = field.split('.') as [keyof EmploymentDataValues, string | undefined]
  const value = v[head]
  return (tail ? (value as Record<string, string>)[tail] : (value as string)) ?? ''
}

function withValue(v: EmploymentDataValues, field: EmploymentField, value: string): EmploymentDataValues {
  const out = structuredClone(v)
  const [head, tail] = field.split('.') as [keyof EmploymentDataValues, string | undefined]
  if (tail) (out[head] as Record<string, string>)[tail] = value
  else (out as unknown as Record<string, string>)[head] = value
  return out
}

/** What an employment-data form started from: its values, the record's version and its masked BSN then. */
export interface EmploymentBase {
  values: EmploymentDataValues
  version: number
  maskedBsn: string | null
}

/**
 * Issue 17 point 4 for the employment data (EditConflict.tsx): the form sends every field, so the
 * fields the user did not change must take the values saved meanwhile. `both`/`theirs` as in the
 * personal form; `values`: the user's changes over the record as saved now. The BSN is compared by
 * its masked form (the form never held it unless revealed) and never shown in full but as typed.
 */
export function employmentConflict(
  base: EmploymentBase,
  mine: EmploymentDataValues,
  saved: EmploymentBase,
  bsnTyped: boolean
): { both: EmploymentField[]; theirs: EmploymentField[]; bsn: 'both' | 'theirs' | null; values: EmploymentDataValues } {
  const both: EmploymentField[] = []
  const theirs: EmploymentField[] = []
  let values = structuredClone(saved.values)
  for (const [field] of EMPLOYMENT_FIELDS) {
    const mineChanged = valueAt(mine, field).trim() !== valueAt(base.values, field).trim()
    const theirChanged = valueAt(saved.values, field).trim() !== valueAt(base.values, field).trim()
    if (mineChanged) values = withValue(values, field, valueAt(mine, field))
    if (mineChanged && theirChanged && valueAt(mine, field).trim() !== valueAt(saved.values, field).trim()) both.push(field)
    if (theirChanged && !mineChanged) theirs.push(field)
  }
  if (bsnTyped) values = { ...values, bsn: mine.bsn }
  const bsnChanged = saved.maskedBsn !== base.maskedBsn
  return { both, theirs, bsn: bsnChanged ? (bsnTyped ? 'both' : 'theirs') : null, values }
}
