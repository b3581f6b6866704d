import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/main/demo/seedDemo'
import { ADMIN } from '../support/testApp'
import { expectNoSeriousViolations, expectOneTitleAndMain } from './support/axe'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'
import { closeNotifications, settle, typeIntakePersonal, waitForStep } from './support/people'

type Lang = 'nl' | 'en'

/**
 * One screen of the walk: how to get there from the previous one by clicking (the walk is one
 * signed-in session per language, in this order), and what shows it is there. To cover a new
 * screen, add an entry where it is reached.
 */
interface WalkStep {
  name: string
  go: (page: Page) => Promise<void>
}

const nav = (id: string, ready: string): WalkStep['go'] => async (page) => {
  await page.getByTestId(`nav-${id}`).click()
  await page.getByTestId(ready).first().waitFor()
}
const tab = (id: string): WalkStep['go'] => async (page) => {
  await page.getByTestId(`tab-${id}`).click()
  await page.locator(`[data-testid="tab-${id}"][aria-selected="true"]`).waitFor()
  await page.locator('[role="tabpanel"]:visible').first().waitFor()
}
async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').locator('.mantine-Modal-close').click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}
const intakeNext = (step: string): WalkStep['go'] => async (page) => {
  await page.getByTestId('intake-next').click()
  await waitForStep(page, step)
}

/** Every screen an administrator who is also privacy officer reaches, in walking order. */
const SIGNED_IN: WalkStep[] = [
  { name: 'records', go: nav('records', 'records-table') },
  { name: 'person-personal', go: async (page) => { await page.getByTestId('records-row').first().click(); await page.getByTestId('person-screen').waitFor() } },
  { name: 'person-work', go: tab('work') },
  { name: 'person-attachments', go: tab('attachments') },
  { name: 'person-sharing', go: tab('sharing') },
  { name: 'person-share-dialog', go: async (page) => { await page.getByTestId('share-open').click(); await page.getByRole('dialog').waitFor() } },
  { name: 'person-consent', go: async (page) => { await closeDialog(page); await tab('consent')(page) } },
  { name: 'person-history', go: tab('history') },
  { name: 'restriction-dialog', go: async (page) => { await page.getByTestId('restrict-open').click(); await page.getByTestId('restrict-reason').waitFor() } },
  { name: 'objection-dialog', go: async (page) => { await closeDialog(page); await page.getByTestId('object-open').click(); await page.getByRole('dialog').waitFor() } },
  { name: 'access-report', go: async (page) => { await closeDialog(page); await page.getByTestId('person-access-report').click(); await page.getByTestId('report-reference').waitFor() } },
  { name: 'erasure', go: async (page) => { await page.getByTestId('report-erase').click(); await page.getByTestId('erasure-check').waitFor() } },
  { name: 'intake-personal', go: nav('intake', 'intake-form') },
  {
    name: 'intake-contact',
    go: async (page) => {
      await page.getByTestId('field-givenName').focus()
      await typeIntakePersonal(page, { givenName: 'Toegankelijk', familyName: 'Testpersoon', birthDate: '01-02-1990', genderDown: 1 })
      await intakeNext('contact')(page)
    }
  },
  { name: 'intake-experience', go: async (page) => { await page.getByTestId('field-email').fill('toegankelijk@example.org'); await intakeNext('experience')(page) } },
  { name: 'intake-availability', go: intakeNext('availability') },
  { name: 'intake-source', go: intakeNext('source') },
  { name: 'intake-review', go: intakeNext('review') },
  { name: 'inform-tasks', go: nav('inform', 'inform-tasks') },
  { name: 'clients', go: nav('clients', 'clients-table') },
  { name: 'client-detail', go: async (page) => { await page.getByTestId('clients-table').locator('tbody tr').first().click(); await page.getByTestId('client-screen').waitFor() } },
  { name: 'consents-review', go: nav('consents', 'consent-review') },
  { name: 'consents-legal-bases', go: async (page) => { await page.getByTestId('review-tab-legal-bases').click(); await page.getByTestId('legal-bases').waitFor() } },
  { name: 'consents-grounds', go: async (page) => { await page.getByTestId('review-tab-grounds').click(); await page.getByTestId('grounds-policy').waitFor() } },
  { name: 'retention', go: nav('retention', 'retention-dashboard') },
  { name: 'reconfirmations', go: nav('reconfirmations', 'reconfirmations') },
  { name: 'shielded', go: nav('shielded', 'shielded-screen') },
  { name: 'retention-policy', go: nav('retentionPolicy', 'retention-policy-screen') },
  { name: 'requests', go: nav('requests', 'request-new') },
  { name: 'request-new', go: async (page) => { await page.getByTestId('request-new').click(); await page.getByTestId('request-kind').waitFor() } },
  { name: 'audit', go: async (page) => { await closeDialog(page); await nav('audit', 'audit-table')(page) } },
  { name: 'breaches', go: nav('breaches', 'breaches-screen') },
  { name: 'breach-new', go: async (page) => { await page.getByTestId('breach-add').click(); await page.getByTestId('breach-form').waitFor() } },
  { name: 'processors', go: async (page) => { await page.keyboard.press('Escape'); await nav('processors', 'processor-add')(page) } },
  { name: 'processor-new', go: async (page) => { await page.getByTestId('processor-add').click(); await page.getByTestId('processor-name').waitFor() } },
  { name: 'dpias', go: async (page) => { await closeDialog(page); await nav('dpias', 'dpia-add')(page) } },
  { name: 'processing-register', go: async (page) => { await page.keyboard.press('Escape'); await nav('processingRegister', 'register-screen')(page) } },
  { name: 'statements', go: nav('statements', 'statements-screen') },
  { name: 'import', go: nav('import', 'import-file') },
  { name: 'settings', go: nav('settings', 'settings-screen') },
  { name: 'accounts', go: nav('accounts', 'accounts-screen') }
]

/**
 * Issue 16: axe-core on every screen in Dutch and English, 0 serious or critical violations, and a
 * screenshot of each at 1366×768 (test/e2e/__screenshots__/a11y-<lang>-<nn>-<screen>.png). One
 * browser, one sign-in per language, a small demo dataset, navigation by clicking.
 */
describe('every screen is accessible (axe-core) in Dutch and English', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let page: Page
  const failures: string[] = []
  let shot = 0

  async function check(lang: Lang, name: string): Promise<void> {
    if ((await page.getByRole('dialog').count()) > 0) await settle(page)
    // What a 1366×768 window shows (a whole-page shot costs a second more on a long list).
    await screenshot(page, `a11y-${lang}-${String(++shot).padStart(2, '0')}-${name}`, { fullPage: false })
    await expectOneTitleAndMain(page, `${name} (${lang})`).catch((err: Error) => failures.push(err.message))
    await expectNoSeriousViolations(page, `${name} (${lang})`).catch((err: Error) => failures.push(err.message))
  }
  async function switchTo(lang: Lang): Promise<void> {
    await page.getByTestId('language-switch').getByText(lang.toUpperCase()).click()
    await page.locator(`html[lang="${lang}"]`).waitFor()
  }

  beforeAll(async () => {
    e = await startE2e({ setup: false })
    page = await e.page()
    await page.setViewportSize({ width: 1366, height: 768 })
  })
  afterAll(async () => {
    await e?.close()
  })

  it('first run and sign-in', async () => {
    await page.getByTestId('setup-username').waitFor()
    await check('nl', 'setup')
    await switchTo('en')
    await check('en', 'setup')

    await e.harness.app.setup(ADMIN)
    await seedDemo(e.harness.app, { persons: 40, seed: 16 })
    await e.harness.app.signOut()
    await page.reload()
    await page.getByTestId('signin-username').waitFor()
    await check('en', 'sign-in')
    await switchTo('nl')
    await check('nl', 'sign-in')
    expect(failures).toEqual([])
  })

  for (const lang of ['nl', 'en'] as const) {
    it(`walks every screen in ${lang === 'nl' ? 'Dutch' : 'English'}`, async () => {
      shot = lang === 'nl' ? 10 : 60
      failures.length = 0
      if ((await page.getByRole('dialog').count()) > 0) await closeDialog(page)
      if (await page.getByTestId('signout-button').isVisible()) await page.getByTestId('signout-button').click()
      if ((await page.evaluate<string>('document.documentElement.lang')) !== lang) await switchTo(lang)
      await e.signIn(page)
      for (const step of SIGNED_IN) {
        await step.go(page)
        await closeNotifications(page)
        await check(lang, step.name)
      }
      await page.getByTestId('intake-discard').click().catch(() => undefined)
      await page.getByTestId('signout-button').click()
      await page.getByTestId('signin-username').waitFor()
      expect(pageProblems(page)).toEqual([])
      expect(failures.join('\n\n')).toBe('')
    }, 240_000)
  }
})
