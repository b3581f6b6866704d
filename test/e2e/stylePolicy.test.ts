import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STYLE_NONCE_PLACEHOLDER } from '../../src/main/shell/securityPolicy'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'

/**
 * Issue 15 point 8: `style-src 'self' 'nonce-…'` plus `style-src-attr 'unsafe-inline'` (see
 * src/main/shell/securityPolicy.ts), in real Chromium. Mantine's run-time `<style>` elements carry
 * the page load's nonce and render; any other `<style>` element is refused.
 */
describe('the narrow style policy in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let page: Page
  beforeAll(async () => {
    e = await startE2e({ setup: true })
    page = await e.page()
    await e.signIn(page)
    await page.evaluate(`window.__violations = [];
      document.addEventListener('securitypolicyviolation', (v) => window.__violations.push(v.effectiveDirective + ' ' + v.blockedURI + ' ' + v.sample))`)
  })
  afterAll(async () => {
    await e?.close()
  })

  /** The page's own listener (from sign-in on) collects every violation: nothing is missed between checks. */
  // (Page code as strings: the test's TypeScript has no DOM types, as in the other browser tests.)
  const watchViolations = () => page.evaluate('window.__violations.length = 0')
  const violations = () => page.evaluate<string[]>('window.__violations')
  const NONCE = `document.querySelector('meta[property="csp-nonce"]')?.nonce ?? ''`

  it('shows the app shell, grids and a modal without a single violation, every <style> element carrying the nonce', async () => {
    await watchViolations()
    await page.getByTestId('nav-intake').click() // SimpleGrid/Grid with responsive props: Mantine's InlineStyles
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'style-policy-01-intake')
    await page.getByTestId('nav-clients').click()
    await page.getByTestId('client-add').click() // a modal: react-remove-scroll's scroll-lock <style>
    await page.getByTestId('client-name').waitFor()
    await screenshot(page, 'style-policy-02-modal')

    const styles = await page.evaluate<{ nonce: string; elements: { nonce: string; sheet: boolean; kind: string }[] }>(`({
      nonce: ${NONCE},
      elements: [...document.querySelectorAll('style')].map((s) => ({ nonce: s.nonce, sheet: s.sheet !== null, kind: s.getAttribute('data-mantine-styles') ?? (s.textContent ?? '').slice(0, 30) }))
    })`)
    expect(styles.nonce).toMatch(/^[0-9a-f]{32}$/)
    // The theme's variables, breakpoint classes, responsive props and the scroll lock all came as <style> elements…
    expect(styles.elements.length).toBeGreaterThanOrEqual(3)
    // …each with this load's nonce, and each applied.
    for (const s of styles.elements) expect(s).toMatchObject({ nonce: styles.nonce, sheet: true })
    // The theme's variables reached the page: the primary colour is the theme's darkest teal (white
    // text on it meets WCAG AA), not Mantine's default blue.
    expect(await page.evaluate(`getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled').trim()`)).toBe('#066649')
    // The modal is visible and the page behind it does not scroll (the scroll lock's stylesheet applied).
    expect(await page.evaluate('getComputedStyle(document.body).overflow')).toBe('hidden')
    expect(await violations()).toEqual([])
    expect(pageProblems(page)).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('refuses a <style> element without the nonce, and one with a guessed nonce', async () => {
    await watchViolations()
    const applied = await page.evaluate<boolean[]>(`[null, ${JSON.stringify(STYLE_NONCE_PLACEHOLDER)}].map((nonce) => {
      const s = document.createElement('style')
      if (nonce) s.setAttribute('nonce', nonce)
      s.textContent = 'body { outline: 7px solid rgb(255, 0, 0) }'
      document.head.appendChild(s)
      const applied = getComputedStyle(document.body).outlineWidth === '7px'
      s.remove()
      return applied
    })`)
    expect(applied).toEqual([false, false])
    // Reported by both copies of the policy (the response header and the page's meta tag).
    await expect.poll(async () => (await violations()).filter((v) => v.startsWith('style-src-elem inline')).length).toBe(4)
    expect((await violations()).every((v) => v.startsWith('style-src-elem inline'))).toBe(true)
  })

  it('still lets style attributes through (Mantine sets its variables per element that way)', async () => {
    expect(await page.evaluate<number>(`document.querySelectorAll('[style*="--"]').length`)).toBeGreaterThan(0)
  })

  it('gives every page load its own nonce', async () => {
    const nonceOf = () => page.evaluate<string>(NONCE)
    const before = await nonceOf()
    await page.reload()
    await page.getByTestId('signout-button').waitFor() // still signed in: main holds the session
    const after = await nonceOf()
    expect(after).toMatch(/^[0-9a-f]{32}$/)
    expect(after).not.toBe(before)
    await screenshot(page, 'style-policy-03-after-reload')
  })
})
