import type { Clock } from '../src/main/clock'
import { DossierApp } from '../src/main/services/DossierApp'
import { AccountEntity } from '../src/main/vault/entities/Account'
import { PlainVault, openPlain } from '../src/main/vault/openPlain'
import { Vault } from '../src/main/vault/Vault'
import { headlessChromiumPdf } from '../src/main/rights/headlessChromiumPdf'

/**
 * A DossierApp whose "vault" is the plain twin, signed in as `username`, so the very same
 * dispatcher, services and audit code run on the unencrypted baseline.
 *
 * DossierApp has no seam to adopt an already-open database (only `signIn`, which unwraps a key
 * slot and opens an encrypted Vault), so this sets its two private fields. It checks that they
 * exist, so a rename fails loudly here instead of measuring the wrong thing. Bench-only.
 */
/**
 * Vault members the plain twin does not need: key-slot management and the key itself exist only
 * with encryption. Anything else Vault gains must be mirrored in openPlain.ts, or the services
 * would fail on the twin (or, worse, measure a different path).
 */
const ENCRYPTION_ONLY = new Set(['constructor', 'setAccountSlot', 'removeAccountSlot'])

function assertPlainMirrorsVault(): void {
  const missing = Object.getOwnPropertyNames(Vault.prototype).filter((m) => !ENCRYPTION_ONLY.has(m) && !(m in PlainVault.prototype))
  if (missing.length > 0) throw new Error(`src/main/vault/openPlain.ts: PlainVault lacks Vault's ${missing.join(', ')} — mirror it for the baseline`)
}

export async function openPlainApp(dir: string, clock: Clock, username: string): Promise<{ app: DossierApp; plain: PlainVault }> {
  assertPlainMirrorsVault()
  const plain = await openPlain(dir)
  const account = await plain.dataSource.getRepository(AccountEntity).findOneByOrFail({ username })
  const app = new DossierApp({ vaultDir: dir, clock, pdfRenderer: headlessChromiumPdf })
  const fields = app as unknown as Record<string, unknown>
  if (!('vaultHandle' in fields) || !('sessionInfo' in fields)) {
    await plain.close()
    throw new Error('DossierApp changed: the bench cannot adopt the plain twin (vaultHandle/sessionInfo)')
  }
  fields['vaultHandle'] = plain
  fields['sessionInfo'] = { accountId: account.id, username: account.username, displayName: account.displayName, roles: account.roles }
  app.touch()
  return { app, plain }
}
