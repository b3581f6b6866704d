import { resolve } from 'node:path'
import type { Command } from 'commander'
import { passphraseProblem } from '../../../shared/validation/passphrase'
import { systemClock } from '../../clock'
import { createDossierApp } from '../../services/createDossierApp'
import { checkedByContract, CliFailure, globals, print, secretFromEnvOrPrompt, toFailure, userOf, vaultDirOf, withSession } from '../cliContext'
import { createContractClient } from '../../../shared/contract/client'
import type { StaffRole } from '../../../shared/domain'
import type { RestorePreview } from '../../../shared/contract/vault'
import { promptLine } from '../prompt'

/** init, status, user add/list, backup, restore, recover. */
export function registerVaultCommands(program: Command): void {
  program
    .command('init')
    .description('create a new vault with its first account (admin + privacy officer)')
    .requiredOption('--admin <name>', 'account name of the first administrator')
    .option('--display-name <name>', 'display name')
    .action(async (o: { admin: string; displayName?: string }, cmd: Command) => {
      const g = globals(cmd)
      const app = createDossierApp({ vaultDir: vaultDirOf(g), clock: systemClock })
      const { createDispatcher } = await import('../../services/dispatcher')
      const { call } = createContractClient(createDispatcher(app))
      let recoveryKey: string
      try {
        const passphrase = await secretFromEnvOrPrompt('DOSSIER_PASSPHRASE', 'New passphrase (12+ characters): ')
        recoveryKey = (await call('setupVault', { username: o.admin, displayName: o.displayName ?? o.admin, passphrase })).recoveryKey
      } catch (e) {
        throw toFailure(e)
      } finally {
        await app.close()
      }
      print(g, { recoveryKey }, () =>
        [
          'Vault created.',
          'RECOVERY KEY (shown once — print it or write it down and keep it in a safe place):',
          `  ${recoveryKey}`
        ].join('\n')
      )
    })

  program
    .command('status')
    .description('schema version and record counts')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const status = await withSession(g, (s) => s.call('getVaultStatus'))
      print(g, status, () => Object.entries(status).map(([k, v]) => `${k}: ${String(v)}`).join('\n'))
    })

  const user = program.command('user').description('staff accounts')
  user
    .command('add <name>')
    .description('add a staff account; its first passphrase from DOSSIER_NEW_PASSPHRASE or a prompt')
    .option('--role <role...>', 'staff | privacy_officer | admin', ['staff'])
    .option('--display-name <name>', 'display name')
    .action(async (name: string, o: { role: string[]; displayName?: string }, cmd: Command) => {
      const g = globals(cmd)
      const passphrase = await secretFromEnvOrPrompt('DOSSIER_NEW_PASSPHRASE', `Passphrase for ${name}: `)
      const account = await withSession(g, (s) => s.call('addAccount', { username: name, displayName: o.displayName ?? name, roles: checkedByContract<StaffRole[]>(o.role), passphrase }))
      print(g, account, () => `Account added.`)
    })
  user
    .command('list')
    .description('list staff accounts')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const accounts = await withSession(g, (s) => s.call('listAccounts'))
      print(g, accounts, () => accounts.map((a) => `${a.username}\t${a.roles.join(',')}${a.disabled ? '\t(disabled)' : ''}`).join('\n'))
    })

  program
    .command('backup')
    .description('write an encrypted backup of the whole vault (admin or privacy officer)')
    .requiredOption('--out <file>', 'backup file, FILE.dossier')
    .action(async (o: { out: string }, cmd: Command) => {
      const g = globals(cmd)
      const result = await withSession(g, (s) => s.call('backupVault', { file: resolve(o.out) }))
      print(g, { ok: true, ...result }, () => `Backup written (${result.bytes} bytes).`)
    })

  program
    .command('restore <file>')
    .description(
      'replace the vault with a backup (admin only; refuses a backup it cannot open). Signs in with DOSSIER_PASSPHRASE; the passphrase in the backup is DOSSIER_BACKUP_PASSPHRASE, or the same one'
    )
    .option('--replace-other-vault <vaultId>', 'restore a backup of ANOTHER vault (every account and all data are replaced): type that vault\'s id, as the refusal names it')
    .option('--yes', 'replace without asking: the preview of what is newer than the backup is printed, not confirmed')
    .action(async (file: string, o: { replaceOtherVault?: string; yes?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      const backupPassphrase = process.env['DOSSIER_BACKUP_PASSPHRASE']
      const r = await withSession(g, async (s) => {
        const passphrase = backupPassphrase ?? (await secretFromEnvOrPrompt('DOSSIER_PASSPHRASE', 'Passphrase (of the backup): '))
        const input = { file: resolve(file), passphrase, ...(o.replaceOtherVault ? { replaceWithOtherVault: o.replaceOtherVault } : {}) }
        // Issue 15 point 3: what the restore undoes, shown and confirmed before anything is replaced.
        const preview = await s.call('previewRestore', input)
        if (!g.json) process.stdout.write(describeRestorePreview(preview) + '\n')
        if (!o.yes) await confirmRestore()
        return { preview, ...(await s.call('restoreVault', input)) }
      })
      print(g, { ok: true, preview: r.preview, reapplied: r.reapplied, preRestoreBackup: r.preRestoreBackup }, () =>
        [
          `Vault restored. The vault as it was is kept in ${r.preRestoreBackup}.`,
          ...(r.reapplied > 0 ? [`${r.reapplied} erasure(s) and retention deletion(s) made since the backup were applied again.`] : [])
        ].join('\n')
      )
    })

  program
    .command('recover')
    .description('with the recovery key (DOSSIER_RECOVERY_KEY or prompt), set a new admin passphrase (DOSSIER_NEW_PASSPHRASE or prompt)')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const app = createDossierApp({ vaultDir: vaultDirOf(g), clock: systemClock })
      try {
        const key = await secretFromEnvOrPrompt('DOSSIER_RECOVERY_KEY', 'Recovery key: ')
        const next = await secretFromEnvOrPrompt('DOSSIER_NEW_PASSPHRASE', 'New passphrase (12+ characters): ')
        // The shared passphrase rule, before the recovery key is even tried.
        if (passphraseProblem(next)) throw new CliFailure('PASSPHRASE_TOO_SHORT', 'the passphrase needs at least 12 characters')
        await app.recover(key, userOf(g), next)
      } finally {
        await app.close()
      }
      print(g, { ok: true }, () => 'New passphrase set. The use of the recovery key is in the audit trail.')
    })
}

/** The restore preview for people: counts and the backup's date, no personal data. */
export function describeRestorePreview(p: RestorePreview): string {
  return [
    p.backup.sameVault ? 'Backup of this vault.' : `Backup of ANOTHER vault (${p.backup.vaultId}): every account and all data are replaced.`,
    `Backup taken: ${p.backup.takenAt ?? 'unknown (its audit trail is empty)'} (${p.backup.persons} persons, ${p.backup.auditEntries} audit entries).`,
    'Newer than the backup in this vault, undone by the restore (kept in the pre-restore backup):',
    `  audit entries: ${p.newerThanBackup.auditEntries}`,
    `  persons: ${p.newerThanBackup.persons}`,
    `  erasures and retention deletions: ${p.newerThanBackup.erasures} (${p.reapply} will be applied again after the restore)`
  ].join('\n')
}

const CONFIRMATION = 'RESTORE'

/** Issue 15 point 3: the restore replaces the vault only after `RESTORE` is typed (or `--yes`). */
async function confirmRestore(): Promise<void> {
  let answer: string
  try {
    answer = await promptLine(`Type ${CONFIRMATION} to replace the vault with this backup: `)
  } catch {
    throw new CliFailure('USAGE', `restoring replaces the vault: confirm in a terminal, or pass --yes`)
  }
  if (answer.trim() !== CONFIRMATION) throw new CliFailure('CANCELLED', 'not confirmed; the vault is unchanged')
}
