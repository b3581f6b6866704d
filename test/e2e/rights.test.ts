import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../src/main/vault/entities/AuditEntry'
import { PersonEntity } from '../../src/main/vault/entities/Person'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { flat, pdfText } from '../main/rights/support'
import { ATTACHMENT_NAMES, insertRichPerson, RICH_FIELDS_NL, SPECIAL_VALUE } from '../main/rights/richPerson'
import { ADMIN } from '../support/testApp'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'

/** The rights screens in real Chromium against the real services and an encrypted vault. */
describe('access report, request register and erasure in the browser (R-18..R-20)', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  const ids = { worker: '', candidate: '' }

  beforeAll(async () => {
    e = await startE2e({ setup: true, start: '2026-11-27T10:00:00Z' })
    const app = e.harness.app
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    ids.worker = (await insertRichPerson(app.vault.dataSource, { unsubscribedOn: '2026-10-15', ref: 'K-004512' })).personId
    ids.candidate = (await insertRichPerson(app.vault.dataSource, { employmentEnd: 'none', ref: 'K-004513' })).personId
    const invoke = createDispatcher(app)
    // An access request received today and an erasure request whose month has passed (overdue).
    for (const input of [
      { personId: ids.worker, kind: 'access', receivedOn: '2026-11-20', identityCheck: 'Paspoort gezien aan de balie' },
      { personId: ids.candidate, kind: 'erasure', receivedOn: '2026-10-01', identityCheck: 'Identiteitskaart, kopie niet bewaard' }
    ]) {
      expect((await invoke('createRequest', input)).ok).toBe(true)
    }
    await app.signOut()
  })
  afterEach(async () => {
    // One session per test: the next page starts at sign-in.
    if (e.harness.app.vaultState() === 'unlocked') await e.harness.app.signOut()
  })
  afterAll(async () => {
    await e?.close()
  })

  it('lists open requests by deadline with the overdue one in red', async () => {
    const page = await e.page()
    await e.signIn(page)
    await page.getByTestId('nav-requests').click()
    const rows = page.getByTestId('request-row')
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2)
    expect(await rows.nth(0).getAttribute('data-overdue')).toBe('true')
    expect(await rows.nth(0).textContent()).toContain('01-11-2026')
    expect(await rows.nth(1).getAttribute('data-overdue')).toBe('false')
    expect(await rows.nth(1).textContent()).toContain('20-12-2026')
    await screenshot(page, 'rights-01-requests')
    expect(pageProblems(page)).toEqual([])
  })

  it('opens the access-report preview from the request and saves the same report as PDF', async () => {
    const page = await e.page()
    await e.signIn(page)
    await page.getByTestId('nav-requests').click()
    await page.getByTestId('request-open-report').click()
    const frame = page.frameLocator('[data-testid="access-report-frame"]')
    await frame.getByText('Inzageverslag', { exact: true }).first().waitFor()
    const reference = ((await page.getByTestId('report-reference').textContent()) ?? '').replace('Referentie ', '').trim()
    expect(reference).toBe('INZ-2026-000001')
    await frame.getByText(RICH_FIELDS_NL.familyName).waitFor()
    await frame.getByText(SPECIAL_VALUE).waitFor()
    await screenshot(page, 'rights-02-access-report')

    // The PDF comes from the harness's own headless Chromium: on a loaded 2-core machine that takes
    // longer than the page's 10 s default (a wait, not a timing assertion).
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByTestId('report-save-pdf').click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`inzageverslag-${reference}.pdf`)
    const text = flat(await pdfText(await readFile((await file.path())!)))
    for (const value of [RICH_FIELDS_NL.familyName, RICH_FIELDS_NL.bsn, RICH_FIELDS_NL.iban, ATTACHMENT_NAMES[0], SPECIAL_VALUE, '01-01-2034', `Inzageverslag ${reference} · uitgegeven 27-11-2026`]) {
      expect(text, value).toContain(value)
    }

    // Issued once, saved once: both in the audit trail, and on the person's access request.
    await e.harness.app.signIn(ADMIN.username, ADMIN.passphrase)
    const audit = await e.harness.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId: ids.worker } })
    expect(audit.filter((a) => a.action === 'report.access').map((a) => a.reason)).toEqual([reference])
    expect(audit.filter((a) => a.action === 'report.print').map((a) => [a.reason, a.fields])).toEqual([[reference, ['pdf']]])
    await e.harness.app.signOut()
    expect(pageProblems(page)).toEqual([])
  })

  it('shows the English report when the language is switched', async () => {
    const page = await e.page()
    await e.signIn(page)
    await page.getByTestId('nav-requests').click()
    await page.getByTestId('request-open-report').click()
    await page.getByTestId('report-lang').getByText('EN').click()
    const frame = page.frameLocator('[data-testid="access-report-frame"]')
    await frame.getByText('Access report', { exact: true }).first().waitFor()
    await frame.getByText('1 Jan 2034').first().waitFor() // issue 14: an English report's dates are not ISO
  })

  it('previews an erasure — what goes, what the law keeps and until when — and applies it', async () => {
    const page = await e.page()
    await e.signIn(page)
    await page.getByTestId('nav-requests').click()
    await page.getByTestId('request-open-report').click()
    await page.getByTestId('report-erase').click()
    const outcome = page.getByTestId('erasure-outcome')
    await outcome.waitFor()
    expect(await outcome.getAttribute('data-outcome')).toBe('legal-hold')
    const kept = page.getByTestId('erasure-kept')
    expect(await kept.textContent()).toContain('AWR art. 52')
    expect(await kept.textContent()).toContain('31-12-2033')
    expect(await kept.textContent()).toContain('31-12-2031')
    // The terms in words come from the policy in force (issue 13 point 6).
    await kept.getByText('Loonadministratie (bewaartermijn 7 volle kalenderjaren na het einde van het jaar)').waitFor()
    await kept.getByText('Identiteitsbewijs en BSN (bewaartermijn 5 volle kalenderjaren na het einde van het jaar)').waitFor()
    expect(await page.getByTestId('erasure-deleted').textContent()).toContain('E-mailadres')
    await screenshot(page, 'rights-03-erasure-preview')

    expect(await page.getByTestId('erasure-confirm').isDisabled()).toBe(true)
    await page.getByTestId('erasure-reason').fill('Verzoek van betrokkene per brief van 20-11-2026')
    await page.getByTestId('erasure-check').check()
    // Issue 16: the screen names whose record it is, and the confirmation is typed: the reference or family name.
    const subject = page.getByTestId('erasure-subject')
    expect(await subject.getByTestId('erasure-subject-name').textContent()).toBe('Fenna Vliegenthart-Oosterbeek')
    expect(await subject.getByTestId('erasure-subject-ref').textContent()).toBe('K-004512')
    expect(await subject.getByTestId('erasure-subject-birthdate').textContent()).toBe('14-03-1991')
    const typed = page.getByTestId('erasure-type-confirm')
    await typed.fill('K-004513') // the other person's reference
    await typed.blur()
    await page.getByText('Dit is niet het registratienummer of de achternaam van deze persoon.').waitFor()
    expect(await typed.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByTestId('erasure-confirm').isDisabled()).toBe(true)
    await page.setViewportSize({ width: 1366, height: 768 })
    await screenshot(page, 'rights-03a-erasure-type-to-confirm')
    await typed.fill('vliegenthart-oosterbeek') // case does not matter
    expect(await page.getByTestId('erasure-confirm').isDisabled()).toBe(false)
    await typed.fill('K-004512')
    expect(await page.getByTestId('erasure-confirm').isDisabled()).toBe(false)
    await page.getByTestId('erasure-confirm').click()
    await page.getByTestId('erasure-done').waitFor()
    expect(await page.getByTestId('erasure-done').textContent()).toContain('beperkt tot de wettelijk verplichte gegevens')

    await e.harness.app.signIn(ADMIN.username, ADMIN.passphrase)
    const person = await e.harness.app.vault.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: ids.worker })
    expect([person.state, person.email, person.bsn]).toEqual(['legal-hold', null, '111222333'])
    await e.harness.app.signOut()
    expect(pageProblems(page)).toEqual([])
  })

  it('registers a request for a person found by reference with the keyboard, and one while the identity is being checked (R-29)', async () => {
    const page = await e.page()
    await page.setViewportSize({ width: 1366, height: 768 })
    await e.signIn(page)
    await page.getByTestId('nav-requests').click()
    await page.getByTestId('request-new').click()
    await page.getByTestId('request-received').fill('27-11-2026') // the harness's clock, not the machine's
    const picker = page.getByTestId('request-person')
    await picker.focus()
    await page.keyboard.type('K-004513')
    await page.getByRole('option', { name: /K-004513/ }).waitFor()
    // The list answers the whole reference, not a search made while it was half typed (K-00451…).
    await expect.poll(() => page.getByRole('option').count(), { timeout: 10_000 }).toBe(1)
    await screenshot(page, 'rights-04-request-person-picker')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await picker.inputValue()).toMatch(/\(K-004513\)$/)
    await page.getByTestId('request-submit').click()
    const rows = page.getByTestId('request-row')
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3)

    // No person yet: the form says so explicitly, and the register shows it.
    await page.getByTestId('request-new').click()
    await page.getByTestId('request-received').fill('27-11-2026')
    await page.getByTestId('request-who-pending').check()
    expect(await page.getByTestId('request-person').count()).toBe(0)
    await page.getByTestId('request-submit').click()
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4)
    const cells = await page.getByTestId('request-person-cell').allTextContents()
    expect(cells.filter((c) => c.includes('identiteit wordt gecontroleerd'))).toHaveLength(1)
    expect(cells.filter((c) => c.includes('K-004513'))).toHaveLength(2) // the seeded erasure request and the new one
    await screenshot(page, 'rights-05-requests-identity-pending')

    await e.harness.app.signIn(ADMIN.username, ADMIN.passphrase)
    const created = (await createDispatcher(e.harness.app)('listRequests', {})) as { ok: true; value: { requests: { personId: string | null; kind: string }[] } }
    expect(created.value.requests.filter((r) => r.personId === ids.candidate).map((r) => r.kind).sort()).toEqual(['access', 'erasure'])
    await e.harness.app.signOut()
    expect(pageProblems(page)).toEqual([])
  })
})
