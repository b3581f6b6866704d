import { systemClock } from '../../src/main/clock'
import { DossierApp } from '../../src/main/services/DossierApp'
import { createDispatcher } from '../../src/main/services/dispatcher'
import type { StaffRole } from '../../src/shared/domain'
import { createContractClient } from '../../src/shared/contract/client'
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
  const app = new DossierApp({ vaultDir, clock: systemClock, kdfN: TEST_KDF_N })
  const { call } = createContractClient(createDispatcher(app))
  try {
    const { admin } = opts
    const { recoveryKey } = await call('setupVault', { username: admin.username, displayName: admin.displayName ?? admin.username, passphrase: admin.passphrase })
    for (const u of opts.users ?? []) {
      await call('addAccount', { username: u.username, displayName: u.displayName ?? u.username, roles: u.roles, passphrase: u.passphrase })
    }
    return { recoveryKey }
  } finally {
    if (app.vaultState() === 'unlocked') await app.signOut()
    await app.close()
  }
}
