import type { Lang } from './labels'

/** File sizes in the printed attachment lists: `12,3 kB` (nl) or `12.3 kB` (en); decimal units. */
export function formatBytes(bytes: number, lang: Lang): string {
  const number = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })
  if (bytes < 1000) return `${number.format(bytes)} B`
  if (bytes < 1_000_000) return `${number.format(bytes / 1000)} kB`
  return `${number.format(bytes / 1_000_000)} MB`
}
