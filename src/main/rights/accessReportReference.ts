import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { SettingEntity } from '../vault/entities/Setting'

/**
 * every access report gets its own reference, `INZ-<year>-<six digits>`, numbered per
 * calendar year from a counter in the `setting` table. It runs in the caller's transaction, so
 * two reports issued at once can never share a number and a failed issue does not use one up.
 */
const COUNTER_KEY = 'rights.accessReportCounter'

interface Counter {
  year: number
  last: number
}

function isCounter(value: unknown): value is Counter {
  return typeof value === 'object' && value !== null && typeof (value as Counter).year === 'number' && typeof (value as Counter).last === 'number'
}

export function formatAccessReportReference(year: number, number: number): string {
  return `INZ-${year}-${String(number).padStart(6, '0')}`
}

export async function nextAccessReportReference(manager: EntityManager, today: CalendarDate): Promise<string> {
  const year = Number(today.slice(0, 4))
  const repo = manager.getRepository(SettingEntity)
  const row = await repo.findOneBy({ key: COUNTER_KEY })
  const previous = row && isCounter(row.value) ? row.value : null
  const next: Counter = { year, last: previous && previous.year === year ? previous.last + 1 : 1 }
  await repo.save({ key: COUNTER_KEY, value: next })
  return formatAccessReportReference(year, next.last)
}
