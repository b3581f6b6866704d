import type { Command } from 'commander'
import type { DataSource } from 'typeorm'
import type { StaffRole } from '../../../shared/domain'
import { DossierError } from '../../../shared/errors'
import { checkedByContract, CliFailure, globals, print, secretFromEnvOrPrompt, toFailure, userOf, vaultDirOf } from '../cliContext'

/** The office server's address: `--url`, else `DOSSIER_SERVER_URL`. */
function serverUrlOf(url: string | undefined): string {
  const raw = url ?? process.env['DOSSIER_SERVER_URL']
  if (!raw) throw new CliFailure('USAGE', 'no server: pass --url URL or set DOSSIER_SERVER_URL')
  return raw
}

/** `work` on a connection to the office server at `raw` (checked first), closed afterwards; a failure as the server's stable code (`serverErrors.ts`). */
async function withServer<T>(raw: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const { parseServerUrl } = await import('../../server/serverAddress')
  const { serverFailure } = await import('../../server/serverErrors')
  const { serverDataSource } = await import('../../server/initServer')
  try {
    const db = serverDataSource(parseServerUrl(raw))
    try {
      await db.initialize()
      return await work(db)
    } finally {
      if (db.isInitialized) await db.destroy().catch(() => undefined)
    }
  } catch (e) {
    throw toFailure(serverFailure(e))
  }
}

/** The owner's address (`--url`) and the administrator this work is done as (`--user`, DOSSIER_PASSPHRASE): import-vault, backup, restore. */
async function ownerWithAdmin(o: { url?: string }, cmd: Command): Promise<{ g: ReturnType<typeof globals>; url: string; admin: { username: string; passphrase: string } }> {
  const g = globals(cmd)
  const url = serverUrlOf(o.url)
  const username = userOf(g)
  const passphrase = await secretFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Passphrase of ${username}: `)
  return { g, url, admin: { username, passphrase } }
}

/** The desktop app's folder: `--desk`, else DOSSIER_DESK, else the app's own on this computer. */
async function deskDirOf(o: { desk?: string }): Promise<string> {
  const { defaultDeskDir } = await import('../../services/deskChoice')
  return o.desk ?? process.env['DOSSIER_DESK'] ?? defaultDeskDir()
}

/** The rows a backup, an import or a restore counted, all tables together. */
const totalRows = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0)

/** server init, server add-login: the office server (issue 17). */
export function registerServerCommands(program: Command): void {
  const server = program.command('server').description('the office server (PostgreSQL): several desks, one data set')
  server
    .command('init')
    .description('prepare a PostgreSQL database, as its owner: the migrations, the group role of each Dossier role, grants and row policies; again after an update (changes nothing when done)')
    .option('--url <url>', 'postgres://OWNER@HOST/DB?sslmode=verify-full, or ?host=/socket/folder on this machine (or DOSSIER_SERVER_URL)')
    .option('--admin <name>', "the first administrator: their login, account and key slot (the passphrase from DOSSIER_NEW_PASSPHRASE or a prompt), with the office's keys and a recovery key, printed once; run as an owner with CREATEROLE")
    .action(async (o: { url?: string; admin?: string }, cmd: Command) => {
      const url = serverUrlOf(o.url)
      const admin = o.admin ? { accountName: o.admin, passphrase: await secretFromEnvOrPrompt('DOSSIER_NEW_PASSPHRASE', `Passphrase for ${o.admin}: `) } : null
      if (admin) {
        const { requireStrongPassphrase } = await import('../../accounts/passphraseStrength')
        await requireStrongPassphrase(admin.passphrase, [admin.accountName], 'passphrase').catch((e: unknown) => {
          throw toFailure(e)
        })
      }
      const { initServer } = await import('../../server/initServer')
      const { ServerApp } = await import('../../services/ServerApp')
      const { systemClock } = await import('../../clock')
      const { GROUP_ROLES } = await import('../../server/serverRoles')
      const result = await withServer(url, async (db) => {
        const done = await initServer(db)
        // The office's keys, the first administrator's login, account and key slot, and the trail's first entries.
        const keys = admin ? await ServerApp.prepareOffice(db, { username: admin.accountName, displayName: admin.accountName, passphrase: admin.passphrase }, systemClock) : null
        return { ...done, officeKeys: admin ? (keys ? 'made' : 'kept') : 'none', recoveryKey: keys?.recoveryKey ?? null }
      })
      const groupRoles = Object.values(GROUP_ROLES)
      print(globals(cmd), { ...result, groupRoles }, () =>
        [
          `Office server ready: ${result.migrationsRun} migrations run, ${result.tables} tables; group roles ${groupRoles.join(', ')}.`,
          result.officeKeys === 'made' ? `Office keys made. Recovery key (write it down, it is shown once): ${result.recoveryKey}` : result.officeKeys === 'kept' ? 'The office already has its keys: kept.' : ''
        ]
          .filter(Boolean)
          .join('\n')
      )
    })

  server
    .command('add-login <name>')
    .description("a staff account's own PostgreSQL login in the group role of each of its roles; its passphrase from DOSSIER_NEW_PASSPHRASE or a prompt, sent to the server only as a SCRAM verifier")
    .option('--role <role...>', 'staff | privacy_officer | admin', ['staff'])
    .option('--url <url>', "the schema owner's address (or DOSSIER_SERVER_URL), as for server init")
    .option('--granted-by <admin>', "an administrator whose key slot opens the office's keys (their passphrase from DOSSIER_PASSPHRASE or a prompt): the account gets its own key slot; required once the office has keys")
    .action(async (name: string, o: { role: string[]; url?: string; grantedBy?: string }, cmd: Command) => {
      const url = serverUrlOf(o.url)
      const { GROUP_ROLES } = await import('../../server/serverRoles')
      const passphrase = await secretFromEnvOrPrompt('DOSSIER_NEW_PASSPHRASE', `Passphrase for ${name}: `)
      const adminPassphrase = o.grantedBy ? await secretFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Passphrase of ${o.grantedBy}: `) : null
      const { addServerLogin, checkedLogin } = await import('../../server/serverLogins')
      const { officeHasKeys } = await import('../../server/officeKeyring')
      const { ServerApp } = await import('../../services/ServerApp')
      const { systemClock } = await import('../../clock')
      const roles = checkedByContract<StaffRole[]>(o.role)
      const added = await withServer(url, async (db) => {
        if (o.grantedBy && adminPassphrase !== null) {
          // The administrator's passphrase is checked before anything is made; the login, its key
          // slot and its account land together, audited as that administrator.
          checkedLogin({ name, roles, passphrase })
          const account = await ServerApp.addAccountAsOwner(db, { username: o.grantedBy, passphrase: adminPassphrase }, { username: name, displayName: name, roles, passphrase }, systemClock)
          return { login: account.username, groups: account.roles.map((r) => GROUP_ROLES[r]), keySlot: true }
        }
        if (await officeHasKeys(db.manager)) {
          throw new DossierError('VALIDATION_FAILED', 'The office has keys: a new login needs its key slot, from an administrator (--granted-by).', { issues: [{ path: 'grantedBy', key: 'validation.required' }] })
        }
        return await addServerLogin(db, { name, roles, passphrase })
      })
      print(globals(cmd), added, () => `Login ${added.login} added, in ${added.groups.join(', ')}${added.keySlot ? ', with its key slot' : ''}.`)
    })

  server
    .command('import-vault')
    .description("move a local vault into an empty office server, all or nothing, with its audit trail (verified before and after); as the schema's owner (--url), signed in to the vault as one of its administrators (--user, DOSSIER_PASSPHRASE), whose passphrase becomes their login's; the other accounts arrive disabled until an administrator re-enables each with a new passphrase")
    .option('--url <url>', "the schema owner's address (or DOSSIER_SERVER_URL), as for server init; the vault: --vault DIR (or DOSSIER_VAULT)")
    .action(async (o: { url?: string }, cmd: Command) => {
      const { g, url, admin } = await ownerWithAdmin(o, cmd)
      const { Vault } = await import('../../vault/Vault')
      const { importVault } = await import('../../services/importVault')
      const { systemClock } = await import('../../clock')
      let vault: Awaited<ReturnType<typeof Vault.open>>
      try {
        vault = await Vault.open(vaultDirOf(g), admin.username, admin.passphrase)
        await vault.whenWritable() // a vault known to be sound: its integrity check first
      } catch (e) {
        throw toFailure(e)
      }
      try {
        const r = await withServer(url, (db) => importVault(db, vault, admin, systemClock))
        const { recoveryKey, ...rest } = r
        print(g, r, () =>
          [
            `Vault moved: ${totalRows(rest.rows)} rows; audit trail ${r.before.entries} entries verified before, ${r.after.ok ? `${r.after.entries} verified after` : 'NOT verified after'}.`,
            `${r.accountsToReenable} account(s) to re-enable with a new passphrase.`,
            `Office recovery key (write it down, it is shown once): ${recoveryKey}`
          ].join('\n')
        )
      } finally {
        await vault.close()
      }
    })

  server
    .command('backup')
    .description("write the office's backup: every Dossier table as the server holds it (sealed values stay sealed), the whole file sealed under the office key; as the schema's owner (--url) with an administrator's passphrase (--user, DOSSIER_PASSPHRASE); the file is created 0600 and never overwritten")
    .requiredOption('--out <file>', 'the backup file to create')
    .option('--url <url>', "the schema owner's address (or DOSSIER_SERVER_URL), as for server init")
    .action(async (o: { out: string; url?: string }, cmd: Command) => {
      const { g, url, admin } = await ownerWithAdmin(o, cmd)
      const { backupOffice } = await import('../../services/officeBackupService')
      const { systemClock } = await import('../../clock')
      const r = await withServer(url, (db) => backupOffice(db, admin, o.out, systemClock))
      print(g, r, () => `Backup written: ${totalRows(r.rows)} rows, ${r.bytes} bytes.`)
    })

  server
    .command('restore')
    .description("restore a backup of this office, all or nothing: the audit trail and the accounts stay as they are, every erasure made since the backup is made again before any desk works; onto a new server (a database `server init` prepared without --admin) the whole office comes back from the backup, keys, accounts and trail included; as the schema's owner (--url) with an administrator's passphrase (--user, DOSSIER_PASSPHRASE)")
    .requiredOption('--in <file>', 'the backup file (server backup)')
    .option('--url <url>', "the schema owner's address (or DOSSIER_SERVER_URL), as for server init")
    .action(async (o: { in: string; url?: string }, cmd: Command) => {
      const { g, url, admin } = await ownerWithAdmin(o, cmd)
      const { restoreOffice } = await import('../../services/officeBackupService')
      const { systemClock } = await import('../../clock')
      const r = await withServer(url, (db) => restoreOffice(db, admin, o.in, systemClock))
      print(g, r, () =>
        r.newServer
          ? [
              `Backup of ${r.createdAt} restored onto this new server: ${totalRows(r.rows)} rows, the office's keys, accounts and audit trail included.`,
              `Erasures made after the backup were in the lost server's ledger: make them again from the request register.`,
              r.newServer.loginsToMake.length > 0
                ? `Disabled until an administrator enables them with a new passphrase (which makes their login): ${r.newServer.loginsToMake.join(', ')}.`
                : 'Every account has its login.'
            ].join('\n')
          : `Backup of ${r.createdAt} restored: ${totalRows(r.rows)} rows; ${r.reapplied} erasure(s) made since then made again.`
      )
    })

  server
    .command('connect')
    .description("this computer's desktop app works on the office server from now on (the first-run choice, from the command line): the address is kept in the app's folder (--desk DIR, DOSSIER_DESK, or the app's own), no account or passphrase; refused on a desk with a local vault (server import-vault moves it in)")
    .requiredOption('--url <url>', 'postgres://HOST/DB?sslmode=verify-full (each person signs in with their own account)')
    .option('--desk <dir>', "the desktop app's folder (default: the app's own on this computer)")
    .action(async (o: { url: string; desk?: string }, cmd: Command) => {
      const { chooseServer } = await import('../../services/deskChoice')
      const { existsSync } = await import('node:fs')
      const { join } = await import('node:path')
      const desk = await deskDirOf(o)
      if (existsSync(join(desk, 'vault', 'vault.json'))) {
        throw toFailure(new DossierError('VAULT_EXISTS', 'This desk has a vault: its data would stay behind (server import-vault moves it in).'))
      }
      let chosen: ReturnType<typeof chooseServer>
      try {
        chosen = chooseServer(desk, o.url)
      } catch (e) {
        throw toFailure(e)
      }
      print(globals(cmd), chosen, () => 'This desk works on the office server from now on; start Dossier and sign in with your own account.')
    })

  server
    .command('disconnect')
    .description("this computer's desktop app works on its local vault again (the office server's data stays on the server)")
    .option('--desk <dir>', "the desktop app's folder (default: the app's own on this computer)")
    .action(async (o: { desk?: string }, cmd: Command) => {
      const { chooseLocal } = await import('../../services/deskChoice')
      const chosen = chooseLocal(await deskDirOf(o))
      print(globals(cmd), chosen, () => 'This desk works on its local vault again.')
    })
}
