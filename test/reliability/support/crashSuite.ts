import { existsSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, newTestApp } from '../../support/testApp'
import { buildCrashWorker } from './buildCrashWorker'
import { type TrialLog, runCliTrial, runWorkerTrial, seedDemoPersons, trialRandom, verifyAfterKill, writeImportFile } from './crashTrial'
import { bareApp } from './vaultState'

const CLI_BUILT = existsSync(join(__dirname, '../../../out/main/cli.js'))

/**
 * Crash safety (issue 8): `trials` SIGKILLs at random moments on ONE vault, so damage could
 * accumulate from trial to trial. Most trials kill the built worker (intake saves,
 * unsubscriptions, imports, sweeps, each acknowledged line by line); every fifth kills the built
 * CLI in `seed-demo`, `import` or `retention run`. With `restores`, every tenth trial kills the
 * CLI in `restore` instead (issue 15): the vault is then either the one before or the restored
 * one, whole. `DOSSIER_CRASH_SEED` replays a run; the seed is in every failure message.
 */
export function describeCrashSafety(opts: { trials: number; restores?: boolean }): void {
  const seed = Number(process.env['DOSSIER_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31))
  describe(`crash safety: ${opts.trials} SIGKILLs at random moments`, () => {
    let t: Awaited<ReturnType<typeof newTestApp>>
    let worker = ''
    let backup = ''
    const summary = { acknowledged: 0, killedMidWrite: 0, cliCompleted: 0, restored: 0 }

    beforeAll(async () => {
      worker = await buildCrashWorker()
      t = await newTestApp()
      // The backup the restore trials put back: the vault as it was at the start (no persons).
      backup = join(t.dir, 'start.dossier')
      await t.call('backupVault', { file: backup })
      await t.app.signOut()
    })
    afterAll(async () => {
      await t?.dispose()
      if (worker) rmSync(dirname(worker), { recursive: true, force: true })
      process.stderr.write(`crash safety (seed ${seed}): ${summary.acknowledged} acknowledged writes checked, ${summary.killedMidWrite} kills between intent and ack, ${summary.cliCompleted} CLI runs finished before their kill, ${summary.restored} kills in a restore that found the vault restored\n`)
    })

    const random = trialRandom(seed)
    for (let trial = 0; trial < opts.trials; trial++) {
      const pick = trial % 5
      const kind =
        !CLI_BUILT || pick === 0 || pick === 1 || pick === 3
          ? 'worker'
          : pick === 2
            ? opts.restores && trial % 10 === 7
              ? 'cli-restore'
              : 'cli-seed'
            : trial % 10 === 4
              ? 'cli-import'
              : 'cli-retention'
      // Drawn up front, so a replay with the same seed kills at the same moments.
      const killAt = random()
      it(`kill ${trial + 1}/${opts.trials} (${kind}): acknowledged writes kept, file healthy, audit chain verifies`, async () => {
        const trialSeed = (seed + trial * 7919) % 2 ** 31
        const context = `seed ${seed}, kill ${trial + 1}`
        let log: TrialLog
        if (kind === 'worker') {
          log = await runWorkerTrial(worker, t.vaultDir, trialSeed, Math.floor(killAt * 1500))
          if (!log.lines.includes('ready')) throw new Error(`${context}: the worker never got ready: ${log.lines.join(' | ')} ${log.stderr.slice(0, 300)}`)
          await verifyAfterKill(t.vaultDir, log, `${context} (worker, killed ${log.killedAfterMs} ms after ready)`)
        } else if (kind === 'cli-seed') {
          const persons = 600
          const seedArg = 100_000 + (trialSeed % 1_000_000)
          log = await runCliTrial(kind, t.vaultDir, ['seed-demo', '--persons', String(persons), '--seed', String(seedArg)], 200 + Math.floor(killAt * 2500))
          await verifyAfterKill(t.vaultDir, log, `${context} (cli seed-demo, killed at ${log.killedAfterMs} ms)`, { refPrefix: `DEMO-${seedArg}-`, fullCount: seedDemoPersons(persons, seedArg) })
        } else if (kind === 'cli-import') {
          const { file, refs } = writeImportFile(t.dir, `CLI-${trialSeed}-`, 150, trialSeed)
          log = await runCliTrial(kind, t.vaultDir, ['import', file], 200 + Math.floor(killAt * 2500))
          await verifyAfterKill(t.vaultDir, log, `${context} (cli import, killed at ${log.killedAfterMs} ms)`, { refs })
        } else if (kind === 'cli-restore') {
          // The restoring CLI's sign-in runs the retention catch-up first: let it find nothing due.
          const swept = await runCliTrial('cli-retention', t.vaultDir, ['retention', 'run'], 60_000)
          if (swept.exitCode !== 0) throw new Error(`${context}: the sweep before the restore failed: ${swept.stderr.slice(0, 300)}`)
          const before = await personCount(t.vaultDir)
          log = await runCliTrial(kind, t.vaultDir, ['restore', backup, '--yes'], 200 + Math.floor(killAt * 3000))
          await verifyAfterKill(t.vaultDir, log, `${context} (cli restore, killed at ${log.killedAfterMs} ms)`)
          // All or nothing: the vault before (its persons), or the backup's (none).
          const after = await personCount(t.vaultDir)
          expect([before, 0], `${context}: restore (exit ${log.exitCode}) left ${after} of ${before} persons`).toContain(after)
          if (after === 0 && before > 0) summary.restored++
        } else {
          log = await runCliTrial(kind, t.vaultDir, ['retention', 'run'], 200 + Math.floor(killAt * 2000))
          await verifyAfterKill(t.vaultDir, log, `${context} (cli retention run, killed at ${log.killedAfterMs} ms)`)
        }
        if (log.kind !== 'worker' && log.exitCode !== null && log.exitCode !== 0) {
          throw new Error(`${context}: the CLI failed on its own (exit ${log.exitCode}): ${log.stderr.slice(0, 300)}`)
        }
        expect(log.lines.find((l) => l.startsWith('fatal')), `${context}: the worker failed on its own`).toBeUndefined()
        summary.acknowledged += log.lines.filter((l) => l.startsWith('ack ')).length
        if (log.killed && (log.lines.at(-1) ?? '').startsWith('intent ')) summary.killedMidWrite++
        if (log.kind !== 'worker' && log.exitCode === 0) summary.cliCompleted++
      }, 90_000)
    }
  })
}

async function personCount(vaultDir: string): Promise<number> {
  const app = bareApp(vaultDir)
  await app.signIn(ADMIN.username, ADMIN.passphrase)
  try {
    return (app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n
  } finally {
    await app.close()
  }
}
