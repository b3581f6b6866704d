import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vaultPaths } from '../../src/main/vault/vaultFiles'
import { runCli } from '../support/cli'
import { createCliVault } from '../support/cliVault'
import { tempDir } from '../support/testApp'
import { TEST_ENGINE } from '../support/serverTestApp'

/**
 * Issue 15 point 5, as the attack was made: failed guesses with the built CLI, then the journal
 * deleted or emptied between two runs. The maximum wait that follows is not waited out here (the
 * service test does that with a fixed clock); within it even the right passphrase is refused.
 */
// The journal is a file beside a local vault; the office server keeps sign-ins in its own table.
describe.skipIf(TEST_ENGINE === 'postgres')('dossier CLI: deleting the sign-in journal does not reset the throttle', () => {
  const { dir, cleanup } = tempDir('dossier-cli-journal-')
  const vault = join(dir, 'vault')
  const journal = vaultPaths(vault).signInJournal
  const right = { DOSSIER_USER: 'beheer', DOSSIER_PASSPHRASE: 'beheer wachtwoordzin 1' }
  const wrong = { ...right, DOSSIER_PASSPHRASE: 'helemaal verkeerd' }

  // Made in-process at the test key-derivation cost (see cliVault.ts).
  beforeAll(async () => {
    await createCliVault(vault, { admin: { username: right.DOSSIER_USER, passphrase: right.DOSSIER_PASSPHRASE } })
  })
  afterAll(cleanup)

  it.each([
    ['deleted', () => rmSync(journal)],
    ['emptied', () => writeFileSync(journal, '')]
  ])('after failed guesses, a journal %s gives no free attempt: the right passphrase waits', (_how, tamper) => {
    // Two guesses are enough to show it (each CLI run costs a process start); the service test
    // (test/main/accounts/signInJournal.test.ts) counts through the whole throttle.
    for (let i = 0; i < 2; i++) expect(runCli(['--vault', vault, 'status'], wrong).stderr).toMatch(/^error (VAULT_WRONG_PASSPHRASE|ACCOUNT_THROTTLED)/)
    tamper()
    const r = runCli(['--vault', vault, 'status', '--json'], right)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'ACCOUNT_THROTTLED' } })
  })
})
