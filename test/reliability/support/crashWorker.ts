import 'reflect-metadata'
import { parseArgs } from 'node:util'
import { FixedClock } from '../../../src/main/clock'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import { DossierApp } from '../../../src/main/services/DossierApp'
import { DUE_REGISTERED_ON, DUE_UNSUBSCRIBED_ON, importRows, intakeInputs } from './intake'

/**
 * The crash suite's child process (built by buildCrashWorker into plain Node): signs in, then
 * does intake saves, R-12 unsubscriptions, imports and retention sweeps in a random mix until it
 * is killed. It prints `intent …` before each write and `ack …` once the write is committed (the
 * call returned; the vault runs `synchronous=FULL`). stdout is a pipe, which Node writes
 * synchronously on Linux, so every printed line reaches the parent even after SIGKILL.
 * Synthetic data only (the demo generator); lines carry ids and refs, never personal data.
 */
const { values } = parseArgs({
  options: { vault: { type: 'string' }, user: { type: 'string' }, today: { type: 'string' }, seed: { type: 'string' } }
})
const seed = Number(values.seed)
const today = values.today!
const say = (line: string) => process.stdout.write(`${line}\n`)

let state = seed >>> 0 || 1
const random = () => {
  // xorshift32: the mix of work is reproducible from the trial's seed
  state ^= state << 13
  state >>>= 0
  state ^= state >>> 17
  state ^= state << 5
  state >>>= 0
  return state / 2 ** 32
}

async function main(): Promise<void> {
  // As the desktop app runs (issue 18): the session's checkpoints on the WAL checkpointer's worker thread.
  const app = new DossierApp({ vaultDir: values.vault!, clock: new FixedClock(`${today}T10:00:00Z`), backgroundCheckpoints: true })
  const invoke = createDispatcher(app)
  const signedIn = await invoke('signIn', { username: values.user!, passphrase: process.env['DOSSIER_PASSPHRASE'] ?? '' })
  if (!signedIn.ok) {
    say(`fatal ${signedIn.error.code}`)
    process.exit(3)
  }
  say('ready')
  const intakes = intakeInputs({ count: 300, seed, today, registeredOn: DUE_REGISTERED_ON })
  const notYetDue: string[] = []
  let next = 0
  let imports = 0
  for (;;) {
    const roll = random()
    if (roll < 0.45 && next < intakes.length) {
      const ref = `CR-${seed}-${++next}`
      say(`intent create ${ref}`)
      const r = await invoke('createPerson', { ...intakes[next - 1], ref, confirmNotDuplicate: true })
      if (r.ok) {
        const id = (r.value as { personId: string }).personId
        notYetDue.push(id)
        say(`ack create ${id} ${ref}`)
      } else say(`refused create ${r.error.code}`)
    } else if (roll < 0.6 && notYetDue.length > 0) {
      // unsubscribed more than three months ago and never worked: the next sweep deletes it.
      const id = notYetDue.shift()!
      say(`intent due ${id}`)
      const r = await invoke('setUnsubscribed', { personId: id, unsubscribedOn: DUE_UNSUBSCRIBED_ON })
      say(r.ok ? `ack due ${id}` : `refused due ${r.error.code}`)
    } else if (roll < 0.75) {
      const rows = importRows({ count: 8, seed: seed * 100 + ++imports, today, refPrefix: `CI-${seed}-${imports}-` })
      const refs = rows.map((p) => p.ref).join(',')
      say(`intent import ${refs}`)
      const r = await invoke('importPersons', { text: JSON.stringify({ format: 'dossier-import/1', persons: rows }) })
      say(r.ok ? `ack import ${refs}` : `refused import ${r.error.code}`)
    } else {
      say('intent sweep')
      const r = await invoke('runRetention', {})
      say(r.ok ? `ack sweep ${(r.value as { id: string }).id}` : `refused sweep ${r.error.code}`)
    }
  }
}

main().catch((e: unknown) => {
  say(`fatal ${(e as { code?: string }).code ?? (e instanceof Error ? e.name : 'error')}`)
  process.exit(4)
})
