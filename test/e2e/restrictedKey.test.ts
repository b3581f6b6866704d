import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAccount } from '../../src/main/accounts/accountService'
import { recordConsent } from '../../src/main/consent/recordConsent'
import { saveSpecialData } from '../../src/main/consent/saveSpecialData'
import { tamperWithAuditTrail } from '../main/audit/tamper'
import { insertPerson, specialConsent } from '../main/consent/consentFixtures'
import { ADMIN } from '../support/testApp'
import { pageProblems, screenshot } from './support/browser'
import { startE2e } from './support/e2eSession'
import { TEST_ENGINE } from '../support/serverTestApp'

/**
 * Issue 15 in real Chromium: office staff see that special data exists and can record it, but the
 * tab says only a privacy officer can view it (their key cannot open it); and when the audit
 * trail's tail is cut off behind the app's back, the admin's next sign-in shows it at once.
 */
describe('restricted key and witnessed heads in the browser', () => {
  let e: Awaited<ReturnType<typeof startE2e>>
  const STAFF = { username: 'medewerker', passphrase: 'medewerker wachtwoordzin lang genoeg' }
  beforeAll(async () => {
    e = await startE2e({ setup: true })
    const app = e.harness.app
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    await addAccount(app, { username: STAFF.username, displayName: 'Mila Medewerker', roles: ['staff'], passphrase: STAFF.passphrase })
    const personId = await insertPerson({ app, clock: e.clock }, { givenName: 'Fenna', familyName: 'Jansen' })
    const { endsOn: _noEnd, ...consent } = specialConsent(personId)
    await recordConsent(app, consent)
    await saveSpecialData(app, { personId, category: 'religion', purpose: 'personnel', value: 'Dieet: halal (E2E-VERZEGELD)' })
    await app.signOut()
  })
  afterAll(async () => {
    await e?.close()
  })

  it('office staff: the special-data section says only a privacy officer can view it, and offers no show button', async () => {
    const page = await e.page()
    await e.signIn(page, STAFF.username, STAFF.passphrase)
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-search').fill('Jansen')
    await page.getByTestId('records-row').first().click()
    await page.getByTestId('tab-consent').click()
    await page.getByTestId('special-hidden-note').getByText('alleen privacy officers', { exact: false }).waitFor()
    expect(await page.getByTestId('special-show').count()).toBe(0)
    expect(await page.getByText('E2E-VERZEGELD', { exact: false }).count()).toBe(0)
    await screenshot(page, 'restricted-01-staff-special-section')
    expect(pageProblems(page)).toEqual([])
    await page.getByTestId('signout-button').click()
    await page.getByTestId('signin-username').waitFor()
    await page.close()
  })

  // A local key slot witnesses the audit head; on the office server the trail is append-only for
  // every login and its superuser is the one the operations checklist trusts (README), and
  // `audit anchor` proves a rewrite on both engines (test/cli/governance.test.ts).
  it.skipIf(TEST_ENGINE === 'postgres')('the admin is told at sign-in when the audit trail was cut short behind the app\'s back', async () => {
    const app = e.harness.app
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    const head = (await app.audit.head(app.vault.dataSource.manager))!
    await app.signOut() // witnesses head.seq + 1 in the admin's key slot
    await tamperWithAuditTrail(e.vaultDir, `DELETE FROM "audit_entry" WHERE "seq" >= ${head.seq - 2}`)
    const page = await e.page()
    await e.signIn(page)
    const alert = page.getByTestId('audit-alert')
    await alert.getByText('De audittrail is aangetast').waitFor()
    expect(await alert.textContent()).toContain('Beheerder')
    await screenshot(page, 'restricted-02-audit-alert')
    await page.getByTestId('nav-audit').click()
    await page.getByTestId('audit-verify').click()
    await page.locator('[data-testid="audit-verdict"][data-ok="false"]').waitFor()
    await screenshot(page, 'restricted-03-verify-witness')
    expect(pageProblems(page)).toEqual([])
  })
})
