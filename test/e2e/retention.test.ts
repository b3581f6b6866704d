import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPerson } from '../main/retention/personFixture'
import { ADMIN } from '../support/testApp'
import { expectNoSeriousViolations } from './support/axe'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'
import { services } from './support/people'

/** Issue 5: the retention dashboard, the policy editor, and a privacy officer opening a shielded record. */
describe('retention screens in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  let shieldedId = ''
  beforeAll(async () => {
    e = await startE2e({ setup: true }) // clock 2026-11-27
    const app = e.harness.app
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    await app.vault.dataSource.transaction(async (m) => {
      shieldedId = (await insertPerson(m, { person: { ref: 'K-0042', givenName: 'Sanne', familyName: 'Visser', unsubscribedOn: '2026-11-01' } })).id
      await insertPerson(m, { person: { ref: 'K-0043', givenName: 'Jan', familyName: 'Bakker' }, attachments: [{ kind: 'id-copy', addedOn: '2026-11-20' }] })
      await insertPerson(m, { person: { ref: 'K-0044', givenName: 'Piet', familyName: 'Jansen' }, consents: [{ category: 'health', endsOn: '2026-12-31' }] })
    })
    await app.signOut()
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows what falls due, runs now, lists the shielded record and opens it with an audited reason', async () => {
    const page = await e.page()
    await e.signIn(page) // the unlock catch-up shields K-0042
    await page.getByTestId('nav-retention').click()
    await page.getByTestId('retention-due-table').waitFor()
    expect(await page.getByTestId('retention-due-id-copy-registration-purge-attachment').getByTestId('due-30').textContent()).toBe('1')
    expect(await page.getByTestId('retention-upcoming-row').count()).toBe(3)
    await screenshot(page, 'retention-01-dashboard')
    await page.getByTestId('retention-run-now').click()
    await page.getByTestId('retention-plan-confirm').click() // issue 16: the run is confirmed after its plan
    await page.getByTestId('retention-run-result').waitFor()
    expect(await page.getByTestId('retention-run-row').count()).toBeGreaterThanOrEqual(2)
    await page.getByTestId('retention-result-close').click()

    await page.getByTestId('nav-shielded').click()
    await page.getByTestId('shielded-row').first().waitFor()
    expect(await page.getByTestId('shielded-row').first().textContent()).toContain('K-0042')
    await screenshot(page, 'retention-02-shielded')
    await page.getByTestId('shielded-open').first().click()
    await page.getByTestId('shielded-reason').fill('Verzoek om inzage van betrokkene')
    await page.keyboard.press('Enter')
    await page.getByTestId('retention-line').waitFor()
    expect(await page.getByTestId('retention-line').textContent()).toContain('wordt verwijderd op 01-02-2027: ingeschreven, nooit gewerkt, uitgeschreven op 01-11-2026')
    const audit = await e.sql(`SELECT "reason" FROM "audit_entry" WHERE "subjectId" = :shieldedId AND "action" = 'person.shielded-open'`, { shieldedId })
    expect(audit).toEqual([{ reason: 'Verzoek om inzage van betrokkene' }])
    expect(pageProblems(page)).toEqual([])
  })

  it('shows what the run will do (counts, names), refuses a plan that changed, shows the results with links (issue 16)', async () => {
    await e.harness.app.signOut()
    const page = await e.page()
    await page.setViewportSize({ width: 1366, height: 768 })
    await e.signIn(page)
    // Made due after the sign-in's catch-up: a shield and a deletion the run has not applied yet.
    const insert = (person: NonNullable<Parameters<typeof insertPerson>[1]>['person']) => e.harness.app.vault.dataSource.transaction(async (m) => (await insertPerson(m, { person })).id)
    const eva = await insert({ ref: 'K-0050', givenName: 'Eva', familyName: 'Mulder', unsubscribedOn: '2026-11-20' })
    await insert({ ref: 'K-0051', givenName: 'Bas', familyName: 'Smit', unsubscribedOn: '2026-07-01' })
    await page.getByTestId('nav-retention').click()
    await page.getByTestId('retention-run-now').click()
    const persons = page.getByTestId('retention-plan-person')
    await persons.first().waitFor()
    const rows = await persons.allTextContents()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(/^Mulder, EvaK-0050Afschermen \(/)
    expect(rows[1]).toMatch(/^Smit, BasK-0051Verwijderen \(/)
    expect(await page.getByTestId('retention-plan-count-shield').getByTestId('count').textContent()).toBe('1')
    expect(await page.getByTestId('retention-plan-count-delete').getByTestId('count').textContent()).toBe('1')
    expect(await page.getByTestId('retention-plan-confirm').textContent()).toBe('Bevestigen: 2 dossiers verwerken')
    await screenshot(page, 'retention-03-plan')
    expect(await e.sqlCount(`SELECT count(*) AS "n" FROM "person" WHERE "ref" IN ('K-0050', 'K-0051') AND "state" = 'active'`)).toBe(2)

    // Meanwhile another record falls due: the confirmed plan no longer holds, the new one is shown.
    await insert({ ref: 'K-0052', givenName: 'Cor', familyName: 'Vos', unsubscribedOn: '2026-11-25' })
    await page.getByTestId('retention-plan-confirm').click()
    await page.getByTestId('retention-plan-changed').waitFor()
    await page.getByText('Vos, Cor').waitFor()
    expect(await persons.count()).toBe(3)
    expect(await e.sqlCount(`SELECT count(*) AS "n" FROM "person" WHERE "ref" IN ('K-0050', 'K-0051', 'K-0052') AND "state" = 'active'`)).toBe(3)
    await screenshot(page, 'retention-04-plan-changed')

    await page.getByTestId('retention-plan-confirm').click()
    await page.getByTestId('retention-run-result').waitFor()
    expect(await page.getByTestId('retention-result-person').count()).toBe(3)
    expect(await page.getByTestId('retention-run-result').textContent()).toContain('3 dossiers verwerkt op 27-11-2026')
    // The deleted record is named without a link; the shielded ones link to the record.
    expect((await page.getByTestId('retention-result-open').allTextContents()).sort()).toEqual(['Mulder, Eva', 'Vos, Cor'])
    await screenshot(page, 'retention-05-run-result')
    await page.getByTestId('retention-result-open').getByText('Mulder, Eva').click()
    await page.getByTestId('shielded-reason').waitFor() // a privacy officer opens a shielded record with a reason
    expect(await page.getByTestId('nav-retention').getAttribute('aria-current')).toBe('page')
    await page.getByTestId('shielded-reason').fill('Controle na bewaartermijnrun')
    await page.keyboard.press('Enter')
    await page.getByTestId('person-read-only').waitFor()
    expect(await page.getByTestId('person-screen').getAttribute('data-person-id')).toBe(eva)
    expect(await page.getByTestId('person-edit').count()).toBe(0)
    await screenshot(page, 'retention-06-shielded-read-only')
    await page.getByTestId('person-back').click()
    await page.getByTestId('retention-dashboard').waitFor()
    expect(pageProblems(page)).toEqual([])
  })

  it('says in the plan that a restricted record is held, and the run leaves it as it is (R-26, art. 18)', async () => {
    await e.harness.app.signOut()
    const page = await e.page()
    await page.setViewportSize({ width: 1366, height: 768 })
    await e.signIn(page)
    const personId = await e.harness.app.vault.dataSource.transaction(async (m) => (await insertPerson(m, { person: { ref: 'K-0060', givenName: 'Ria', familyName: 'Kok', unsubscribedOn: '2026-07-01' } })).id)
    await services(e.harness)('recordRestriction', { personId, reason: 'Nodig voor een procedure bij de rechter' })
    await page.getByTestId('nav-retention').click()
    // The dashboard's list marks it held, not as about to go.
    const row = page.getByTestId('retention-upcoming-row').filter({ hasText: 'K-0060' })
    await row.getByTestId('retention-upcoming-held').waitFor()
    expect(await row.getByTestId('retention-upcoming-held').textContent()).toBe('Vastgehouden: beperkt (art. 18 AVG)')
    expect(await page.getByTestId('retention-upcoming-held').count()).toBe(1)
    await row.scrollIntoViewIfNeeded()
    await screenshot(page, 'retention-07a-dashboard-held-by-restriction')
    await page.getByTestId('retention-run-now').click()
    const held = page.getByTestId('retention-plan-held')
    await held.waitFor()
    expect(await held.textContent()).toBe('1 dossier is aan de beurt, maar de verwerking is beperkt (art. 18 AVG): de gegevens blijven bewaard tot de beperking is opgeheven.')
    expect(await page.getByTestId('retention-plan-person').count()).toBe(0)
    await screenshot(page, 'retention-07-plan-held-by-restriction')
    await expectNoSeriousViolations(page, 'retention plan, a record held by a restriction')
    expect(await e.sqlCount(`SELECT count(*) AS "n" FROM "person" WHERE "ref" = 'K-0060' AND "state" = 'active'`)).toBe(1)
    expect(pageProblems(page)).toEqual([])
  })

  it('lets the privacy officer save new terms, refusing a statutory hold made shorter and a term longer than the statement', async () => {
    await e.harness.app.signOut()
    const page = await e.page()
    await e.signIn(page)
    await page.getByTestId('nav-retentionPolicy').click()
    await page.getByTestId('retention-policy').waitFor()
    await page.getByTestId('policy-amount-legal-hold-payroll').fill('5')
    await page.getByTestId('policy-note').fill('Verklaring versie 2')
    await page.getByTestId('policy-save').click()
    await page
      .getByTestId('policy-rule-legal-hold-payroll')
      .getByText('Korter dan de wettelijke bewaarplicht: voor “Bewaarplicht loonadministratie” eist AWR art. 52 ten minste 7 volle kalenderjaren na het einde van het jaar.')
      .waitFor()
    await page.getByTestId('policy-amount-legal-hold-payroll').fill('7')
    // Issue 13 point 6: the statement (2018-05) promises 3 calendar months; 120 is refused next to the field.
    await page.getByTestId('policy-amount-unsubscribed-never-worked').fill('120')
    await page.getByTestId('policy-save').click()
    await page
      .getByTestId('policy-rule-unsubscribed-never-worked')
      .getByText('Langer dan de privacyverklaring belooft: voor “Ingeschreven, nooit gewerkt, uitgeschreven” noemt de privacyverklaring (versie 2018-05) ten hoogste 3 kalendermaanden.')
      .waitFor()
    expect(await page.getByTestId('policy-amount-unsubscribed-never-worked').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByTestId('policy-error-unsubscribed-never-worked').textContent()).toContain('(versie 2018-05) ten hoogste 3 kalendermaanden')
    expect(await page.getByTestId('policy-error-legal-hold-payroll').count()).toBe(0)
    await screenshot(page, 'retention-03-policy-refused')
    await page.getByTestId('policy-amount-unsubscribed-never-worked').fill('2')
    await page.getByTestId('policy-save').click()
    await page.getByTestId('policy-saved').waitFor()
    expect(await page.getByTestId('policy-version-row').count()).toBe(2)
    expect(await page.getByTestId('policy-amount-unsubscribed-never-worked').inputValue()).toBe('2')
    await screenshot(page, 'retention-04-policy')
    expect(pageProblems(page)).toEqual([])
  })
})

/** Issue 13 (R-11a): the re-confirmation list, for office staff, answered from the keyboard. */
describe('re-confirmation list in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    e = await startE2e({ setup: true }) // clock 2026-11-27
    const app = e.harness.app
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    await app.vault.dataSource.transaction(async (m) => {
      // no activity since 2025-11-20: asked to re-confirm on 2026-11-20, reply by 2026-12-20
      ids['anna'] = (await insertPerson(m, { person: { ref: 'K-0101', givenName: 'Anna', familyName: 'de Vries', registeredOn: '2025-11-20', lastActivityOn: '2025-11-20' } })).id
      ids['kees'] = (await insertPerson(m, { person: { ref: 'K-0102', givenName: 'Kees', familyName: 'Mulder', registeredOn: '2025-11-24', lastActivityOn: '2025-11-24' } })).id
      await insertPerson(m, { person: { ref: 'K-0103', givenName: 'Lotte', familyName: 'Smit', lastActivityOn: '2026-10-01' } })
    })
    await services(e.harness)('addAccount', { username: 'sanne', displayName: 'Sanne Visser', roles: ['staff'], passphrase: 'sanne tulp molen wolk' })
    await app.signOut()
  })
  afterAll(async () => {
    await e?.close()
  })

  it('lists who must re-confirm (name, reference, last activity, deadline) and records both answers from the keyboard', async () => {
    const page = await e.page()
    await e.signIn(page, 'sanne', 'sanne tulp molen wolk') // staff: no retention dashboard, but this list
    expect(await page.getByTestId('nav-retention').count()).toBe(0)
    await page.getByTestId('nav-reconfirmations').click()
    await page.getByTestId('reconfirm-table').waitFor()
    // The terms in the intro come from the policy in force.
    // (the policy arrives in its own query: wait for it rather than read the placeholder)
    await expect.poll(() => page.getByTestId('reconfirmations').textContent()).toMatch(/Geen activiteit in 12 .*binnen 1 /)
    const rows = page.getByTestId('reconfirm-row')
    expect(await rows.count()).toBe(2)
    expect(await rows.nth(0).textContent()).toContain('Anna de Vries')
    expect(await rows.nth(0).textContent()).toContain('K-0101')
    expect(await rows.nth(0).textContent()).toContain('20-11-2025')
    expect(await rows.nth(0).textContent()).toContain('20-12-2026')
    await page.getByTestId('reconfirmations').scrollIntoViewIfNeeded()
    await screenshot(page, 'retention-04-reconfirm-list')

    // Anna confirmed by e-mail: choose "how" and answer with the keyboard only.
    await rows.nth(0).getByTestId('reconfirm-how').focus()
    await rows.nth(0).getByTestId('reconfirm-how').selectOption('email')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.getByTestId('reconfirm-saved').waitFor()
    await expect.poll(() => page.getByTestId('reconfirm-row').count()).toBe(1)
    expect(await e.sql(`SELECT "fields", "reason" FROM "audit_entry" WHERE "subjectId" = :id AND "action" = 'retention.reconfirm'`, { id: ids['anna'] })).toEqual([
      { fields: '["lastActivityOn"]', reason: 'outcome=confirmed; how=email' }
    ])

    // Kees wants to leave (at the desk).
    await page.getByTestId('reconfirm-row').first().getByTestId('reconfirm-how').selectOption('desk')
    await page.getByTestId('reconfirm-row').first().getByTestId('reconfirm-leave').click()
    // Unsubscribing is asked once more, naming the person; cancelling changes nothing.
    await page.getByRole('dialog').getByText('Kees Mulder uitschrijven?').waitFor()
    await page.getByTestId('reconfirm-leave-confirm').waitFor()
    // (the dialog's opening transition has ended: the screenshot shows it, not a fade)
    const opacity = () => page.locator('.mantine-Modal-content').evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { opacity: string } }).getComputedStyle(el).opacity)
    await expect.poll(opacity).toBe('1')
    await screenshot(page, 'retention-05-reconfirm-leave-dialog')
    await page.getByTestId('reconfirm-leave-cancel').click()
    expect(await e.sql('SELECT "unsubscribedOn" FROM "person" WHERE "id" = :id', { id: ids['kees'] })).toEqual([{ unsubscribedOn: null }])
    await page.getByTestId('reconfirm-row').first().getByTestId('reconfirm-leave').click()
    await page.getByTestId('reconfirm-leave-confirm').click()
    await page.getByTestId('reconfirm-none').waitFor()
    expect(await e.sql('SELECT "unsubscribedOn" FROM "person" WHERE "id" = :id', { id: ids['kees'] })).toEqual([{ unsubscribedOn: '2026-11-27' }])
    await screenshot(page, 'retention-06-reconfirm-done')
    expect(pageProblems(page)).toEqual([])
  })
})
