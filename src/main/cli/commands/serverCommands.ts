import type { Command } from 'commander'
import type { StaffRole } from '../../../shared/domain'
import { checkedByContract, CliFailure, globals, print, secretFromEnvOrPrompt, toFailure } from '../cliContext'

/** server init, server add-login: the office server (issue 17). */
export function registerServerCommands(program: Command): void {
  const server = program.command('server').description('the office server (PostgreSQL): several desks, one data set')
  server
    .command('init')
    .description('prepare a PostgreSQL database, as its owner: the migrations, the group role of each Dossier role, grants and row policies; again after an update (changes nothing when done)')
    .option('--url <url>', 'postgres://OWNER@HOST/DB?sslmode=verify-full, or ?host=/socket/folder on this machine (or DOSSIER_SERVER_URL)')
    .action(async (o: { url?: string }, cmd: Command) => {
      const g = globals(cmd)
      const raw = o.url ?? process.env['DOSSIER_SERVER_URL']
      if (!raw) throw new CliFailure('USAGE', 'no server: pass --url URL or set DOSSIER_SERVER_URL')
      const { parseServerUrl } = await import('../../server/serverAddress')
      const { serverFailure } = await import('../../server/serverErrors')
      const { initServer, serverDataSource } = await import('../../server/initServer')
      const { GROUP_ROLES } = await import('../../server/serverRoles')
      let result: { migrationsRun: number; tables: number }
      try {
        const db = serverDataSource(parseServerUrl(raw))
        try {
          await db.initialize()
          result = await initServer(db)
        } finally {
          if (db.isInitialized) await db.destroy().catch(() => undefined)
        }
      } catch (e) {
        throw toFailure(serverFailure(e))
      }
      const groupRoles = Object.values(GROUP_ROLES)
      print(g, { ...result, groupRoles }, () => `Office server ready: ${result.migrationsRun} migrations run, ${result.tables} tables; group roles ${groupRoles.join(', ')}.`)
    })

  server
    .command('add-login <name>')
    .description("a staff account's own PostgreSQL login in the group role of each of its roles; its passphrase from DOSSIER_NEW_PASSPHRASE or a prompt, sent to the server only as a SCRAM verifier")
    .option('--role <role...>', 'staff | privacy_officer | admin', ['staff'])
    .option('--url <url>', "the schema owner's address (or DOSSIER_SERVER_URL), as for server init")
    .action(async (name: string, o: { role: string[]; url?: string }, cmd: Command) => {
      const g = globals(cmd)
      const raw = o.url ?? process.env['DOSSIER_SERVER_URL']
      if (!raw) throw new CliFailure('USAGE', 'no server: pass --url URL or set DOSSIER_SERVER_URL')
      const passphrase = await secretFromEnvOrPrompt('DOSSIER_NEW_PASSPHRASE', `Passphrase for ${name}: `)
      const { parseServerUrl } = await import('../../server/serverAddress')
      const { serverFailure } = await import('../../server/serverErrors')
      const { serverDataSource } = await import('../../server/initServer')
      const { addServerLogin } = await import('../../server/serverLogins')
      let added: { login: string; groups: string[] }
      try {
        const db = serverDataSource(parseServerUrl(raw))
        try {
          await db.initialize()
          added = await addServerLogin(db, { name, roles: checkedByContract<StaffRole[]>(o.role), passphrase })
        } finally {
          if (db.isInitialized) await db.destroy().catch(() => undefined)
        }
      } catch (e) {
        throw toFailure(serverFailure(e))
      }
      print(g, added, () => `Login ${added.login} added, in ${added.groups.join(', ')}.`)
    })
}
