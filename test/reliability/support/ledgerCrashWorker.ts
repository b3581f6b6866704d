import 'reflect-metadata'
import { parseArgs } from 'node:util'
import { FixedClock } from '../../../src/main/clock'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import { DossierApp } from '../../../src/main/services/DossierApp'
import { ErasureLedger } from '../../../src/main/vault/erasureLedger'

/**
 * The erasure-ledger crash test's child process (built by buildCrashWorker into plain Node): signs
 * in, then erases one person (`--erase ID`) or runs the retention sweep (`--sweep`) — and kills
 * itself with SIGKILL the moment the erasure ledger's append has resolved, which is after the
 * entry is synced and before the transaction commits: the one window the ledger's ordering is
 * about. Prints `ledger-written` just before. Ids only, no personal data.
 */
const { values } = parseArgs({
  options: { vault: { type: 'string' }, user: { type: 'string' }, today: { type: 'string' }, erase: { type: 'string' }, sweep: { type: 'boolean' } }
})
const say = (line: string) => process.stdout.write(`${line}\n`)

const append = ErasureLedger.prototype.append
ErasureLedger.prototype.append = async function (this: ErasureLedger, ...args: Parameters<typeof append>) {
  await append.apply(this, args)
  say('ledger-written')
  process.kill(process.pid, 'SIGKILL')
}

async function main(): Promise<void> {
  const app = new DossierApp({ vaultDir: values.vault!, clock: new FixedClock(`${values.today!}T10:00:00Z`) })
  const invoke = createDispatcher(app)
  const signedIn = await invoke('signIn', { username: values.user!, passphrase: process.env['DOSSIER_PASSPHRASE'] ?? '' })
  if (!signedIn.ok) {
    say(`fatal ${signedIn.error.code}`)
    process.exit(3)
  }
  say('ready')
  const r = values.erase
    ? await invoke('requestAndApplyErasure', { personId: values.erase, reason: 'Verzoek van betrokkene' })
    : await invoke('runRetention', {})
  // Only reached when nothing was removed (the ledger was never written).
  say(r.ok ? 'done-without-ledger' : `refused ${r.error.code}`)
  process.exit(5)
}

main().catch((e: unknown) => {
  say(`fatal ${(e as { code?: string }).code ?? (e instanceof Error ? e.name : 'error')}`)
  process.exit(4)
})
