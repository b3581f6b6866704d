import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium, headless, driven by playwright-core (never a downloaded browser). */
export const CHROMIUM = process.env['DOSSIER_CHROMIUM'] ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = resolve(__dirname, '../__screenshots__')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
  })
}

export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.name}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`)
  })
  ;(page as Page & { problems: string[] }).problems = problems
  await page.goto(baseUrl)
  return page
}

/** Console errors and uncaught exceptions seen by the page (e.g. CSP violations). */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? []
}

/** The whole page by default; `{ fullPage: false }` takes only what the window shows (faster). */
/**
 * Screenshots are for people to look at, not assertions: they are written when
 * `DOSSIER_SCREENSHOTS=1` (`npm run test:screens`), and `npm test` skips the PNG encoding (about
 * a third of a second of CPU each, a few hundred per run).
 */
export const SCREENSHOTS = process.env['DOSSIER_SCREENSHOTS'] === '1'

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  if (!SCREENSHOTS) return path
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path, fullPage: opts.fullPage ?? true })
  return path
}
