/**
 * The person form (R-2 intake fields, R-6 source, R-7 purposes, R-24 statement version) as the
 * intake and the rectification edit it: every text a string (`''` = empty), paths equal to the
 * contract's paths (`address.postcode`, `source.detail`) so server field errors land next to the
 * right field. No BSN and no health or other special data (R-3a): the shape has no such field.
 */
import type { PersonChangesInput, PersonDetail } from '../../../../shared/contract/people'
import type { CalendarDate, Gender, PersonRole, Purpose, SourceKind } from '../../../../shared/domain'
import { formatPhone } from '../../../../shared/validation/phone'
import type { IntakeInput } from '../../../../shared/person/personSchema'

export interface PersonFormValues {
  givenName: string
  familyName: string
  birthDate: string
  gender: Gender | ''
  email: string
  phone: string
  otherContact: string
  address: { street: string; houseNumber: string; postcode: string; city: string }
  education: string
  internships: string
  workExperience: string
  availability: string
  deployability: string
  leave: string
  particulars: string
  source: { kind: SourceKind; detail: string }
  roles: PersonRole[]
  purposes: Purpose[]
  statementVersion: string
  statementShownOn: string
  registeredOn: string
  ref: string
}

/** A walk-in's defaults: registered today, candidate for mediation, shown the current statement. */
export function emptyPersonForm(today: CalendarDate, statementVersion: string): PersonFormValues {
  return {
    givenName: '',
    familyName: '',
    birthDate: '',
    gender: '',
    email: '',
    phone: '',
    otherContact: '',
    address: { street: '', houseNumber: '', postcode: '', city: '' },
    education: '',
    internships: '',
    workExperience: '',
    availability: '',
    deployability: '',
    leave: '',
    particulars: '',
    source: { kind: 'walk-in', detail: '' },
    roles: ['candidate'],
    purposes: ['mediation'],
    statementVersion,
    statementShownOn: today,
    registeredOn: today,
    ref: ''
  }
}

/** The form's values as the createPerson input (blank optional fields are absent for the schema). */
export function toIntakeInput(v: PersonFormValues): IntakeInput {
  return { ...v, gender: v.gender as Gender }
}

const s = (value: string | null | undefined): string => value ?? ''

/** A stored person as form values, for the rectification form. */
export function personFormFromDetail(p: PersonDetail): PersonFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: s(p.birthDate),
    gender: p.gender ?? '',
    email: s(p.email),
    phone: formatPhone(p.phone),
    otherContact: s(p.otherContact),
    address: { street: s(p.address.street), houseNumber: s(p.address.houseNumber), postcode: s(p.address.postcode), city: s(p.address.city) },
    education: s(p.education),
    internships: s(p.internships),
    workExperience: s(p.workExperience),
    availability: s(p.availability),
    deployability: s(p.deployability),
    leave: s(p.leave),
    particulars: s(p.particulars),
    source: { kind: p.source.kind, detail: s(p.source.detail) },
    roles: [...p.roles],
    purposes: p.purposes.map((x) => x.purpose),
    statementVersion: s(p.statementVersion),
    statementShownOn: s(p.statementShownOn),
    registeredOn: p.registeredOn,
    ref: s(p.ref)
  }
}

const TEXT_FIELDS = [
  'givenName', 'familyName', 'birthDate', 'email', 'phone', 'otherContact', 'education', 'internships', 'workExperience',
  'availability', 'deployability', 'leave', 'particulars', 'statementVersion', 'statementShownOn', 'registeredOn', 'ref'
] as const satisfies readonly (keyof PersonFormValues & keyof PersonChangesInput)[]

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/**
 * only what the user changed, as the updatePerson `changes` (a blank text clears a field).
 * Comparing trimmed text, so re-typing the same value is not a change.
 */
export function personChanges(before: PersonFormValues, after: PersonFormValues): PersonChangesInput {
  const changes: Record<string, unknown> = {}
  for (const field of TEXT_FIELDS) {
    if (after[field].trim() !== before[field].trim()) changes[field] = after[field]
  }
  if (after.gender !== before.gender && after.gender !== '') changes['gender'] = after.gender
  const a = after.address
  const b = before.address
  if (a.street.trim() !== b.street.trim() || a.houseNumber.trim() !== b.houseNumber.trim() || a.postcode.trim() !== b.postcode.trim() || a.city.trim() !== b.city.trim()) {
    changes['address'] = { ...a }
  }
  if (after.source.kind !== before.source.kind || after.source.detail.trim() !== before.source.detail.trim()) changes['source'] = { ...after.source }
  if (!sameSet(after.roles, before.roles)) changes['roles'] = after.roles
  if (!sameSet(after.purposes, before.purposes)) changes['purposes'] = after.purposes
  return changes as PersonChangesInput
}

/** A field the rectification sends (`personChanges`' keys, the same names as the form's). */
export type ChangeField = keyof PersonChangesInput & keyof PersonFormValues

/**
 * Issue 17 point 4, "changed by someone else": the record was saved by another desk after this
 * form loaded it (`base`). `both`: the fields the user changed that the other desk changed to
 * something else (shown with both values); `theirs`: the fields only the other desk changed.
 */
export function editConflict(base: PersonFormValues, mine: PersonFormValues, saved: PersonFormValues): { both: ChangeField[]; theirs: ChangeField[] } {
  const myChanges = Object.keys(personChanges(base, mine)) as ChangeField[]
  const theirChanges = Object.keys(personChanges(base, saved)) as ChangeField[]
  const differ = new Set(Object.keys(personChanges(saved, mine)))
  return {
    both: myChanges.filter((field) => theirChanges.includes(field) && differ.has(field)),
    theirs: theirChanges.filter((field) => !myChanges.includes(field))
  }
}

/**
 * The user's changes laid over the record as it is saved now: the fields the user changed take
 * the user's values, every other field the saved one — so saving again keeps the other desk's
 * changes to other fields, and the user's own are not lost.
 */
export function rebaseEdit(base: PersonFormValues, mine: PersonFormValues, saved: PersonFormValues): PersonFormValues {
  const out = structuredClone(saved) as unknown as Record<string, unknown>
  for (const field of Object.keys(personChanges(base, mine)) as ChangeField[]) out[field] = structuredClone(mine[field])
  return out as unknown as PersonFormValues
}

/** The intake's steps and the form paths each one holds (errors send the user to their step). */
export const INTAKE_STEPS = [
  { id: 'personal', fields: ['givenName', 'familyName', 'birthDate', 'gender', 'roles'] },
  { id: 'contact', fields: ['email', 'phone', 'otherContact', 'address'] },
  { id: 'experience', fields: ['education', 'internships', 'workExperience'] },
  { id: 'availability', fields: ['availability', 'deployability', 'leave', 'particulars'] },
  { id: 'source', fields: ['source', 'purposes', 'statementVersion', 'statementShownOn', 'registeredOn', 'ref'] },
  { id: 'review', fields: [] }
] as const

export type IntakeStepId = (typeof INTAKE_STEPS)[number]['id']

/** The step index whose fields include `path` (`address.postcode` → contact), or -1. */
export function stepOfPath(path: string): number {
  const root = path.split('.')[0] ?? ''
  return INTAKE_STEPS.findIndex((step) => (step.fields as readonly string[]).includes(root))
}
