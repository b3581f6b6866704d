import { systemClock } from '../../src/main/clock'
import { headlessChromiumPdf } from '../../src/main/rights/headlessChromiumPdf'
import { DossierApp } from '../../src/main/services/DossierApp'
import type { ServerApp } from '../../src/main/services/ServerApp'
import { createDossierApp, createServerApp } from '../../src/main/services/createDossierApp'
import { createDispatcher } from '../../src/main/services/dispatcher'
import type { StaffRole } from '../../src/shared/domain'
import { createContractClient } from '../../src/shared/contract/client'
import { deskFolderIsOffice, officeOf } from './cliDesk'
import { newServerTestApp, TEST_ENGINE } from './serverTestApp'
import { TEST_KDF_N } from './testApp'

export interface CliVaultAccount {
  username: string
  passphrase: string
  displayName?: string
}

/**
 * A vault for tests of the BUILT CLI, made in-process as `dossier init` and `dossier user add`
 * make it (`setupVault`, then `addAccount` through the contract client, on the system clock), but
 * with key slots at the test scrypt cost (TEST_KDF_N). A key slot stores its own cost, so every
 * later CLI run unlocks it cheaply: the production derivation (2^16, ~0.3 s CPU and 64 MiB per
 * run) is paid only where a test's subject is a slot the CLI itself writes (init, user add,
 * recover). The vault is closed again when this returns. The recovery key is returned.
 */
export async function createCliVault(
  vaultDir: string,
  opts: { admin: CliVaultAccount; users?: (CliVaultAccount & { roles: StaffRole[] })[] }
): Promise<{ recoveryKey: string }> {
  const { admin } = opts
  let app: DossierApp | ServerApp
  let recoveryKey: string
  if (TEST_ENGINE === 'postgres') {
    // On the test server (cliDesk.ts): an office set up as `server init --admin` sets one up; the
    // CLI's `--vault vaultDir` goes to it. It lives as long as the test process's cluster.
    const office = await newServerTestApp({ clock: systemClock, kdfN: TEST_KDF_N, admin: { ...admin, displayName: admin.displayName ?? admin.username }, setup: true })
    deskFolderIsOffice(vaultDir, office.address)
    app = office.app
    recoveryKey = office.recoveryKey
  } else {
    app = new DossierApp({ vaultDir, clock: systemClock, kdfN: TEST_KDF_N })
    recoveryKey = ''
  }
  const { call } = createContractClient(createDispatcher(app))
  try {
    if (app instanceof DossierApp) ({ recoveryKey } = await call('setupVault', { username: admin.username, displayName: admin.displayName ?? admin.username, passphrase: admin.passphrase }))
    for (const u of opts.users ?? []) {
      await call('addAccount', { username: u.username, displayName: u.displayName ?? u.username, roles: u.roles, passphrase: u.passphrase })
    }
    return { recoveryKey }
  } finally {
    if (app.vaultState() === 'unlocked') await app.signOut()
    await app.close()
  }
}

/**
 * The desk `createCliVault` made, opened in-process as the CLI opens it (`createDossierApp` or
 * `createServerApp`, the system clock; not signed in): the local vault, or a desk of the office the
 * folder stands for on the test server. For a suite's fixtures.
 */
export function openCliDesk(vaultDir: string): DossierApp {
  const office = officeOf(vaultDir)
  if (!office) return createDossierApp({ vaultDir, clock: systemClock, kdfN: TEST_KDF_N, pdfRenderer: headlessChromiumPdf })
  // The same calls on a ServerApp (as newTestApp hands one out on this engine), as the CLI makes it.
  return createServerApp({ server: office, clock: systemClock, kdfN: TEST_KDF_N, pdfRenderer: headlessChromiumPdf }) as unknown as DossierApp
}
