import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tamperWithAuditTrail } from '../main/audit/tamper'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'
import { services } from './support/people'

/**
 * in the browser: the privacy officer filters the audit trail, verifies the chain,
 * anchors it, exports it (CSV and printable), sees a tampered trail reported; and keeps the breach
 * register with its live 72-hour clock. Real screens, real services, real encrypted vault.
 */
describe('audit trail and breach register in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let page: Page
  beforeAll(async () => {
    e = await startE2e({ setup: true }) // clock: 2026-11-27 10:00 UTC = 11:00 in Amsterdam
    page = await e.page()
    await e.signIn(page)
    const call = services(e.harness)
    await call('addAccount', { username: 'anna', displayName: 'Anna de Vries', roles: ['staff'], passphrase: 'anna koffie fiets regen' })
    await call('addAccount', { username: 'bart', displayName: 'Bart Jansen', roles: ['staff'], passphrase: 'bart zee brug lamp' })
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows the trail, filters it by action, verifies the chain and makes an anchor', async () => {
    await page.getByTestId('nav-audit').click()
    await page.getByTestId('audit-table').waitFor()
    const actions = () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))
    expect((await actions()).slice(0, 2)).toEqual(['account.add', 'account.add'])
    expect(await actions()).toContain('session.sign-in')
    await expect(page.getByTestId('audit-row').first().textContent()).resolves.toContain('Account toegevoegd')

    await page.getByTestId('audit-filter-action').click()
    await page.keyboard.type('Account toe')
    await page.getByRole('option', { name: 'Account toegevoegd' }).click()
    await page.getByTestId('audit-filter-apply').click()
    await page.getByTestId('audit-count').getByText('3 regels getoond').waitFor()
    expect(await actions()).toEqual(['account.add', 'account.add', 'account.add'])

    await page.getByTestId('audit-verify').click()
    const verdict = page.getByTestId('audit-verdict')
    await verdict.waitFor()
    expect(await verdict.getAttribute('data-ok')).toBe('true')
    expect(await verdict.textContent()).toMatch(/De audittrail is intact: \d+ regels\.Er is nog geen anker/)

    await page.getByTestId('audit-anchor').click()
    const anchor = (await page.getByTestId('anchor-text').textContent()) ?? ''
    expect(anchor).toMatch(/^Dossier audit anchor\nvault: [0-9a-f-]{36}\nentry: \d+\nhead: [0-9a-f]{64}\nmade: 2026-11-27T10:00:00\.000Z/)
    await page.getByTestId('audit-last-anchor').getByText('Laatste anker: 27-11-2026 11:00').waitFor()
    await screenshot(page, 'governance-01-audit-verified-anchor')
    expect(pageProblems(page)).toEqual([])
  })

  it('exports the filtered trail as CSV and shows it printable', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()])
    expect(download.suggestedFilename()).toBe('audit-trail-2026-11-27.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(lines[0]).toBe('Volgnummer,Tijd (UTC),Tijd (Nederland),Account,Handeling,Betreft (id),Betreft (kenmerk),Velden,Reden')
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['account.add', 'account.add', 'account.add'])

    await page.getByTestId('audit-export-pdf').click()
    const frame = page.frameLocator('[data-testid="document-frame"]')
    await frame.locator('h1', { hasText: 'Audittrail' }).waitFor()
    expect(await frame.locator('tbody tr').count()).toBe(3)
    expect(await page.getByTestId('document-frame').getAttribute('sandbox')).toBe('allow-same-origin allow-modals')
    await screenshot(page, 'governance-02-audit-printable')
    await page.keyboard.press('Escape')
    expect(pageProblems(page)).toEqual([])
  })

  it('reports a trail edited outside the app, at the first broken entry', async () => {
    await page.getByTestId('signout-button').click()
    await page.getByTestId('signin-username').waitFor()
    await tamperWithAuditTrail(e.vaultDir, `UPDATE "audit_entry" SET "reason" = 'weggepoetst' WHERE "seq" = 3`)
    await e.signIn(page)
    await page.getByTestId('nav-audit').click()
    await page.getByTestId('audit-verify').click()
    const verdict = page.getByTestId('audit-verdict')
    await verdict.waitFor()
    expect(await verdict.getAttribute('data-ok')).toBe('false')
    expect(await verdict.textContent()).toContain('De audittrail is NIET intact: regel 3 klopt niet (inhoud gewijzigd).')
    expect(await verdict.textContent()).toMatch(/Regel 3: [^,]+, 27-11-2026 11:00/)
    await screenshot(page, 'governance-03-audit-tampered')
  })

  it('registers a breach in Dutch time and shows the 72-hour deadline with a live countdown', async () => {
    await page.getByTestId('nav-breaches').click()
    await page.getByText('Er zijn geen datalekken geregistreerd.').waitFor()
    await page.getByTestId('breach-add').click()
    await page.getByTestId('breach-discovered-date').fill('26-11-2026')
    await page.getByTestId('breach-discovered-time').fill('14.30')
    await page.getByTestId('breach-risk').selectOption('high')
    await page.getByTestId('breach-description').fill('Map met cv\'s per ongeluk gedeeld met een verkeerde opdrachtgever')
    await page.getByTestId('breach-category-cv').check()
    await page.getByTestId('breach-category-contact').check()
    await page.getByTestId('breach-persons').fill('25')
    await page.getByTestId('breach-save').click()
    await page.getByTestId('breach-saved').waitFor()

    const row = page.getByTestId('breach-row').first()
    // Discovered 26 Nov 14:30 local (13:30 UTC); 72 hours later is 29 Nov 14:30 local.
    await row.getByTestId('breach-deadline').getByText('29-11-2026 14:30').waitFor()
    expect(await row.getByTestId('breach-regulator').getAttribute('data-state')).toBe('due')
    const countdown = row.getByTestId('breach-countdown')
    const first = (await countdown.textContent()) ?? ''
    // From the main clock (27 Nov 11:00 local): 2 days, 3 h 30 min left, minus the seconds the page ran.
    expect(first).toMatch(/^nog 2 d 03:(29:\d\d|30:00)$/)
    await page.waitForTimeout(2100)
    expect(await countdown.textContent()).not.toBe(first)
    await screenshot(page, 'governance-04-breach-register')
    expect(pageProblems(page)).toEqual([])
  })

  it('refuses a discovery in the future next to the field, then records the report to the regulator', async () => {
    await page.getByTestId('breach-add').click()
    await page.getByTestId('breach-discovered-date').fill('28-11-2026')
    await page.getByTestId('breach-discovered-time').fill('09:00')
    await page.getByTestId('breach-risk').selectOption('low')
    await page.getByTestId('breach-description').fill('Test')
    await page.getByTestId('breach-category-other').check()
    await page.getByTestId('breach-persons').fill('1')
    await page.getByTestId('breach-save').click()
    await page.getByText('Dit tijdstip ligt in de toekomst.').waitFor()
    await screenshot(page, 'governance-05-breach-future-refused')
    await page.getByRole('button', { name: 'Annuleren' }).click()

    await page.getByTestId('breach-edit').first().click()
    await page.getByTestId('breach-reported-regulator-date').fill('27-11-2026')
    await page.getByTestId('breach-reported-regulator-time').fill('10:15')
    await page.getByTestId('breach-status').selectOption('confirmed')
    await page.getByTestId('breach-save').click()
    await page.getByTestId('breach-saved').waitFor()
    const row = page.getByTestId('breach-row').first()
    await row.locator('[data-state="reported"]').waitFor()
    expect(await row.getByTestId('breach-countdown').count()).toBe(0)
    await screenshot(page, 'governance-06-breach-reported')

    const entries = await e.harness.app.audit.list(e.harness.app.vault.dataSource.manager, { action: 'breach.update' })
    expect(entries.map((x) => x.fields)).toEqual([['reportedToRegulatorAt', 'status']])
    expect(pageProblems(page)).toEqual([])
  })

  it('shows the processing register, the statement versions and the settings', async () => {
    await page.getByTestId('nav-processingRegister').click()
    await page.frameLocator('[data-testid="document-frame"]').locator('h1', { hasText: 'Register van verwerkingsactiviteiten' }).waitFor()
    await screenshot(page, 'governance-07-processing-register')
    await page.getByTestId('nav-statements').click()
    await page.getByTestId('statement-table').getByText('2018-05').waitFor()
    await screenshot(page, 'governance-08-statements')
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-idle').fill('15')
    await page.getByTestId('settings-save').click()
    await page.getByTestId('settings-saved').waitFor()
    await screenshot(page, 'governance-09-settings')
    expect(await e.harness.app.idleLockMinutes()).toBe(15)
    expect(pageProblems(page)).toEqual([])
  })
})
