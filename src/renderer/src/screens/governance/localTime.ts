import { formatDate } from '../../../../shared/time'

/**
 * Display helpers for times the main process already converted to Europe/Amsterdam wall-clock
 * time (`YYYY-MM-DDTHH:mm`): the date as on every screen (`formatDate`), then the time. No
 * time-zone arithmetic happens in the renderer.
 */
export function formatLocal(local: string | null | undefined, lang: string): string {
  if (!local) return '—'
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(local)
  return m ? `${formatDate(m[1], lang)} ${m[2]}` : local
}

/** The date part of a date or timestamp, as on every screen; a dash when there is none. */
export function formatDay(date: string | null | undefined, lang: string): string {
  return date ? formatDate(date.slice(0, 10), lang) : '—'
}

/** `d HH:MM:SS` for a countdown; whole seconds, never negative (the caller says "late"). */
export function formatDuration(ms: number, dayLabel: (days: number) => string): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000))
  const days = Math.floor(total / 86_400)
  const pad = (n: number) => String(n).padStart(2, '0')
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? `${dayLabel(days)} ${clock}` : clock
}
