import { EntitySchema } from 'typeorm'
import type { CalendarDate, SourceKind } from '../../../shared/domain'
import type { InformMethod } from '../../../shared/vocabulary'
import { date, pk, ref } from './columns'

/**
 * R-27 (GDPR art. 14(3)): the duty to inform a person whose data came from a public website or a
 * third party. Due one calendar month after the data came in, earlier when the person is contacted
 * first; open until recorded as done (how, on which date, by whom). No free text: the task goes
 * with the person (ON DELETE CASCADE) and holds nothing written about them.
 */
export interface InformTask {
  id: string
  personId: string
  /** the source that created the duty (`public-website`, `third-party`) */
  sourceKind: SourceKind
  /** the date the data came in (the person's registration) */
  obtainedOn: CalendarDate
  dueOn: CalendarDate
  doneOn: CalendarDate | null
  doneHow: InformMethod | null
  recordedBy: string | null
  recordedAt: string | null
}

export const InformTaskEntity = new EntitySchema<InformTask>({
  name: 'InformTask',
  tableName: 'inform_task',
  columns: {
    id: pk(),
    personId: ref(),
    sourceKind: { type: 'varchar', length: 16 },
    obtainedOn: date(),
    dueOn: date(),
    doneOn: date(true),
    doneHow: { type: 'varchar', length: 16, nullable: true },
    recordedBy: ref(true),
    recordedAt: date(true)
  },
  indices: [
    { name: 'idx_inform_task_person', columns: ['personId'] },
    { name: 'idx_inform_task_open', columns: ['doneOn', 'dueOn'] }
  ]
})
