/** Today's calendar date in Europe/Amsterdam (`YYYY-MM-DD`), as a form default; the main process decides. */
export function amsterdamToday(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value])
  )
  return `${parts['year']}-${parts['month']}-${parts['day']}`
}
