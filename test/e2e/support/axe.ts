import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'

/**
 * axe-core in the page (issue 16): the rules of WCAG 2.x A and AA; a screen passes with no
 * "serious" or "critical" violation. The source is evaluated through the DevTools protocol (not a
 * <script> element), so the page's CSP stays as strict as the app's.
 */
const AXE_SOURCE = readFileSync(resolve(__dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** The serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE)
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations']
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })()`)
}

/** Fails with each violation's rule, help text and (up to five) elements when a screen has any. */
export async function expectNoSeriousViolations(page: Page, screenName: string): Promise<void> {
  const found = await seriousViolations(page)
  if (found.length === 0) return
  const lines = found.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.targets.slice(0, 5).map((t) => `      ${t}`).join('\n')}${v.targets.length > 5 ? `\n      … ${v.targets.length - 5} more` : ''}`)
  throw new Error(`axe: ${found.length} serious/critical violation(s) on "${screenName}":\n${lines.join('\n')}`)
}

/** Issue 16: each screen has a `main` landmark and exactly one `h1` (its title). */
export async function expectOneTitleAndMain(page: Page, screenName: string): Promise<void> {
  const found = await page.evaluate<{ h1: string[]; main: number }>(
    `({ h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()), main: document.querySelectorAll('main, [role="main"]').length })`
  )
  if (found.h1.length !== 1 || found.main !== 1) {
    throw new Error(`structure of "${screenName}": ${found.main} main landmark(s), h1 = ${JSON.stringify(found.h1)} (want one of each)`)
  }
}
