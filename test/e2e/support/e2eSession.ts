import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { FixedClock } from '../../../src/main/clock'
import { ADMIN, countWith, TEST_KDF_N, tempDir } from '../../support/testApp'
import { type Harness, startHarness } from '../harness/server'
import { launchBrowser, newPage } from './browser'
import type { ServerAddress } from '../../../src/main/server/initServer'
import type { ServerApp } from '../../../src/main/services/ServerApp'
import { newServerTestApp, TEST_ENGINE } from '../../support/serverTestApp'
import { deskFolderIsOffice } from '../../support/cliDesk'
import { portableQuery } from '../../../src/main/vault/portableQuery'

/** One browser + harness + fresh vault per test file. */
export async function startE2e(opts: { setup?: boolean; start?: string } = {}) {
  const { dir, cleanup } = tempDir('dossier-e2e-')
  const clock = new FixedClock(opts.start ?? '2026-11-27T10:00:00Z')
  // On the office server (issue 17 point 6): a fresh office prepared as `server init --admin`
  // prepares one, in place of a vault set up at the first run; its database goes at close.
  const made: { office?: Awaited<ReturnType<typeof newServerTestApp>> } = {}
  if (TEST_ENGINE === 'postgres' && !opts.setup) throw new Error('a first run sets up a local vault; an office server is prepared by `server init`')
  const server =
    TEST_ENGINE === 'postgres'
      ? async (makeApp: (address: ServerAddress) => ServerApp) => (made.office = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ADMIN, setup: true, makeApp })).app
      : undefined
  const vaultDir = join(dir, 'vault')
  const harness: Harness = await startHarness({ vaultDir, clock, kdfN: TEST_KDF_N, server })
  if (made.office) deskFolderIsOffice(vaultDir, made.office.address)
  let recoveryKey = ''
  if (opts.setup) {
    recoveryKey = made.office ? made.office.recoveryKey : (await harness.app.setup(ADMIN)).recoveryKey
    await harness.app.signOut()
  }
  const browser: Browser = await launchBrowser()
  const sql = <T>(text: string, params: Record<string, unknown> = {}): Promise<T[]> =>
    made.office ? made.office.sql<T>(text, params) : portableQuery<T>(harness.app.vault.dataSource.manager, text, params)
  return {
    harness,
    /** the test's folder: the vault in `vault/`, the desk's settings (desk.json) beside it */
    dir,
    /** the vault's folder; on the office server it stands for the office (test/support/cliDesk.ts) */
    vaultDir,
    clock,
    browser,
    recoveryKey,
    /**
     * SQL on what is stored, on either engine (`:name` parameters, identifiers in double quotes), as
     * newTestApp's `sql`: the open vault's own connection, or the office's schema owner.
     */
    sql,
    /** `sql`'s one number (a `count(*) AS "n"`). */
    sqlCount: countWith(sql),
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
      await made.office?.dispose()
      cleanup()
    }
  }
}
