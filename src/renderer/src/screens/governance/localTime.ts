/**
 * Display helpers for times the main process already converted to Europe/Amsterdam wall-clock
 * time (`YYYY-MM-DDTHH:mm`): Dutch `27-10-2026 09:00`, English `2026-10-27 09:00`. No time-zone
 * arithmetic happens in the renderer.
 */
export function formatLocal(local: string | null | undefined, lang: string): string {
  if (!local) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local)
  if (!m) return local
  return lang === 'en' ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}` : `${m[3]}-${m[2]}-${m[1]} ${m[4]}`
}

export function formatDay(date: string | null | undefined, lang: string): string {
  if (!date) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (!m) return date
  return lang === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[3]}-${m[2]}-${m[1]}`
}

/** `d HH:MM:SS` for a countdown; whole seconds, never negative (the caller says "late"). */
export function formatDuration(ms: number, dayLabel: (days: number) => string): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000))
  const days = Math.floor(total / 86_400)
  const pad = (n: number) => String(n).padStart(2, '0')
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? `${dayLabel(days)} ${clock}` : clock
}
