import { Command, CommanderError } from 'commander'
import { registerVaultCommands } from './commands/vaultCommands'
import { registerPeopleCommands } from './commands/peopleCommands'
import { registerRelationsCommands } from './commands/relationsCommands'
import { registerRetentionCommands } from './commands/retentionCommands'
import { registerConsentCommands } from './commands/consentCommands'
import { registerRightsCommands } from './commands/rightsCommands'
import { registerGovernanceCommands } from './commands/governanceCommands'
import { registerRegisterCommands } from './commands/registerCommands'
import { registerServerCommands } from './commands/serverCommands'
import { toFailure } from './cliContext'

/**
 * `dossier` — the headless admin CLI over the same services as the app (plain Node, no Electron).
 * Exit 0 on success; otherwise one line on stderr (`error CODE: message`) and exit 1 (2 for usage).
 * Never prints personal data in errors.
 */
export function buildProgram(): Command {
  const program = new Command('dossier')
    .description('Dossier admin CLI')
    .option('--vault <dir>', 'vault folder (or DOSSIER_VAULT)')
    .option('--server <url>', 'the office server instead of a vault: postgres://HOST/DB?sslmode=verify-full, each account signing in as its own login (or DOSSIER_SERVER_URL)')
    .option('--user <name>', 'staff account (or DOSSIER_USER)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    // Commander's own refusals (a missing required option, an unknown command) read like every
    // other failure: `error USAGE: …` (exit 2), then the command's help.
    .configureOutput({ outputError: (text, write) => write(`error USAGE: ${text.replace(/^error: /, '')}`) })
    .exitOverride()
  registerVaultCommands(program)
  registerPeopleCommands(program)
  registerRelationsCommands(program)
  registerRetentionCommands(program)
  registerConsentCommands(program)
  registerRightsCommands(program)
  registerGovernanceCommands(program)
  registerRegisterCommands(program)
  registerServerCommands(program)
  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2
    const f = toFailure(e)
    const json = argv.includes('--json')
    process.stderr.write(json ? JSON.stringify({ error: { code: f.code, message: f.message, issues: f.issues } }) + '\n' : `error ${f.code}: ${f.message}${f.issues.length ? ` (${f.issues.map((i) => `${i.path}: ${i.key}`).join('; ')})` : ''}\n`)
    return f.code === 'USAGE' ? 2 : 1
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
