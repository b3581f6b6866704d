import { EntitySchema } from 'typeorm'
import type { CalendarDate } from '../../../shared/domain'
import type { ObjectionPurpose, ProcessingLimitKind } from '../../../shared/vocabulary'
import { date, pk, ref, text } from './columns'

/**
 * a restriction of processing (GDPR art. 18) or an objection to one purpose (art. 21), with
 * its date and the reason as recorded, and — once lifted — when, by whom and why. A row is in
 * force while `liftedOn` is null. The reasons are free text about the person: the row goes with
 * the person (`ON DELETE CASCADE`), and a reduction to the legal hold blanks them
 * (retention/forgetWrittenAbout.ts, R-19a).
 */
export interface ProcessingLimit {
  id: string
  personId: string
  kind: ProcessingLimitKind
  /** the purpose objected to; null for a restriction */
  purpose: ObjectionPurpose | null
  recordedOn: CalendarDate
  recordedBy: string | null
  reason: string
  liftedOn: CalendarDate | null
  liftedBy: string | null
  liftReason: string | null
}

export const ProcessingLimitEntity = new EntitySchema<ProcessingLimit>({
  name: 'ProcessingLimit',
  tableName: 'processing_limit',
  columns: {
    id: pk(),
    personId: ref(),
    kind: { type: 'varchar', length: 16 },
    purpose: { type: 'varchar', length: 32, nullable: true },
    recordedOn: date(),
    recordedBy: ref(true),
    reason: text(),
    liftedOn: date(true),
    liftedBy: ref(true),
    liftReason: text(true)
  },
  indices: [{ name: 'idx_processing_limit_person', columns: ['personId'] }]
})
