import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AttachmentEntity } from '../../src/main/vault/entities/Attachment'
import { DoNotContactEntity } from '../../src/main/vault/entities/DoNotContactEntry'
import { pageProblems, screenshot } from './support/browser'
import { expectNoSeriousViolations } from './support/axe'
import { startE2e } from './support/e2eSession'
import { ADMIN } from '../support/testApp'
import { closeNotifications, settle, fieldError, fieldErrorOf, fieldValue, focusedTestId, retype, services, storedPersons, tabTo, tinyPdf, typeIntakePersonal, waitForInvalid, waitForStep, watchRevokedBlobs } from './support/people'

/**
 * The intake and records screens in real Chromium against the real services and an encrypted
 * vault (issue 3 "Done when"): a walk-in enrolled by keyboard only, validation errors fixed without
 * losing input, a CV attached, the person found again, a prospect marked do-not-contact and then
 * refused, a draft that survives a lock, and an import that writes nothing when a row is bad.
 */
describe('intake and person records in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let page: Page
  let call: ReturnType<typeof services>
  let sanneId = ''
  let janId = ''

  beforeAll(async () => {
    e = await startE2e({ setup: true })
    call = services(e.harness)
    page = await e.page()
    // Intercept file choosers from the start (enabling interception is itself asynchronous).
    page.on('filechooser', () => {})
    // The browser's clock is the harness clock, so "today" in the form is the services' today.
    await page.clock.setFixedTime(e.clock.now())
    await page.reload()
    await e.signIn(page)
  })
  afterAll(async () => {
    await e?.close()
  })

  const step = (p: Page) => p.getByTestId('intake-form').getAttribute('data-step')

  it('enrols a walk-in candidate by keyboard only, fixing validation errors without losing input, with a CV', async () => {
    await page.getByTestId('records-empty').waitFor()
    expect(await focusedTestId(page)).toBe('records-search')
    await screenshot(page, 'people-01-records-empty')

    await page.keyboard.press('Alt+N')
    await page.getByTestId('intake-form').waitFor()
    expect(await page.getByTestId('intake-gate').textContent()).toContain('geen BSN en geen gezondheidsgegevens')
    expect(await focusedTestId(page)).toBe('field-givenName')
    await page.keyboard.type('Sanne')
    await page.keyboard.press('Tab')
    await page.keyboard.type('de Vries')
    await page.keyboard.press('Tab')
    await page.keyboard.type('15-03-1990')
    await page.keyboard.press('Tab')
    expect(await focusedTestId(page)).toBe('field-gender')
    await page.keyboard.press('ArrowDown') // Vrouw
    await screenshot(page, 'people-02-intake-personal')
    await page.keyboard.press('Enter')
    await waitForStep(page, 'contact')

    // Contact step: Enter with nothing — a candidate needs an e-mail address or a phone number.
    expect(await focusedTestId(page)).toBe('field-email')
    await page.keyboard.press('Enter')
    await waitForInvalid(page, 'email')
    expect(await fieldError(page, 'email')).toBe('Vul een e-mailadres of telefoonnummer in.')
    expect(await step(page)).toBe('contact')

    // A bad e-mail address and a bad postcode, the rest right.
    await page.keyboard.type('sanne@')
    await page.keyboard.press('Tab')
    await page.keyboard.type('06 1234 5678')
    await tabTo(page, 'field-address.street')
    await page.keyboard.type('Dorpsstraat')
    await page.keyboard.press('Tab')
    await page.keyboard.type('12a')
    await page.keyboard.press('Tab')
    await page.keyboard.type('123')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Breda')
    await page.keyboard.press('Enter')
    await waitForInvalid(page, 'address.postcode')
    expect(await fieldError(page, 'email')).toBe('Dit is geen geldig e-mailadres.')
    expect(await fieldError(page, 'address.postcode')).toBe('Gebruik een Nederlandse postcode, bijvoorbeeld 1234 AB.')
    expect(await fieldError(page, 'phone')).toBeNull()
    expect(await focusedTestId(page)).toBe('field-email') // the first error has focus
    await screenshot(page, 'people-03-intake-contact-errors')

    // Fix both; nothing else typed is lost.
    await retype(page, 'Sanne.deVries@Example.nl')
    await tabTo(page, 'field-address.postcode')
    await retype(page, '4811ab')
    expect(await fieldValue(page, 'address.street')).toBe('Dorpsstraat')
    expect(await fieldValue(page, 'address.city')).toBe('Breda')
    expect(await fieldValue(page, 'phone')).toBe('06 1234 5678')
    await page.keyboard.press('Enter')
    await waitForStep(page, 'experience')

    // CV: the file chooser opens from the keyboard (Enter on the focused field).
    expect(await focusedTestId(page)).toBe('intake-cv')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')])
    await chooser.setFiles({ name: 'cv-sanne.pdf', mimeType: 'application/pdf', buffer: tinyPdf() })
    await tabTo(page, 'field-education')
    await page.keyboard.type('MBO 4 Logistiek')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Orderpicker, 3 jaar')
    await page.keyboard.press('Enter') // a new line inside a text area…
    await page.keyboard.type('Heftruckcertificaat')
    expect(await fieldValue(page, 'workExperience')).toBe('Orderpicker, 3 jaar\nHeftruckcertificaat')
    await screenshot(page, 'people-04-intake-cv')
    await page.keyboard.press('Control+Enter') // …and Ctrl+Enter moves on
    await waitForStep(page, 'availability')
    expect(await focusedTestId(page)).toBe('field-availability')
    await page.keyboard.type('Maandag tot en met vrijdag, per direct')
    await page.keyboard.press('Control+Enter')
    await waitForStep(page, 'source')
    expect(await focusedTestId(page)).toBe('field-source.kind')
    expect(await fieldValue(page, 'source.kind')).toBe('walk-in')
    expect(await fieldValue(page, 'statementVersion')).toBe('2018-05')
    expect(await fieldValue(page, 'registeredOn')).toBe('27-11-2026')
    await screenshot(page, 'people-05-intake-source')
    await page.keyboard.press('Enter')
    await page.getByTestId('intake-review').waitFor()
    const review = (await page.getByTestId('intake-review').textContent()) ?? ''
    // Everything typed, shown as it will be stored (e-mail, phone and postcode normalised).
    for (const shown of ['Sanne de Vries', '15-03-1990', 'sanne.devries@example.nl', '06 12345678', 'Dorpsstraat 12a, 4811 AB Breda', 'cv-sanne.pdf', 'MBO 4 Logistiek', 'Binnengelopen op kantoor', '2018-05']) {
      expect(review).toContain(shown)
    }
    expect(await focusedTestId(page)).toBe('intake-next')
    await screenshot(page, 'people-06-intake-review')
    await page.keyboard.press('Enter')

    await page.getByTestId('person-screen').waitFor()
    expect(await page.getByTestId('person-name').textContent()).toBe('Sanne de Vries')
    // The focus is on the new record's title (issue 16), not lost on <body>.
    await page.locator('[data-testid="person-name"]:focus').waitFor()
    expect(await page.locator('.mantine-Notification-root').textContent()).toContain('Sanne de Vries is ingeschreven.')
    await closeNotifications(page)
    sanneId = (await page.getByTestId('person-screen').getAttribute('data-person-id')) ?? ''
    // What the vault holds: normalised e-mail, phone and postcode, and the CV as an attachment.
    const stored = (await storedPersons(e.harness)).find((p) => p.id === sanneId)
    expect(stored).toMatchObject({ email: 'sanne.devries@example.nl', phone: '+31612345678', postcode: '4811 AB' })
    const attachments = await e.harness.app.vault.dataSource.getRepository(AttachmentEntity).findBy({ personId: sanneId })
    expect(attachments.map((a) => [a.kind, a.fileName, a.mimeType])).toEqual([['cv', 'cv-sanne.pdf', 'application/pdf']])
    await page.getByTestId('retention-line').waitFor()
    await screenshot(page, 'people-07-person-personal')
  })

  it('finds the person by name, postcode and phone — never by BSN — and opens the record with the keyboard', async () => {
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').waitFor()
    expect(await focusedTestId(page)).toBe('records-search')
    for (const query of ['4811 AB', '06-12345678', 'sanne.devries@']) {
      await page.getByTestId('records-search').fill(query)
      await page.locator(`[data-testid="records-row"][data-person-id="${sanneId}"]`).waitFor()
      expect(await page.getByTestId('records-row').count()).toBe(1)
    }
    // BSN digits find nobody (UAVG art. 46): a nine-digit run is not a search key.
    await page.getByTestId('records-search').fill('123456782')
    await page.getByTestId('records-empty').waitFor()

    await page.getByTestId('records-search').fill('')
    await page.keyboard.type('de vri')
    await page.locator(`[data-testid="records-row"][data-person-id="${sanneId}"]`).waitFor()
    expect(await page.getByTestId('records-row').count()).toBe(1)
    await page.keyboard.press('ArrowDown')
    expect(await focusedTestId(page)).toBe('records-row')
    await screenshot(page, 'people-08-records-search')
    await page.keyboard.press('Enter')
    await page.getByTestId('person-screen').waitFor()
    expect(await page.getByTestId('person-screen').getAttribute('data-person-id')).toBe(sanneId)
  })

  it('shows the CV from memory and revokes its blob URL on close; refuses a wrong file type next to the field', async () => {
    await page.getByTestId('tab-attachments').click()
    await page.getByTestId('attachment-row').waitFor()
    const revoked = await watchRevokedBlobs(page)
    await page.getByTestId('attachment-view').click()
    const frame = page.getByTestId('attachment-frame')
    await frame.waitFor()
    const src = ((await frame.getAttribute('src')) ?? '').replace(/#.*$/, '')
    expect(src).toMatch(/^blob:/)
    // Chromium's PDF viewer has loaded the in-memory copy (a frame at the blob URL).
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(src)), { timeout: 5000 }).toBe(true)
    await page.waitForTimeout(1500) // only so that the screenshot shows the rendered page
    await screenshot(page, 'people-10-attachment-viewer')
    await page.keyboard.press('Escape')
    await frame.waitFor({ state: 'detached' })
    // Closed: the in-memory copy is released (no file was ever written).
    expect(await revoked()).toContain(src)

    // A file that claims to be a PDF but is not: the service refuses it, the error stands at the field.
    await page.getByTestId('attachment-kind').selectOption('reference')
    await page.getByTestId('attachment-upload').locator('input[type="file"]').setInputFiles({ name: 'referentie.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') })
    await page.getByTestId('attachment-submit').click()
    const uploadError = page.getByTestId('attachment-upload').locator('.mantine-InputWrapper-error')
    await uploadError.waitFor()
    expect(await uploadError.textContent()).toBe('Dit bestandstype is niet toegestaan (PDF, DOCX, ODT, JPG of PNG).')
    await screenshot(page, 'people-09-attachments-type-error')
    expect(await e.harness.app.vault.dataSource.getRepository(AttachmentEntity).countBy({ personId: sanneId })).toBe(1)
  })

  it('shows the intake gate on the work tab and records a rectification with its reason in the history', async () => {
    await page.getByTestId('tab-work').click()
    await page.getByTestId('intake-gate-notice').waitFor()
    await screenshot(page, 'people-11-work-gate')

    await page.getByTestId('tab-personal').click()
    await page.getByTestId('person-edit').click()
    await page.getByTestId('person-edit-form').waitFor()
    await page.getByTestId('field-address.postcode').fill('12')
    await page.getByTestId('field-address.city').fill('Tilburg')
    await page.getByTestId('person-edit-save').click()
    await waitForInvalid(page, 'address.postcode')
    expect(await fieldError(page, 'address.postcode')).toBe('Gebruik een Nederlandse postcode, bijvoorbeeld 1234 AB.')
    expect(await page.getByTestId('field-reason').getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'people-12-rectify-errors')
    await page.getByTestId('field-address.postcode').fill('5038 AB')
    expect(await fieldValue(page, 'address.city')).toBe('Tilburg')
    await page.getByTestId('field-reason').fill('Verhuisd (melding van de persoon)')
    await page.getByTestId('person-edit-save').click()
    await page.getByTestId('person-edit').waitFor()
    await closeNotifications(page)
    expect(await page.getByTestId('view-address').textContent()).toContain('5038 AB')

    await page.getByTestId('tab-history').click()
    const perField = page.getByTestId('field-history')
    await perField.waitFor()
    const cityRow = (await perField.locator('[data-field="city"]').textContent()) ?? ''
    expect(cityRow).toContain('Woonplaats')
    expect(cityRow).toContain('Beheerder')
    expect(cityRow).toContain('Verhuisd (melding van de persoon)')
    await page.getByTestId('change-history').waitFor()
    await screenshot(page, 'people-13-history')
  })

  it('shows "changed by someone else" with both values when another desk saved meanwhile, and loses nothing (issue 17 point 4)', async () => {
    await page.getByTestId('tab-personal').click()
    await page.getByTestId('person-edit').click()
    await page.getByTestId('person-edit-form').waitFor()
    await page.getByTestId('field-phone').fill('06 11112222')
    await page.getByTestId('field-availability').fill('Maandag tot en met woensdag')
    await page.getByTestId('field-reason').fill('Nieuw nummer aan de balie')
    // Meanwhile a colleague at another desk changes the same record.
    const opened = await call('getPerson', { personId: sanneId })
    await call('updatePerson', { personId: sanneId, changes: { phone: '0633334444', address: { ...opened.address, city: 'Breda' } }, reason: 'Telefonisch doorgegeven', expectedVersion: opened.version })

    await page.getByTestId('person-edit-save').click()
    const panel = page.getByTestId('edit-conflict')
    await panel.waitFor()
    expect(await page.getByTestId('conflict-mine-phone').textContent()).toBe('06 11112222')
    expect(await page.getByTestId('conflict-saved-phone').textContent()).toBe('06 33334444')
    expect(await page.getByTestId('edit-conflict-theirs').locator('[data-field="address"]').textContent()).toContain('Breda')
    // Nothing of the user's is lost: the form still holds it.
    expect(await fieldValue(page, 'availability')).toBe('Maandag tot en met woensdag')
    expect((await call('getPerson', { personId: sanneId })).phone).toBe('+31633334444')
    await expectNoSeriousViolations(page, 'edit conflict')
    await screenshot(page, 'people-13a-edit-conflict')

    await page.getByTestId('conflict-keep-mine').click()
    await page.getByTestId('person-edit').waitFor()
    await closeNotifications(page)
    const saved = await call('getPerson', { personId: sanneId })
    expect(saved.phone).toBe('+31611112222')
    expect(saved.availability).toBe('Maandag tot en met woensdag')
    expect(saved.address.city).toBe('Breda') // the colleague's change to another field stays
    expect(await page.getByTestId('view-address').textContent()).toContain('Breda')
  })

  it('mounts the sharing and consent tabs on the person', async () => {
    await page.getByTestId('tab-sharing').click()
    await page.getByTestId('disclosures-tab').waitFor()
    await page.getByTestId('share-open').waitFor()
    await screenshot(page, 'people-13b-sharing-tab')
    await page.getByTestId('tab-consent').click()
    await page.waitForTimeout(200)
    await screenshot(page, 'people-13c-consent-tab')
  })

  it('records employment data once employed: the BSN is checked, shown masked, and "toon" reveals it (audited)', async () => {
    const { personId } = await call('createPerson', {
      givenName: 'Jan',
      familyName: 'Jansen',
      gender: 'male',
      birthDate: '1979-06-30',
      phone: '0612312312',
      source: { kind: 'walk-in' },
      registeredOn: '2026-10-01',
      roles: ['candidate', 'flexworker'],
      purposes: ['mediation', 'temping', 'payroll'],
      statementVersion: '2018-05',
      statementShownOn: '2026-10-01'
    })
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Jansen')
    await page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`).click()
    await page.getByTestId('tab-work').click()
    await page.getByTestId('intake-gate-notice').waitFor()

    await page.getByTestId('employments-add').click()
    await page.getByTestId('employment-save').click()
    await page.getByTestId('employment-data-edit').waitFor()
    expect(await page.getByTestId('intake-gate-notice').count()).toBe(0)
    await page.getByTestId('employment-data-edit').click()
    await page.getByTestId('field-nationality').fill('NL')
    await page.getByTestId('field-bsn').fill('123456789') // fails the 11-proof
    await page.getByTestId('field-idDocument.type').selectOption('passport')
    await page.getByTestId('field-idDocument.number').fill('NX12345AB')
    await page.getByTestId('field-idDocument.expiry').fill('01-01-2031')
    await page.getByTestId('field-idVerifiedOn').fill('27-11-2026')
    await page.getByTestId('employment-data-save').click()
    await waitForInvalid(page, 'bsn')
    expect(await fieldError(page, 'bsn')).toBe('Dit is geen geldig BSN (9 cijfers, elfproef).')
    await screenshot(page, 'people-22-employment-data-errors')
    await page.getByTestId('field-bsn').fill('123456782')
    await page.getByTestId('employment-data-save').click()
    await page.getByTestId('bsn-value').waitFor()
    expect(await page.getByTestId('bsn-value').textContent()).toBe('******782')
    await screenshot(page, 'people-23-employment-data-masked')

    await page.getByTestId('bsn-reveal').click()
    await page.getByText('123456782', { exact: true }).waitFor()
    const views = await e.harness.app.audit.list(e.harness.app.vault.dataSource.manager, { subjectId: personId, action: 'person.view' })
    expect(views.some((v) => v.fields.includes('bsn'))).toBe(true)
    await screenshot(page, 'people-24-bsn-revealed')

    // Issue 16: the edit form shows the BSN masked too; only its own "toon" reveals it, audited.
    await page.getByTestId('tab-personal').click()
    await page.getByTestId('tab-work').click()
    await page.getByTestId('employment-data-edit').click()
    expect(await page.getByTestId('field-bsn-masked').inputValue()).toBe('******782')
    expect(await page.getByTestId('field-bsn').count()).toBe(0)
    const bsnViews = async () =>
      (await e.harness.app.audit.list(e.harness.app.vault.dataSource.manager, { subjectId: personId, action: 'person.view' })).filter((v) => v.fields.includes('bsn')).length
    const viewsBefore = await bsnViews()
    await screenshot(page, 'people-24b-bsn-masked-in-form')
    await page.getByTestId('field-bsn-reveal').click()
    await page.getByTestId('field-bsn').waitFor()
    expect(await page.getByTestId('field-bsn').inputValue()).toBe('123456782')
    expect(await bsnViews()).toBe(viewsBefore + 1)
    await page.getByTestId('employment-data-form').getByRole('button', { name: 'Annuleren' }).click()
    janId = personId
  })

  it("keeps a colleague's employment-data change saved meanwhile: the form sends every field (issue 17 point 4)", async () => {
    await page.getByTestId('employment-data-edit').click()
    await page.getByTestId('field-maritalStatus').selectOption('divorced')
    // Meanwhile a colleague records the IBAN.
    const opened = await call('getPerson', { personId: janId })
    const d = opened.employmentData
    await call('recordEmploymentData', {
      personId: janId,
      nationality: d.nationality ?? '',
      keepBsn: true,
      idDocument: { type: d.idDocument!.type, number: d.idDocument!.number, expiry: d.idDocument!.expiry ?? '' },
      idVerifiedOn: d.idVerifiedOn ?? '',
      workPermit: null,
      iban: 'NL20INGB0001234567',
      expectedVersion: opened.version
    })

    await page.getByTestId('employment-data-save').click()
    await page.getByTestId('edit-conflict').waitFor()
    expect(await page.getByTestId('edit-conflict-both').count()).toBe(0)
    expect(await page.getByTestId('edit-conflict-theirs').locator('[data-field="iban"]').textContent()).toContain('NL20INGB0001234567')
    expect((await call('getPerson', { personId: janId })).employmentData.maritalStatus).toBeNull()
    await expectNoSeriousViolations(page, 'employment edit conflict')
    await screenshot(page, 'people-24c-employment-conflict')

    await page.getByTestId('conflict-keep-mine').click()
    await page.getByTestId('employment-data-edit').waitFor()
    const saved = (await call('getPerson', { personId: janId })).employmentData
    expect(saved).toMatchObject({ iban: 'NL20INGB0001234567', maritalStatus: 'divorced', bsn: '******782' })
  })

  it('refuses a BSN for an employment that starts in 2031 next to the BSN field, and saves nothing (R-16a)', async () => {
    const { personId } = await call('createPerson', {
      givenName: 'Piet',
      familyName: 'Toekomst',
      gender: 'male',
      birthDate: '1985-02-11',
      phone: '0612398798',
      source: { kind: 'walk-in' },
      registeredOn: '2026-10-01',
      roles: ['candidate'],
      purposes: ['mediation', 'temping', 'payroll'],
      statementVersion: '2018-05',
      statementShownOn: '2026-10-01'
    })
    await call('addEmployment', { personId, start: '2031-01-05', end: null, kind: 'uitzenden' })
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Toekomst')
    await page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`).click()
    await page.getByTestId('tab-work').click()
    await page.getByTestId('employment-data-edit').click()
    await page.getByTestId('field-nationality').fill('NL')
    await page.getByTestId('field-bsn').fill('123456782')
    await page.getByTestId('field-idDocument.type').selectOption('passport')
    await page.getByTestId('field-idDocument.number').fill('NX12345AC')
    await page.getByTestId('field-idDocument.expiry').fill('01-01-2031')
    await page.getByTestId('field-idVerifiedOn').fill('27-11-2026')
    await page.getByTestId('employment-data-save').click()
    await waitForInvalid(page, 'bsn')
    expect(await fieldError(page, 'bsn')).toBe('Een BSN wordt pas vastgelegd voor een dienstverband dat is begonnen of binnen 4 weken begint.')
    await screenshot(page, 'people-24a-bsn-employment-not-started')
    const [stored] = await e.sql<{ bsn: string | null }>('SELECT "bsn" FROM "person" WHERE "id" = :personId', { personId })
    expect(stored!.bsn).toBeNull()
    expect(pageProblems(page)).toEqual([])
  })

  it('adds a W&S procedure by keyboard: an end before the start is refused next to the field, the client kept', async () => {
    await page.getByTestId('recruitment-add').click()
    await page.getByTestId('recruitment-form').waitFor()
    expect(await focusedTestId(page)).toBe('recruitment-client')
    await page.keyboard.type('Bouwbedrijf Noord B.V.')
    await page.keyboard.press('Tab')
    expect(await focusedTestId(page)).toBe('recruitment-start')
    expect(await page.getByTestId('recruitment-start').inputValue()).toBe('27-11-2026')
    await page.keyboard.press('Tab')
    expect(await focusedTestId(page)).toBe('recruitment-end')
    await page.keyboard.type('01-11-2026')
    await page.keyboard.press('Enter')
    expect(await fieldErrorOf(page, 'recruitment-end')).toBe('De einddatum ligt vóór de begindatum.')
    expect(await page.getByTestId('recruitment-client').inputValue()).toBe('Bouwbedrijf Noord B.V.')
    await screenshot(page, 'people-24b-recruitment-error')

    // Still running: no end date.
    await retype(page, '')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Enter')
    await page.getByTestId('recruitment-form').waitFor({ state: 'detached' })
    await page.getByTestId('recruitment').getByText('Bouwbedrijf Noord B.V.').waitFor()
    await screenshot(page, 'people-24c-recruitment-added')
  })

  it('offers the existing record when the same person is registered twice', async () => {
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').waitFor()
    await page.keyboard.press('Alt+N')
    await page.getByTestId('field-givenName').waitFor()
    await typeIntakePersonal(page, { givenName: 'Sanne', familyName: 'de Vries', birthDate: '15-03-1990', genderDown: 1 })
    await page.getByTestId('field-phone').waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.type('0687654321')
    for (const next of ['experience', 'availability', 'source', 'review']) {
      await page.keyboard.press(next === 'availability' || next === 'source' ? 'Control+Enter' : 'Enter')
      await waitForStep(page, next)
    }
    const before = (await storedPersons(e.harness)).length
    await page.keyboard.press('Enter')
    await page.getByTestId('duplicate-choice').waitFor()
    await settle(page)
    await screenshot(page, 'people-14-duplicate')
    expect((await storedPersons(e.harness)).length).toBe(before)
    expect(await focusedTestId(page)).toBe('duplicate-open')
    await page.keyboard.press('Enter')
    await page.getByTestId('person-screen').waitFor()
    expect(await page.getByTestId('person-screen').getAttribute('data-person-id')).toBe(sanneId)
    // The unsaved intake is still there to finish or discard; discard it.
    await page.getByTestId('nav-intake').click()
    await page.getByTestId('intake-review').waitFor()
    await page.getByTestId('intake-discard').click()
    await page.getByTestId('intake-discard-confirm').click()
    await page.getByTestId('records-search').waitFor()
    expect(await page.getByTestId('draft-notice').count()).toBe(0)
  })

  it('marks a prospect do-not-contact, then refuses to register them again, naming the identifier and saving nothing', async () => {
    const { personId } = await call('createPerson', {
      givenName: 'Pieter',
      familyName: 'Bakker',
      gender: 'male',
      email: 'pieter.bakker@example.com',
      source: { kind: 'public-website', detail: 'https://www.linkedin.com/in/pieter-bakker-voorbeeld' },
      registeredOn: '2026-11-20',
      roles: ['prospect'],
      purposes: ['offers'],
      statementVersion: '2018-05',
      statementShownOn: '2026-11-20'
    })
    await page.getByTestId('records-search').fill('Bakker')
    await page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`).click()
    await page.getByTestId('person-screen').waitFor()
    await page.getByTestId('person-dnc').click()
    await page.getByTestId('dnc-reason-no-services').click()
    await settle(page)
    await screenshot(page, 'people-15-do-not-contact-confirm')
    await page.getByTestId('dnc-confirm').click()
    await page.getByTestId('records-search').waitFor()
    expect(await page.locator('.mantine-Notification-root').textContent()).toContain('herkenning via: e-mailadres, profiel-URL')
    await closeNotifications(page)
    expect((await storedPersons(e.harness)).some((p) => p.id === personId)).toBe(false)
    expect(await e.harness.app.vault.dataSource.getRepository(DoNotContactEntity).count()).toBe(1)

    // Registering him again, by keyboard: stopped at the contact step, before anything is saved.
    const before = await storedPersons(e.harness)
    await page.getByTestId('records-search').focus()
    await page.keyboard.press('Alt+N')
    await page.getByTestId('field-givenName').waitFor()
    await typeIntakePersonal(page, { givenName: 'Pieter', familyName: 'Bakker', birthDate: '02-02-1985', genderDown: 2 })
    await page.getByTestId('field-email').waitFor()
    await page.keyboard.type('Pieter.Bakker@Example.com')
    await page.keyboard.press('Enter')
    const notice = page.getByTestId('dnc-notice')
    await notice.waitFor()
    expect(await notice.getAttribute('data-identifier')).toBe('email')
    expect(await notice.textContent()).toContain('e-mailadres')
    expect(await notice.textContent()).toContain('Er is niets opgeslagen')
    expect(await step(page)).toBe('contact')
    expect(await fieldError(page, 'email')).toBe('Staat in het niet-benaderen-register.')
    await screenshot(page, 'people-16-do-not-contact-refused')
    expect(await storedPersons(e.harness)).toEqual(before)

    // Even a direct save (skipping the early check) is refused by the service, with the same notice.
    const refused = await call('createPerson', {
      givenName: 'Pieter',
      familyName: 'Bakker',
      gender: 'male',
      birthDate: '1985-02-02',
      email: 'PIETER.BAKKER@example.com',
      source: { kind: 'walk-in' },
      registeredOn: '2026-11-27',
      roles: ['candidate'],
      purposes: ['mediation'],
      statementVersion: '2018-05',
      statementShownOn: '2026-11-27'
    }).catch((err: { code?: string }) => err.code)
    expect(refused).toBe('DO_NOT_CONTACT_MATCH')
    expect(await storedPersons(e.harness)).toEqual(before)

    await page.getByTestId('dnc-discard').click()
    await page.getByTestId('intake-discard-confirm').click()
    await page.getByTestId('records-search').waitFor()
  })

  it('keeps the typed intake through a lock, in memory only, and drops it on sign-out', async () => {
    await page.keyboard.press('Alt+N')
    await page.getByTestId('field-givenName').waitFor()
    await typeIntakePersonal(page, { givenName: 'Fatima', familyName: 'El Amrani', birthDate: '01-07-2001', genderDown: 1 })
    await page.getByTestId('field-email').waitFor()
    await page.keyboard.type('fatima.elamrani@example.org')

    // Idle lock in main: the data key is dropped and the app shows sign-in.
    e.clock.advanceMs(11 * 60_000)
    expect(await e.harness.app.tick()).toBe(true)
    e.harness.notifyLocked()
    await page.getByTestId('signin-username').waitFor()
    expect(e.harness.app.vaultState()).toBe('locked')
    // Personal data typed into the form never goes to browser storage.
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })')
    expect(stored).not.toContain('Fatima')
    expect(stored).not.toContain('fatima')

    await e.signIn(page)
    await page.getByTestId('draft-notice').waitFor()
    await screenshot(page, 'people-17-draft-after-lock')
    await page.keyboard.press('Alt+N')
    await page.getByTestId('intake-restored').waitFor()
    expect(await step(page)).toBe('contact')
    expect(await fieldValue(page, 'email')).toBe('fatima.elamrani@example.org')
    await page.getByTestId('intake-back').click()
    expect(await fieldValue(page, 'givenName')).toBe('Fatima')
    expect(await fieldValue(page, 'familyName')).toBe('El Amrani')
    expect(await fieldValue(page, 'birthDate')).toBe('01-07-2001')
    await screenshot(page, 'people-18-draft-restored')

    await page.getByTestId('signout-button').click()
    await page.getByTestId('signin-username').waitFor()
    await e.signIn(page)
    await page.getByTestId('records-search').waitFor()
    expect(await page.getByTestId('draft-notice').count()).toBe(0)
    await page.keyboard.press('Alt+N')
    await page.getByTestId('field-givenName').waitFor()
    expect(await fieldValue(page, 'givenName')).toBe('')
  })

  it('unsubscribes a candidate; once shielded, a privacy officer opens the record only with a reason (R-14)', async () => {
    const { personId } = await call('createPerson', {
      givenName: 'Lotte',
      familyName: 'Smit',
      gender: 'female',
      birthDate: '1996-02-14',
      email: 'lotte.smit@example.org',
      source: { kind: 'website' },
      registeredOn: '2026-09-01',
      roles: ['candidate'],
      purposes: ['mediation'],
      statementVersion: '2018-05',
      statementShownOn: '2026-09-01'
    })
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Smit')
    await page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`).click()
    await page.getByTestId('person-unsubscribe').click()
    await page.getByTestId('unsubscribe-date').waitFor()
    await settle(page)
    await screenshot(page, 'people-25-unsubscribe')
    await page.getByTestId('unsubscribe-confirm').click()
    await page.getByTestId('unsubscribed-badge').waitFor()
    // three calendar months after unsubscribing (the line refetches after the badge shows).
    await page.getByTestId('retention-line').getByText('wordt verwijderd op 27-02-2027', { exact: false }).waitFor()
    await settle(page)
    await screenshot(page, 'people-26-unsubscribed')

    // never worked and unsubscribed — shielded from the unsubscribe date by the retention run.
    await call('runRetention', {})
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Smit')
    await page.getByTestId('records-empty').waitFor() // not in the normal list
    await page.getByTestId('records-state').selectOption('all')
    const row = page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`)
    await row.waitFor()
    expect(await row.getByTestId('state-badge').getAttribute('data-state')).toBe('shielded')
    await screenshot(page, 'people-27-records-shielded')
    await row.click()
    await page.getByTestId('shielded-reason').waitFor()
    await screenshot(page, 'people-28-shielded-reason')
    await page.getByTestId('shielded-open').click()
    expect(await fieldErrorOf(page, 'shielded-reason')).toBe('Dit veld is verplicht.')
    await page.getByTestId('shielded-reason').fill('Vraag van de persoon over haar gegevens')
    await page.keyboard.press('Enter')
    await page.getByTestId('person-screen').waitFor()
    const openings = await e.harness.app.audit.list(e.harness.app.vault.dataSource.manager, { subjectId: personId, action: 'person.shielded-open' })
    expect(openings.map((o) => o.reason)).toContain('Vraag van de persoon over haar gegevens')
    await screenshot(page, 'people-29-shielded-open')
    await page.getByTestId('nav-records').click()
  })

  it('warns before saving free text that looks like special data, naming the categories; Aanpassen goes back, Toch opslaan is audited (R-4a)', async () => {
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').waitFor()
    await page.keyboard.press('Alt+N')
    await page.getByTestId('field-givenName').waitFor()
    await typeIntakePersonal(page, { givenName: 'Vera', familyName: 'Vrijetekst', birthDate: '02-02-1992', genderDown: 1 })
    await page.getByTestId('field-phone').waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.type('0611122233')
    await page.keyboard.press('Enter')
    await waitForStep(page, 'experience')
    await page.keyboard.press('Control+Enter')
    await waitForStep(page, 'availability')
    await tabTo(page, 'field-particulars')
    await page.keyboard.type('Hernia; lid FNV')
    // While typing: the step says which categories, in words, never the text.
    const alert = page.getByTestId('special-data-alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Overige bijzonderheden: Gezondheid, Lidmaatschap vakbond')
    expect(await alert.textContent()).not.toContain('FNV')
    await settle(page)
    await screenshot(page, 'people-19a-free-text-warning')

    for (const next of ['source', 'review']) {
      await page.keyboard.press('Control+Enter')
      await waitForStep(page, next)
    }
    const before = (await storedPersons(e.harness)).length
    await page.keyboard.press('Enter')
    const choice = page.getByTestId('special-data-choice')
    await choice.waitFor()
    await settle(page)
    await screenshot(page, 'people-19b-free-text-choice')
    expect(await choice.textContent()).toContain('Gezondheid')
    expect(await choice.textContent()).toContain('Lidmaatschap vakbond')
    expect((await storedPersons(e.harness)).length).toBe(before)
    // The safe choice has focus: Enter goes back to the field, nothing saved.
    expect(await focusedTestId(page)).toBe('special-data-adjust')
    await page.keyboard.press('Enter')
    await waitForStep(page, 'availability')
    await page.locator('[data-testid="field-particulars"]:focus').waitFor()
    expect((await storedPersons(e.harness)).length).toBe(before)

    // Save anyway (the detector can be wrong): saved, and the audit trail names field and category only.
    for (const next of ['source', 'review']) {
      await page.keyboard.press('Control+Enter')
      await waitForStep(page, next)
    }
    await page.keyboard.press('Enter')
    await choice.waitFor()
    await tabTo(page, 'special-data-save-anyway', 4)
    await page.keyboard.press('Enter')
    await page.getByTestId('person-screen').waitFor()
    const personId = (await page.getByTestId('person-screen').getAttribute('data-person-id')) ?? ''
    const manager = e.harness.app.vault.dataSource.manager
    const warnings = await e.harness.app.audit.list(manager, { subjectId: personId, action: 'person.special-data-warning' })
    expect(warnings.map((w) => w.fields)).toEqual([['particulars:health', 'particulars:union']])
    expect(JSON.stringify(await e.harness.app.audit.list(manager, { subjectId: personId }))).not.toMatch(/hernia|fnv/i)
    await closeNotifications(page)
  })

  it('imports nothing from a file with bad rows and lists every one; imports a good file', async () => {
    await page.getByTestId('nav-import').click()
    await page.getByTestId('import-file').waitFor()
    await screenshot(page, 'people-19-import')
    const person = (ref: string, overrides: Record<string, unknown>) => ({
      ref,
      givenName: 'Import',
      familyName: `Persoon ${ref}`,
      birthDate: '1980-01-01',
      gender: 'female',
      email: `${ref.toLowerCase()}@example.org`,
      source: { kind: 'website' },
      registeredOn: '2025-01-10',
      roles: ['candidate'],
      purposes: ['mediation'],
      ...overrides
    })
    const bad = {
      format: 'dossier-import/1',
      persons: [person('IMP-1', {}), person('IMP-2', { email: 'geen-adres' }), person('IMP-3', { address: { postcode: '12345' } })],
      clients: []
    }
    const before = (await storedPersons(e.harness)).length
    const input = page.locator('input[type="file"]')
    await input.setInputFiles({ name: 'import.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) })
    await page.getByTestId('import-submit').click()
    await page.getByTestId('import-invalid').waitFor()
    const issues = await page.getByTestId('import-issue').allTextContents()
    expect(issues).toHaveLength(2)
    expect(issues[0]).toContain('Personen')
    expect(issues[0]).toContain('2')
    expect(issues[0]).toContain('E-mailadres')
    expect(issues[0]).toContain('Dit is geen geldig e-mailadres.')
    expect(issues[1]).toContain('3')
    expect(issues[1]).toContain('Adres › Postcode')
    expect(await page.getByTestId('import-invalid').textContent()).toContain('Niets geïmporteerd')
    await screenshot(page, 'people-20-import-rejected')
    expect((await storedPersons(e.harness)).length).toBe(before)

    const good = { ...bad, persons: [person('IMP-1', {}), person('IMP-2', {})] }
    await input.setInputFiles({ name: 'import.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) })
    await page.getByTestId('import-submit').click()
    await page.getByTestId('import-done').waitFor()
    expect(await page.getByTestId('import-done').textContent()).toContain('2 personen')
    expect((await storedPersons(e.harness)).length).toBe(before + 2)

    // R-4a: free text that looks like special data is imported, and named by row and field.
    const flagged = { ...bad, persons: [person('IMP-4', { particulars: 'Strafblad' }), person('IMP-5', {})] }
    await input.setInputFiles({ name: 'import.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flagged)) })
    await page.getByTestId('import-submit').click()
    await page.getByTestId('import-warnings').waitFor()
    const warned = await page.getByTestId('import-warning').allTextContents()
    expect(warned).toEqual([expect.stringContaining('Overige bijzonderheden')])
    expect(warned[0]).toContain('Strafrechtelijke gegevens')
    expect(warned[0]).not.toContain('Strafblad')
    await settle(page)
    await screenshot(page, 'people-20a-import-warnings')
    expect((await storedPersons(e.harness)).length).toBe(before + 4)
  })

  it('finds a known person in step 1 of the intake, and gives the search back as it was left (issue 16)', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    // Step 1: a family name and birth date already known — the match, named, with the way to open it.
    await page.getByTestId('nav-intake').click()
    await page.getByTestId('field-givenName').fill('Sanne')
    await page.getByTestId('field-familyName').fill('De  Vries')
    await page.getByTestId('field-birthDate').fill('15-03-1990')
    const match = page.getByTestId('intake-match')
    await match.waitFor()
    expect(await match.getAttribute('data-person-id')).toBe(sanneId)
    expect(await match.textContent()).toContain('dezelfde achternaam en geboortedatum: Sanne de Vries, geboren 15-03-1990')
    expect(await step(page)).toBe('personal')
    await screenshot(page, 'people-30-intake-match-step1')
    await page.getByTestId('intake-match-open').click()
    await page.getByTestId('person-screen').waitFor()
    expect(await page.getByTestId('person-screen').getAttribute('data-person-id')).toBe(sanneId)
    expect(await page.getByTestId('nav-records').getAttribute('aria-current')).toBe('page')

    // A list longer than the window: compact rows, a count, sorting in the query.
    for (let i = 0; i < 24; i++) {
      const n = String(i + 10)
      await call('createPerson', {
        ref: `L-2026-00${n}`,
        givenName: 'Lijst',
        familyName: `Persoon ${n}`,
        gender: 'female',
        birthDate: `${1970 + i}-06-01`,
        phone: `06200000${n}`,
        source: { kind: 'walk-in' },
        registeredOn: '2026-11-20',
        roles: ['candidate', 'prospect'],
        purposes: ['mediation'],
        statementVersion: '2018-05',
        statementShownOn: '2026-11-20'
      })
    }
    const active = await e.sqlCount(`SELECT count(*) AS "n" FROM "person" WHERE "state" = 'active'`)
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-count').getByText(`${active} personen`).waitFor()
    const visibleRows = await page.evaluate<number>(
      "[...document.querySelectorAll('[data-testid=records-row]')].filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length"
    )
    expect(visibleRows).toBeGreaterThanOrEqual(15)
    // The reference never wraps: every reference cell is one line high.
    const refHeights = await page.evaluate<number[]>("[...document.querySelectorAll('[data-testid=records-ref]')].map((c) => c.getBoundingClientRect().height)")
    expect(Math.max(...refHeights)).toBeLessThan(32)
    await screenshot(page, 'people-31-records-compact')
    // Sorted by the service (the list is paged): birth date, then the other way round.
    const birthDates = () =>
      page.evaluate<string[]>(
        "[...document.querySelectorAll('[data-testid=records-row]')].map((r) => r.children[1].textContent.split('-').reverse().join('-')).filter((d) => d !== '')"
      )
    await page.getByTestId('records-sort-birthDate').click()
    await page.locator('[data-testid="records-sort-birthDate"][data-sorted="asc"]').waitFor()
    await settle(page)
    const ascending = await birthDates()
    expect(ascending).toEqual([...ascending].sort())
    await page.getByTestId('records-sort-birthDate').click()
    await page.locator('[data-testid="records-sort-birthDate"][data-sorted="desc"]').waitFor()
    await settle(page)
    const descending = await birthDates()
    expect(descending).toEqual([...descending].sort().reverse())
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1)

    // Open one far down the list, and come back: query, sort and scroll position as they were.
    await page.getByTestId('records-search').fill('Lijst')
    await page.getByTestId('records-count').getByText('24 personen').waitFor()
    const last = page.getByTestId('records-row').last()
    await last.scrollIntoViewIfNeeded()
    const scrolled = await page.evaluate<number>('window.scrollY')
    expect(scrolled).toBeGreaterThan(0)
    const lastId = await last.getAttribute('data-person-id')
    await last.click()
    await page.getByTestId('person-screen').waitFor()
    expect(await page.getByTestId('person-screen').getAttribute('data-person-id')).toBe(lastId)
    expect(await page.getByTestId('nav-records').getAttribute('aria-current')).toBe('page')
    await page.getByTestId('person-back').click()
    await page.locator(`[data-testid="records-row"][data-person-id="${lastId}"]`).waitFor()
    expect(await page.getByTestId('records-search').inputValue()).toBe('Lijst')
    expect(await page.getByTestId('records-sort-birthDate').getAttribute('data-sorted')).toBe('desc')
    await page.waitForFunction(`Math.abs(window.scrollY - ${scrolled}) < 40`)
    await screenshot(page, 'people-32-records-back')
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('R-26: a privacy officer restricts processing with a reason; the record turns read-only and leaves staff search', async () => {
    const { personId } = await call('createPerson', {
      givenName: 'Ruben',
      familyName: 'Beperkt',
      gender: 'male',
      birthDate: '1988-07-09',
      email: 'ruben.beperkt@example.org',
      source: { kind: 'walk-in' },
      registeredOn: '2026-10-01',
      roles: ['candidate'],
      purposes: ['mediation', 'offers'],
      statementVersion: '2018-05',
      statementShownOn: '2026-10-01'
    })
    await call('addAccount', { username: 'medewerker', displayName: 'Medewerker', roles: ['staff'], passphrase: 'medewerker passphrase 123' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Beperkt')
    await page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`).click()
    await page.getByTestId('restrict-open').click()
    await page.getByTestId('restrict-reason').waitFor()
    await page.getByTestId('restrict-confirm').click()
    expect(await fieldErrorOf(page, 'restrict-reason')).toBe('Dit veld is verplicht.')
    expect(await call('listProcessingLimits', { personId })).toMatchObject({ restricted: false, limits: [] })
    await page.getByTestId('restrict-reason').fill('Betwist de juistheid van zijn werkervaring (brief 25 november)')
    await settle(page)
    await screenshot(page, 'people-40-restrict-dialog')
    await page.keyboard.press('Enter')
    await page.getByTestId('restriction-alert').waitFor()
    await page.getByTestId('restricted-badge').waitFor()
    expect(await page.getByTestId('restriction-alert').textContent()).toContain('Verwerking beperkt sinds 27-11-2026')
    expect(await page.getByTestId('person-screen').getAttribute('data-restricted')).toBe('true')
    expect(await page.getByTestId('person-tabs-fieldset').evaluate((el) => (el as unknown as { disabled: boolean }).disabled)).toBe(true)
    expect(await page.getByTestId('person-unsubscribe').isDisabled()).toBe(true)
    await closeNotifications(page)
    await settle(page)
    await screenshot(page, 'people-41-restricted')

    // The privacy officer still finds the person, marked; staff do not.
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Beperkt')
    await page.locator(`[data-testid="records-row"][data-person-id="${personId}"]`).getByTestId('records-restricted').waitFor()
    await screenshot(page, 'people-42-records-restricted')
    // lifting a do-not-contact entry asks for an identifier and a reason, next to the fields.
    await page.getByTestId('dnc-lift-open').click()
    await page.getByTestId('dnc-lift-confirm').click()
    expect(await fieldErrorOf(page, 'dnc-lift-email')).toBe('Dit veld is verplicht.')
    expect(await fieldErrorOf(page, 'dnc-lift-reason')).toBe('Dit veld is verplicht.')
    await screenshot(page, 'people-43-dnc-lift')
    await page.keyboard.press('Escape')
    await page.getByTestId('signout-button').click()
    await e.signIn(page, 'medewerker', 'medewerker passphrase 123')
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Beperkt')
    await page.getByTestId('records-empty').waitFor()
    await page.getByTestId('signout-button').click()
    await e.signIn(page)
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('has every screen in English too, and no console errors', async () => {
    await page.getByTestId('language-switch').getByText('EN').click()
    await page.getByTestId('nav-intake').click()
    await page.getByTestId('intake-gate').waitFor()
    expect(await page.getByTestId('intake-gate').textContent()).toContain('no BSN and no health data')
    await screenshot(page, 'people-21-intake-english')
    await page.getByTestId('language-switch').getByText('NL').click()
    expect(pageProblems(page)).toEqual([])
  })

  it('by keyboard alone: signs in, reaches the intake through the navigation, saves, and opens the new record’s access report (issue 16)', async () => {
    // Setup, not part of the walk: the other page's session ends, so a fresh page starts at sign-in.
    await page.getByTestId('signout-button').click()
    await page.getByTestId('signin-username').waitFor()
    const k = await e.page()
    await k.clock.setFixedTime(e.clock.now())
    await k.reload()
    await k.getByTestId('signin-username').waitFor()
    await tabTo(k, 'signin-username')
    await k.keyboard.type(ADMIN.username)
    await tabTo(k, 'signin-passphrase')
    await k.keyboard.type(ADMIN.passphrase)
    await k.keyboard.press('Enter')
    await k.getByTestId('records-search').waitFor()
    // Through the navigation (not the Alt+N shortcut): Tab to "Inschrijving", Enter.
    await tabTo(k, 'nav-intake', 40)
    await k.keyboard.press('Enter')
    await k.getByTestId('intake-form').waitFor()
    await tabTo(k, 'field-givenName', 40)
    await k.keyboard.type('Joost')
    await k.keyboard.press('Tab')
    await k.keyboard.type('Toetsenbord')
    await k.keyboard.press('Tab')
    await k.keyboard.type('02-02-1992')
    await k.keyboard.press('Tab')
    expect(await focusedTestId(k)).toBe('field-gender')
    await k.keyboard.press('ArrowDown')
    await k.keyboard.press('Enter')
    await waitForStep(k, 'contact')
    await tabTo(k, 'field-email')
    await k.keyboard.type('joost.toetsenbord@example.org')
    for (const next of ['experience', 'availability', 'source', 'review'] as const) {
      await tabTo(k, 'intake-next', 40)
      await k.keyboard.press('Enter')
      if (next === 'review') await k.getByTestId('intake-review').waitFor()
      else await waitForStep(k, next)
    }
    await tabTo(k, 'intake-next')
    await k.keyboard.press('Enter') // saves
    await k.locator('[data-testid="person-name"]:focus').waitFor()
    expect(await k.getByTestId('person-name').textContent()).toBe('Joost Toetsenbord')
    await tabTo(k, 'person-access-report', 40)
    await k.keyboard.press('Enter')
    await k.getByTestId('report-reference').waitFor()
    // The report preview is a sandboxed frame without scripts (by design); anything else is a problem.
    expect(pageProblems(k).filter((p) => !p.includes("'about:srcdoc' because the document's frame is sandboxed"))).toEqual([])
    await k.context().close()
  })
})
