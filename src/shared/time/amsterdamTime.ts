import { TZDate, tzOffset } from '@date-fns/tz'
import { format } from 'date-fns'
import type { CalendarDate } from '../domain'
import { AMSTERDAM_TZ as AMSTERDAM } from './calendar'

/**
 * Wall-clock time in Europe/Amsterdam ↔ UTC instants, for what staff type and read as a time of
 * day (a breach's discovery, R-23). Stored values are always UTC instants; deadlines are computed
 * on instants (so they are DST-safe) and only displayed in local time. Pure.
 */

/** `YYYY-MM-DDTHH:mm`: the value of an `<input type="datetime-local">`, read as Amsterdam time. */
export type LocalDateTime = string
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; problem: 'invalid' | 'nonexistent' }

/**
 * The instant a local Amsterdam wall-clock time denotes. In the autumn hour that happens twice
 * (02:00–02:59 on the last Sunday of October) the earlier instant is taken, so a deadline counted
 * from it is never late. In the spring hour that never happens (02:00–02:59 on the last Sunday of
 * March) there is no such instant: `nonexistent`.
 */
export function localToInstant(local: LocalDateTime): LocalTimeResult {
  const m = LOCAL_DATE_TIME.exec(local)
  if (!m) return { ok: false, problem: 'invalid' }
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  const check = new Date(wall)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) {
    return { ok: false, problem: 'invalid' }
  }
  // The offsets in force a day either side cover both sides of any DST change that day.
  const offsets = [...new Set([tzOffset(AMSTERDAM, new Date(wall - 86_400_000)), tzOffset(AMSTERDAM, new Date(wall + 86_400_000))])]
  const candidates = offsets
    .map((minutes) => wall - minutes * 60_000)
    .filter((t) => tzOffset(AMSTERDAM, new Date(t)) * 60_000 === wall - t)
    .sort((a, b) => a - b)
  const first = candidates[0]
  return first === undefined ? { ok: false, problem: 'nonexistent' } : { ok: true, instant: new Date(first) }
}

/** The local Amsterdam wall-clock time of an instant, `YYYY-MM-DDTHH:mm`. */
export function instantToLocal(instant: Date | string): LocalDateTime {
  const t = typeof instant === 'string' ? new Date(instant) : instant
  return format(new TZDate(t.getTime(), AMSTERDAM), "yyyy-MM-dd'T'HH:mm")
}

/** The first instant of a calendar day in Amsterdam (midnight never falls in a DST gap there). */
export function startOfAmsterdamDay(date: CalendarDate): Date {
  const r = localToInstant(`${date}T00:00`)
  if (!r.ok) throw new Error('not a calendar date')
  return r.instant
}
