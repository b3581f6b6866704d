/** File sizes on screen: `12 kB`, `3,4 MB`. */
export function formatBytes(bytes: number, lang: string): string {
  const nf = (n: number, digits: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits })
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024, 0)} kB`
  return `${nf(bytes / 1024 / 1024, 1)} MB`
}
