import { EntitySchema } from 'typeorm'
import type { CalendarDate } from '../../../shared/domain'
import { date, pk, ref, text } from './columns'

/**
 * Issue 14 point 4, R-9a: a person's consent to a processing that rests on consent and is not
 * about special data (those are `consent`, R-4): receiving offers and information, or a client
 * receiving one field outside the allowed list (IBAN, nationality, marital status…) for one
 * disclosure purpose. Recorded with date, how and the wording shown; a withdrawal keeps the fact.
 * Deleted with the person (`ON DELETE CASCADE`) and at the reduction to the legal hold.
 */
export interface ProcessingConsent {
  id: string
  personId: string
  /** `offers` or `disclosure` */
  subject: 'offers' | 'disclosure'
  /** with `disclosure`: the disclosure purpose and the field it covers */
  disclosurePurpose: string | null
  field: string | null
  givenOn: CalendarDate
  how: 'signed-form' | 'in-person' | 'email'
  wording: string
  recordedBy: string | null
  recordedAt: string
  withdrawnOn: CalendarDate | null
  withdrawnBy: string | null
}
export const ProcessingConsentEntity = new EntitySchema<ProcessingConsent>({
  name: 'ProcessingConsent',
  tableName: 'processing_consent',
  columns: {
    id: pk(),
    personId: ref(),
    subject: { type: 'varchar', length: 16 },
    disclosurePurpose: { type: 'varchar', length: 40, nullable: true },
    field: { type: 'varchar', length: 32, nullable: true },
    givenOn: date(),
    how: { type: 'varchar', length: 16 },
    wording: text(),
    recordedBy: ref(true),
    recordedAt: date(),
    withdrawnOn: date(true),
    withdrawnBy: ref(true)
  },
  indices: [{ name: 'idx_processing_consent_person', columns: ['personId'] }]
})
