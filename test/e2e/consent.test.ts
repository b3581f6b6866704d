import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordConsent } from '../../src/main/consent/recordConsent'
import { insertPerson } from '../main/consent/consentFixtures'
import { ADMIN } from '../support/testApp'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'

/**
 * R-4 in real Chromium against the real services and an encrypted vault: the privacy officer
 * finds a consent that is about to end, opens the person, records a new consent (printing the
 * form first), saves a value under it, views it behind the explicit click, withdraws the consent
 * with one confirmation — and the value is gone from the vault.
 */
describe('consent tab and review in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let personId = ''
  beforeAll(async () => {
    e = await startE2e({ setup: true })
    const app = e.harness.app
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    personId = await insertPerson({ app, clock: e.clock }, { givenName: 'Fenna', familyName: 'Jansen' })
    // R-4a: consent is no ground for an employee's health data; dietary wishes under religion are.
    await recordConsent(app, {
      personId,
      category: 'religion',
      purpose: 'personnel',
      basis: 'consent',
      givenOn: '2025-12-15',
      how: 'signed-form',
      wording: 'Ik geef toestemming om mijn dieetwensen vast te leggen voor de bedrijfskantine.',
      statementVersion: '2025-01',
      endsOn: '2026-12-14'
    })
    await app.signOut()
  })
  afterAll(async () => {
    await e?.close()
  })

  const count = (table: string) => e.sqlCount(`SELECT count(*) AS "n" FROM "${table}" WHERE "personId" = :personId`, { personId })
  const audited = async (action: string) => (await e.harness.app.audit.list(e.harness.app.vault.dataSource.manager, { subjectId: personId, action })).length

  it('records a consent through the UI, shows the value only after a click, and withdraws it with one confirmation', async () => {
    const page = await e.page()
    await e.signIn(page)

    // The privacy officer's review: the consent ending within 30 days, nothing without a basis.
    await page.getByTestId('nav-consents').click()
    await page.getByTestId('review-expiring').getByText('Fenna Jansen').waitFor()
    await page.getByTestId('review-without-basis').getByText('Geen — alle bijzondere gegevens hebben een geldige toestemming of grondslag.').waitFor()
    await screenshot(page, 'consent-01-review')

    await page.getByTestId('review-open').first().click()
    await page.getByTestId('consent-tab').waitFor()
    await page.getByText('Toestemming — Fenna Jansen').waitFor()
    expect(await page.getByTestId('consent-row').count()).toBe(1)
    await page.getByTestId('absence-why').getByText('nooit', { exact: false }).waitFor()
    await screenshot(page, 'consent-02-person-tab')

    // Record a renewed consent: category, purpose, the wording the person signs.
    await page.getByTestId('consent-record').click()
    await page.getByTestId('consent-category').selectOption('religion')
    await page.getByTestId('consent-purpose').selectOption('personnel')
    expect(await page.getByTestId('consent-wording').inputValue()).toContain('godsdienst')
    await page.getByTestId('consent-wording').fill('Ik geef toestemming om mijn dieetwensen en allergieën vast te leggen, zodat daar bij plaatsingen rekening mee wordt gehouden.')
    await page.getByTestId('consent-statement-version').fill('2025-01')
    await page.getByTestId('consent-ends-on').fill('31-12-2027')
    await screenshot(page, 'consent-03-record-form')

    // The printable form, in a sandboxed frame.
    await page.getByTestId('consent-preview').click()
    const frame = page.frameLocator('[data-testid="consent-form-frame"]')
    await frame.getByText('Fenna Jansen').first().waitFor()
    await frame.getByText('allergieën vast te leggen', { exact: false }).waitFor()
    expect(await page.getByTestId('consent-form-frame').getAttribute('sandbox')).toBe('')
    await screenshot(page, 'consent-04-printable-form')
    await page.keyboard.press('Escape')

    await page.getByTestId('consent-save').click()
    await page.getByTestId('consent-record-form').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('consent-row').count()).toBe(2)
    expect(await count('consent')).toBe(2)
    expect(await audited('consent.record')).toBe(2)

    // A value under the consent.
    await page.getByTestId('special-ground').selectOption('religion|personnel')
    await page.getByTestId('special-value').fill('Allergie: pinda’s (E2E-WAARDE)')
    await page.getByTestId('special-save').click()
    await expect.poll(() => page.getByTestId('special-value').inputValue()).toBe('') // saved: the field is cleared
    expect(await count('special_data')).toBe(1)
    // Not on screen until the explicit click; the click is audited.
    expect(await page.getByText('E2E-WAARDE', { exact: false }).count()).toBe(0)
    const viewsBefore = await audited('special.view')
    await page.getByTestId('special-show').click()
    await page.getByTestId('special-table').getByText('E2E-WAARDE', { exact: false }).waitFor()
    expect(await audited('special.view')).toBe(viewsBefore + 1)
    await screenshot(page, 'consent-05-special-shown')

    // Withdraw: one confirmation that says what is deleted.
    await page.getByTestId('consent-withdraw').first().click()
    await page.getByText('worden direct en definitief verwijderd (1 gegeven)', { exact: false }).waitFor()
    await screenshot(page, 'consent-06-withdraw-confirm')
    await page.getByTestId('consent-withdraw-confirm').click()
    await expect.poll(() => page.locator('[data-testid="consent-row"][data-state="withdrawn"]').count()).toBe(2)
    expect(await count('special_data')).toBe(0)
    expect(await audited('consent.withdraw')).toBe(1)
    // the revealed value is gone from the screen too
    expect(await page.getByText('E2E-WAARDE', { exact: false }).count()).toBe(0)
    await page.getByTestId('special-show').click()
    await page.getByTestId('special-empty').waitFor()
    await screenshot(page, 'consent-07-withdrawn')

    expect(pageProblems(page)).toEqual([])
  })

  it('registers absence without a diagnosis field, and lists the withdrawal for the privacy officer', async () => {
    const page = await e.page() // the session of the first test is still signed in
    await page.getByTestId('signout-button').waitFor()
    await page.getByTestId('nav-consents').click()
    await page.getByTestId('review-withdrawals').getByText('Fenna Jansen').first().click()
    await page.getByTestId('absence-form').waitFor()
    expect(await page.getByTestId('absence-form').getByRole('textbox').count()).toBe(2) // start date and availability: nothing else
    await page.getByTestId('absence-start').fill('24-11-2026')
    await page.getByTestId('absence-duration').selectOption('up-to-2-weeks')
    await page.getByTestId('absence-availability').fill('Telefonisch bereikbaar')
    await page.getByTestId('absence-save').click()
    await page.getByTestId('absence-row').waitFor()
    expect(await count('absence')).toBe(1)
    await page.evaluate('window.scrollTo(0, 0)')
    await screenshot(page, 'consent-08-absence')

    // The same screen in English: every text is translated.
    await page.getByTestId('language-switch').getByText('EN').click()
    await page.getByText('Consent — Fenna Jansen').waitFor()
    await page.getByRole('heading', { name: 'Special-category personal data' }).waitFor()
    expect(await page.getByText(/consent\.[a-z]+\./).count()).toBe(0) // no untranslated keys
    await screenshot(page, 'consent-09-english')
    await page.getByTestId('language-switch').getByText('NL').click()

    // The privacy officer's list of legal bases, seeded on first use.
    await page.getByTestId('nav-consents').click()
    await page.getByTestId('review-tab-legal-bases').click()
    await page.getByText('uavg-30-absence').waitFor()
    expect(await page.getByTestId('legal-basis-row').count()).toBeGreaterThanOrEqual(3)
    await screenshot(page, 'consent-10-legal-bases')

    // R-4a: the grounds per category, read-only, from the policy main enforces.
    await page.getByTestId('review-tab-grounds').click()
    await page.getByTestId('grounds-policy').getByText('Geen grondslag: wordt altijd geweigerd.').waitFor()
    expect(await page.getByTestId('grounds-row').count()).toBeGreaterThanOrEqual(8)
    await screenshot(page, 'consent-11-grounds-per-category')
    expect(pageProblems(page)).toEqual([])
  })

  it('R-4a: a ground that does not fit its category is refused with its message next to the field, and nothing is recorded', async () => {
    const page = await e.page()
    await page.getByTestId('nav-consents').click()
    await page.getByTestId('review-withdrawals').getByText('Fenna Jansen').first().click()
    await page.getByTestId('consent-record').click()
    const before = await count('consent')
    // An employee's health data under consent (not freely given, AP): refused.
    await page.getByTestId('consent-category').selectOption('health')
    await page.getByTestId('consent-purpose').selectOption('personnel')
    await page.getByTestId('consent-health-note').getByText('toestemming is geen geldige grond', { exact: false }).waitFor()
    await page.getByTestId('consent-wording').fill('Diagnose: burn-out door conflict')
    await page.getByTestId('consent-statement-version').fill('2025-01')
    await page.getByTestId('consent-save').click()
    const message = 'Gezondheid: deze grondslag dekt deze categorie niet voor deze persoon (kandidaat of werknemer).'
    await page.getByTestId('consent-record-form').getByText(message).waitFor()
    // next to the category field, not in a general alert
    expect(await page.getByTestId('consent-category').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('burn-out', { exact: false }).count()).toBe(1) // only in the wording field itself
    expect(await count('consent')).toBe(before)
    await page.evaluate('window.scrollTo(0, 0)')
    await screenshot(page, 'consent-12-ground-does-not-fit')
    expect(pageProblems(page)).toEqual([])
  })
})
