import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InformTaskEntity } from '../../src/main/vault/entities/InformTask'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'
import { closeNotifications, services, settle, typeIntakePersonal, waitForStep } from './support/people'

/**
 * R-27 (GDPR art. 14(3)) in the browser: an intake whose data came from a public website puts the
 * person on the "to be informed" list, due one calendar month later; an older one from a third
 * party is overdue and marked; recording how and when the person was informed takes the row off.
 */
describe('the duty to inform in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let page: Page
  let call: ReturnType<typeof services>

  beforeAll(async () => {
    e = await startE2e({ setup: true })
    call = services(e.harness)
    page = await e.page()
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.clock.setFixedTime(e.clock.now())
    await page.reload()
    await e.signIn(page)
  })
  afterAll(async () => {
    await e?.close()
  })

  it('an intake from a public website puts the person on the list; recording that they were informed takes them off', async () => {
    // An older referral by a third party, not yet told: overdue.
    await call('createPerson', {
      givenName: 'Daan',
      familyName: 'Smit',
      gender: 'male',
      birthDate: '1988-04-04',
      email: 'daan.smit@example.com',
      source: { kind: 'third-party', detail: 'Doorverwezen door het UWV' },
      registeredOn: '2026-10-12',
      roles: ['candidate'],
      purposes: ['mediation'],
      statementShownOn: '2026-10-12'
    })

    await page.getByTestId('records-search').waitFor()
    await page.keyboard.press('Alt+N')
    await page.getByTestId('field-givenName').waitFor()
    await typeIntakePersonal(page, { givenName: 'Noor', familyName: 'El Amrani', birthDate: '07-07-1995', genderDown: 1 })
    await waitForStep(page, 'contact')
    await page.keyboard.type('noor.elamrani@example.com')
    await page.keyboard.press('Enter')
    await waitForStep(page, 'experience')
    await page.keyboard.press('Control+Enter')
    await waitForStep(page, 'availability')
    await page.keyboard.press('Control+Enter')
    await waitForStep(page, 'source')
    await page.getByTestId('field-source.kind').selectOption('public-website')
    await page.getByTestId('field-source.detail').fill('https://profielen.example.nl/noor-el-amrani')
    await page.getByTestId('field-source.detail').press('Enter')
    await page.getByTestId('intake-review').waitFor()
    await page.getByTestId('intake-next').click()
    await page.getByTestId('person-screen').waitFor()
    const noorId = (await page.getByTestId('person-screen').getAttribute('data-person-id')) ?? ''
    await closeNotifications(page)

    await page.getByTestId('nav-inform').click()
    await page.getByTestId('inform-table').waitFor()
    const rows = page.getByTestId('inform-row')
    expect(await rows.count()).toBe(2)
    // Overdue first, marked; Noor due one calendar month after today (27-11-2026).
    expect(await rows.nth(0).getAttribute('data-overdue')).toBe('true')
    expect(await rows.nth(0).textContent()).toMatch(/Daan Smit.*Via een derde.*12-10-2026.*12-11-2026.*Te laat/)
    expect(await rows.nth(1).getAttribute('data-overdue')).toBe('false')
    expect(await rows.nth(1).textContent()).toMatch(/Noor El Amrani.*Openbare website.*27-11-2026.*27-12-2026/)
    expect(await page.getByTestId('inform-count').textContent()).toBe('2 personen te informeren, waarvan 1 te laat')
    await settle(page)
    await screenshot(page, 'inform-01-list')

    await page.getByRole('button', { name: 'Geïnformeerd vastleggen: Noor El Amrani' }).click()
    await page.getByTestId('inform-how').waitFor()
    expect(await page.getByTestId('inform-date').inputValue()).toBe('27-11-2026')
    await page.getByTestId('inform-how').selectOption('phone')
    await settle(page)
    await screenshot(page, 'inform-02-record')
    await page.getByTestId('inform-save').click()
    await page.getByTestId('inform-saved').waitFor()
    expect(await page.getByTestId('inform-saved').textContent()).toBe('Vastgelegd: Noor El Amrani is geïnformeerd (Telefonisch, 27-11-2026).')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.nth(0).textContent()).toContain('Daan Smit')
    await settle(page)
    await screenshot(page, 'inform-03-recorded')

    // The same list in English.
    await page.getByTestId('language-switch').getByText('EN').click()
    await expect.poll(() => page.getByTestId('inform-count').textContent()).toBe('1 person to be informed, 1 of them overdue')
    expect(await rows.nth(0).textContent()).toMatch(/Daan Smit.*Through a third party.*Overdue/)
    await settle(page)
    await screenshot(page, 'inform-04-list-en')
    await page.getByTestId('language-switch').getByText('NL').click()

    const task = await e.harness.app.vault.dataSource.getRepository(InformTaskEntity).findOneByOrFail({ personId: noorId })
    expect(task).toMatchObject({ doneOn: '2026-11-27', doneHow: 'phone' })
    expect(pageProblems(page)).toEqual([])
  })
})
