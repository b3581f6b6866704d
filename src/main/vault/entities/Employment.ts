import { EntitySchema } from 'typeorm'
import type { CalendarDate, EmploymentKind } from '../../../shared/domain'
import { date, pk, ref, text } from './columns'

/** an employment period (dienstverband), optionally at a client: that is the assignment. */
export interface Employment {
  id: string
  personId: string
  start: CalendarDate
  end: CalendarDate | null
  kind: EmploymentKind
  clientId: string | null
}
export const EmploymentEntity = new EntitySchema<Employment>({
  name: 'Employment',
  tableName: 'employment',
  columns: { id: pk(), personId: ref(), start: date(), end: date(true), kind: { type: 'varchar', length: 16 }, clientId: ref(true) },
  indices: [{ name: 'idx_employment_person', columns: ['personId'] }]
})

/** a recruitment & selection (W&S) procedure for a client. */
export interface RecruitmentProcedure {
  id: string
  personId: string
  clientId: string | null
  clientName: string
  start: CalendarDate
  end: CalendarDate | null
}
export const RecruitmentProcedureEntity = new EntitySchema<RecruitmentProcedure>({
  name: 'RecruitmentProcedure',
  tableName: 'recruitment_procedure',
  columns: { id: pk(), personId: ref(), clientId: ref(true), clientName: text(), start: date(), end: date(true) },
  indices: [{ name: 'idx_recruitment_person', columns: ['personId'] }]
})
