import { EntitySchema } from 'typeorm'
import type { CalendarDate, Purpose, SpecialCategory } from '../../../shared/domain'
import { date, pk, ref, text } from './columns'

/**
 * explicit consent (or a recorded legal basis) per person, category and purpose. After
 * withdrawal only the fact, dates and who recorded it remain: the wording is kept (it is the
 * agency's text, not the person's data), the special data itself is deleted.
 */
export interface Consent {
  id: string
  personId: string
  category: SpecialCategory
  purpose: Purpose
  basis: 'consent' | 'legal-basis'
  legalBasisKey: string | null
  givenOn: CalendarDate | null
  how: 'signed-form' | 'in-person' | 'email' | null
  wording: string | null
  statementVersion: string | null
  endsOn: CalendarDate | null
  recordedBy: string | null
  recordedAt: string
  withdrawnOn: CalendarDate | null
  withdrawnBy: string | null
  /** set when the retention sweep purged the data because the consent expired */
  expiredPurgedOn: CalendarDate | null
}
export const ConsentEntity = new EntitySchema<Consent>({
  name: 'Consent',
  tableName: 'consent',
  columns: {
    id: pk(),
    personId: ref(),
    category: { type: 'varchar', length: 16 },
    purpose: { type: 'varchar', length: 32 },
    basis: { type: 'varchar', length: 16 },
    legalBasisKey: { type: 'varchar', length: 64, nullable: true },
    givenOn: date(true),
    how: { type: 'varchar', length: 16, nullable: true },
    wording: text(true),
    statementVersion: { type: 'varchar', length: 32, nullable: true },
    endsOn: date(true),
    recordedBy: ref(true),
    recordedAt: date(),
    withdrawnOn: date(true),
    withdrawnBy: ref(true),
    expiredPurgedOn: date(true)
  },
  indices: [{ name: 'idx_consent_person', columns: ['personId'] }]
})

/** one piece of special-category data, always under one consent/basis. */
export interface SpecialData {
  id: string
  personId: string
  consentId: string
  category: SpecialCategory
  purpose: Purpose
  value: string
  createdAt: string
  createdBy: string | null
}
export const SpecialDataEntity = new EntitySchema<SpecialData>({
  name: 'SpecialData',
  tableName: 'special_data',
  columns: {
    id: pk(),
    personId: ref(),
    consentId: ref(),
    category: { type: 'varchar', length: 16 },
    purpose: { type: 'varchar', length: 32 },
    value: text(),
    createdAt: date(),
    createdBy: ref(true)
  },
  indices: [{ name: 'idx_special_person', columns: ['personId'] }, { name: 'idx_special_consent', columns: ['consentId'] }]
})

/** Legal bases the privacy officer maintains (R-4: instead of consent). */
export interface LegalBasis {
  key: string
  label: string
  description: string
  active: boolean
}
export const LegalBasisEntity = new EntitySchema<LegalBasis>({
  name: 'LegalBasis',
  tableName: 'legal_basis',
  columns: { key: { type: 'varchar', length: 64, primary: true }, label: text(), description: text(), active: { type: 'boolean', default: true } }
})

/** Absence (verzuim): only what an employer may keep — dates, expected duration, availability. */
export interface Absence {
  id: string
  personId: string
  startOn: CalendarDate
  endOn: CalendarDate | null
  expectedDuration: string | null
  availability: string | null
  createdAt: string
}
export const AbsenceEntity = new EntitySchema<Absence>({
  name: 'Absence',
  tableName: 'absence',
  columns: { id: pk(), personId: ref(), startOn: date(), endOn: date(true), expectedDuration: text(true), availability: text(true), createdAt: date() },
  indices: [{ name: 'idx_absence_person', columns: ['personId'] }]
})
