import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../src/main/vault/entities/AuditEntry'
import { ClientContactEntity, ClientEntity } from '../../src/main/vault/entities/Client'
import { DisclosureEntity } from '../../src/main/vault/entities/Disclosure'
import { SYNTHETIC, insertPerson } from '../main/relations/relationsFixtures'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'

/**
 * R-9a in the browser: register a client with a contact person, then share a placed
 * candidate's profile with it — allowed fields pre-selected, an extra field refused until a reason
 * is typed, forbidden fields disabled, the printable profile shown — and share the BSN for the
 * client's identification duty. Real screens, real services, real encrypted vault.
 */
describe('clients and sharing a profile with a client in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let page: Page
  beforeAll(async () => {
    e = await startE2e({ setup: true })
    page = await e.page()
    await e.signIn(page)
  })
  afterAll(async () => {
    await e?.close()
  })
  const repo = <T extends object>(entity: Parameters<typeof e.harness.app.vault.dataSource.getRepository<T>>[0]) => e.harness.app.vault.dataSource.getRepository<T>(entity)

  it('registers a client by keyboard, shows a bad postcode next to the field, and adds a contact person', async () => {
    await page.getByTestId('nav-clients').click()
    await page.getByTestId('clients-screen').waitFor()
    await page.getByText('Nog geen opdrachtgevers.').waitFor()
    await page.getByTestId('client-add').click()
    await page.getByTestId('client-name').fill('Zorggroep Oost')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Hengelosestraat')
    await page.keyboard.press('Tab')
    await page.keyboard.type('100')
    await page.keyboard.press('Tab')
    await page.keyboard.type('751 AB')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Enschede')
    await page.getByTestId('client-phone').fill('053 480 1234')
    await page.keyboard.press('Enter')
    await page.getByText('Gebruik een Nederlandse postcode, bijvoorbeeld 1234 AB.').waitFor()
    await screenshot(page, 'relations-01-client-postcode-error')
    expect(await repo(ClientEntity).count()).toBe(0)
    expect(await page.getByTestId('client-city').inputValue()).toBe('Enschede')

    await page.getByTestId('client-postcode').fill('7511ab')
    await page.keyboard.press('Enter')
    await page.getByTestId('client-screen').waitFor()
    expect(await page.getByTestId('client-title').textContent()).toBe('Zorggroep Oost')
    expect(await page.getByTestId('client-details').innerText()).toMatch(/Hengelosestraat 100\n7511 AB Enschede[\s\S]*053 480 1234/)

    await page.getByTestId('contact-add').click()
    await page.getByTestId('contact-givenName').fill('Ilse')
    await page.getByTestId('contact-familyName').fill('Mulder')
    await page.getByTestId('contact-function').fill('HR-adviseur')
    await page.getByTestId('contact-email').fill('I.Mulder@zorggroep-oost.nl')
    await page.keyboard.press('Enter')
    await page.getByTestId('client-contacts').getByText('i.mulder@zorggroep-oost.nl').waitFor()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    const [client] = await repo(ClientEntity).find()
    expect(client).toMatchObject({ name: 'Zorggroep Oost', postcode: '7511 AB', phone: '+31534801234' })
    expect(await repo(ClientContactEntity).findBy({ clientId: client!.id })).toMatchObject([{ givenName: 'Ilse', familyName: 'Mulder', function: 'HR-adviseur' }])
    await screenshot(page, 'relations-02-client-detail')
  })

  it("shares a placed candidate's profile: allowed fields pre-selected, an extra field only with a reason, forbidden ones disabled", async () => {
    const [client] = await repo(ClientEntity).find()
    const person = await insertPerson(e.harness.app, { employments: [{ clientId: client!.id, start: '2026-12-01' }] })
    // re-open the client so its placements are read again
    await page.getByTestId('client-back').click()
    await page.getByTestId('clients-table').getByText('1', { exact: true }).waitFor() // one contact person
    await screenshot(page, 'relations-03-clients-list')
    await page.getByTestId('clients-table').getByRole('button', { name: 'Zorggroep Oost' }).click()
    await page.getByTestId('client-assignments').getByText('Sanne de Boer').waitFor()
    await page.getByTestId('client-assignments').getByRole('button', { name: 'Delen met opdrachtgever' }).click()
    await page.getByTestId('share-person-screen').waitFor()
    await page.getByTestId('disclosures-tab').getByText('Er zijn nog geen gegevens van deze persoon verstrekt.').waitFor()

    await page.getByTestId('share-open').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('share-fields').waitFor()
    expect(await dialog.getByTestId('share-client').inputValue()).toBe('Zorggroep Oost (Enschede)')
    await dialog.getByTestId('share-contact').click()
    await page.getByRole('option', { name: 'Ilse Mulder — HR-adviseur' }).click()

    const checked = async (field: string) => dialog.getByTestId(`share-check-${field}`).isChecked()
    for (const f of ['givenName', 'familyName', 'birthDate', 'city', 'education', 'workExperience']) expect(await checked(f), f).toBe(true)
    for (const f of ['email', 'phone', 'iban']) expect(await checked(f), f).toBe(false)
    const forbidden = async (why: string) => {
      const row = dialog.getByTestId(`share-forbidden-${why}`)
      expect(await row.getByRole('checkbox').isDisabled(), why).toBe(true)
      return { fields: await row.getAttribute('data-fields'), text: await row.textContent() }
    }
    expect(await forbidden('bsn-identification-only')).toMatchObject({ fields: 'bsn', text: expect.stringContaining('Het BSN gaat alleen naar een opdrachtgever voor diens identificatieplicht.') })
    expect(await forbidden('id-copy-never')).toMatchObject({ fields: 'idCopy', text: expect.stringContaining('Een kopie van het identiteitsbewijs wordt nooit gedeeld.') })
    expect(await forbidden('special-never')).toMatchObject({ fields: 'specialData', text: expect.stringContaining('Bijzondere persoonsgegevens worden nooit') })
    expect(await dialog.getByTestId('share-field-birthDate').textContent()).toContain('12-03-1994')
    expect(await dialog.textContent()).not.toContain(SYNTHETIC.bsn)
    await screenshot(page, 'relations-04-share-dialog')

    // R-9a: a consent field asks for the person's consent to be recorded (date, how, wording); only that unlocks it.
    await dialog.getByTestId('share-check-iban').check()
    await dialog.getByTestId('share-consent-wording-iban').waitFor()
    await screenshot(page, 'relations-04b-record-consent')
    await dialog.getByTestId('share-consent-wording-iban').fill('Ik geef toestemming mijn IBAN te delen voor de onkostenvergoeding.')
    await dialog.getByTestId('share-consent-record-iban').click()
    await dialog.getByTestId('share-field-iban').getByText('Toestemming van de persoon vastgelegd voor dit gegeven en dit doel.').waitFor()
    await dialog.getByTestId('share-check-iban').uncheck()

    // An extra field: ticked, the reason box appears (focused); sharing without a reason is refused.
    await dialog.getByTestId('share-check-email').check()
    await dialog.getByTestId('share-submit').click()
    await dialog.getByTestId('share-field-email').getByText('Geef een reden op.').waitFor()
    expect(await repo(DisclosureEntity).count()).toBe(0)
    await screenshot(page, 'relations-05-reason-required')
    await page.keyboard.type('Opdrachtgever plant het kennismakingsgesprek zelf')
    await dialog.getByTestId('share-submit').click()

    await dialog.getByTestId('share-done').waitFor()
    const reference = /DISC-[0-9A-F]{8}/.exec((await dialog.getByTestId('share-done').textContent()) ?? '')?.[0]
    expect(reference).toBeDefined()
    const profile = page.frameLocator('[data-testid="share-profile-frame"]')
    await profile.getByText('Kandidaatprofiel').waitFor()
    const text = (await profile.locator('body').textContent()) ?? ''
    expect(text).toContain(reference!)
    expect(text).toContain('Zorggroep Oost — Ilse Mulder')
    expect(text).toContain('sanne.deboer@example.nl')
    expect(text).toContain('Vijf jaar orderpicker bij een distributiecentrum')
    expect(text).not.toContain(SYNTHETIC.bsn)
    expect(text).not.toContain(SYNTHETIC.iban)
    await dialog.getByTestId('share-print').waitFor()
    await screenshot(page, 'relations-06-shared-profile')

    const [row] = await repo(DisclosureEntity).find()
    expect(row).toMatchObject({ personId: person.id, clientId: client!.id, purpose: 'presentation', reason: 'email: Opdrachtgever plant het kennismakingsgesprek zelf' })
    expect([...row!.fields].sort()).toEqual(['birthDate', 'city', 'education', 'email', 'familyName', 'givenName', 'workExperience'])
  })

  it('shares only the BSN for the identification duty and lists both disclosures', async () => {
    e.clock.advanceMs(5 * 60_000) // a few minutes later, so the list's order is defined
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('share-again').click()
    await dialog.getByTestId('share-purpose-client-identification').check()
    await dialog.getByTestId('share-field-bsn').getByText('******333').waitFor()
    expect(await dialog.getByTestId('share-check-bsn').isChecked()).toBe(true)
    const others = dialog.getByTestId('share-forbidden-identification-bsn-only')
    expect(await others.getByRole('checkbox').isDisabled()).toBe(true)
    expect((await others.getAttribute('data-fields'))?.split(' ')).toEqual(expect.arrayContaining(['givenName', 'email', 'iban']))
    await others.getByText('Voor de identificatieplicht wordt alleen het BSN gedeeld.').waitFor()
    await others.getByText('Alle andere gegevens (27)').waitFor()
    expect(await dialog.getByTestId('share-forbidden-id-copy-never').count()).toBe(1)
    expect(await dialog.getByTestId('share-check-givenName').count()).toBe(0)
    await screenshot(page, 'relations-07-identification')
    await dialog.getByTestId('share-submit').click()
    await dialog.getByTestId('share-done').waitFor()
    const profile = page.frameLocator('[data-testid="share-profile-frame"]')
    expect(await profile.locator('body').textContent()).toContain(SYNTHETIC.bsn)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    const rows = page.getByTestId('disclosure-row')
    await rows.nth(1).waitFor()
    expect(await rows.count()).toBe(2)
    expect(await rows.nth(0).textContent()).toContain('Identificatieplicht (alleen BSN)')
    expect(await rows.nth(1).textContent()).toContain('E-mailadres: Opdrachtgever plant het kennismakingsgesprek zelf')
    await screenshot(page, 'relations-08-disclosures')
    await page.getByTestId('language-switch').getByText('EN').click()
    await page.getByTestId('disclosures-tab').getByText('Identification duty (BSN only)').waitFor()
    await page.getByTestId('disclosures-tab').getByText('Email address: Opdrachtgever plant het kennismakingsgesprek zelf').waitFor()
    await screenshot(page, 'relations-09-disclosures-english')
    await page.getByTestId('language-switch').getByText('NL').click()

    const audit = await repo(AuditEntryEntity).find({ where: { action: 'disclosure.create' } })
    expect(audit.map((a) => a.fields)).toEqual([['birthDate', 'city', 'education', 'email', 'familyName', 'givenName', 'workExperience'], ['bsn']])
    expect(JSON.stringify(await repo(AuditEntryEntity).find())).not.toContain(SYNTHETIC.bsn)
    expect(pageProblems(page)).toEqual([])
  })
})
