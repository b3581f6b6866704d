import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { FixedClock } from '../../../src/main/clock'
import { ADMIN, TEST_KDF_N, tempDir } from '../../support/testApp'
import { type Harness, startHarness } from '../harness/server'
import { launchBrowser, newPage } from './browser'

/** One browser + harness + fresh vault per test file. */
export async function startE2e(opts: { setup?: boolean; start?: string } = {}) {
  const { dir, cleanup } = tempDir('dossier-e2e-')
  const clock = new FixedClock(opts.start ?? '2026-11-27T10:00:00Z')
  const harness: Harness = await startHarness({ vaultDir: join(dir, 'vault'), clock, kdfN: TEST_KDF_N })
  let recoveryKey = ''
  if (opts.setup) {
    recoveryKey = (await harness.app.setup(ADMIN)).recoveryKey
    await harness.app.signOut()
  }
  const browser: Browser = await launchBrowser()
  return {
    harness,
    /** the test's folder: the vault in `vault/`, the desk's settings (desk.json) beside it */
    dir,
    clock,
    browser,
    recoveryKey,
    page: (): Promise<Page> => newPage(browser, harness.url),
    async signIn(page: Page, username = ADMIN.username, passphrase = ADMIN.passphrase) {
      await page.getByTestId('signin-username').fill(username)
      await page.getByTestId('signin-passphrase').fill(passphrase)
      await page.getByTestId('signin-submit').click()
      await page.getByTestId('signout-button').waitFor()
    },
    async close() {
      await browser.close()
      await harness.close()
      cleanup()
    }
  }
}
