import { resolve } from 'node:path'
import type { Command } from 'commander'
import { ContractError, createContractClient, type ContractClient } from '../../shared/contract/client'
import { DossierError } from '../../shared/errors'
import { escapeHiddenCharacters } from '../../shared/validation/hiddenCharacters'
import { systemClock, type Clock } from '../clock'
import { headlessChromiumPdf } from '../rights/headlessChromiumPdf'
import { createDossierApp, createServerApp } from '../services/createDossierApp'
import { createDispatcher } from '../services/dispatcher'
import { DossierApp } from '../services/DossierApp'
import type { ServerApp } from '../services/ServerApp'
import { parseServerUrl } from '../server/serverAddress'
import { promptHidden } from './prompt'

/**
 * What every CLI command shares: the global options, signing in (passphrase from
 * DOSSIER_PASSPHRASE or a hidden prompt), calling contract operations through the same
 * dispatcher as the app (so the same validation and role checks apply), and printing.
 */
export interface GlobalOptions {
  vault?: string
  /** issue 17: the office server instead of a local vault */
  server?: string
  user?: string
  json?: boolean
}

export class CliFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: { path: string; key: string }[] = []
  ) {
    super(message)
  }
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions
}

export function vaultDirOf(opts: GlobalOptions): string {
  const dir = opts.vault ?? process.env['DOSSIER_VAULT']
  if (!dir) throw new CliFailure('USAGE', 'no vault folder: pass --vault DIR or set DOSSIER_VAULT')
  return resolve(dir)
}

export async function secretFromEnvOrPrompt(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName]
  if (fromEnv) return fromEnv
  try {
    return await promptHidden(question)
  } catch {
    throw new CliFailure('USAGE', `no passphrase: set ${envName} or run in a terminal`)
  }
}

export function userOf(opts: GlobalOptions): string {
  const user = opts.user ?? process.env['DOSSIER_USER']
  if (!user) throw new CliFailure('USAGE', 'no account: pass --user NAME or set DOSSIER_USER')
  return user
}

/**
 * Where a command works: `--vault DIR` / `DOSSIER_VAULT`, or the office server `--server URL` /
 * `DOSSIER_SERVER_URL` (issue 17). Both given: refused, rather than guess which data is meant.
 */
export function storeOf(opts: GlobalOptions): { vaultDir: string } | { serverUrl: string } {
  const vault = opts.vault ?? (opts.server ? undefined : process.env['DOSSIER_VAULT'])
  const server = opts.server ?? (opts.vault ? undefined : process.env['DOSSIER_SERVER_URL'])
  if (vault && server) throw new CliFailure('USAGE', 'both a vault and a server: pass --vault DIR or --server URL, not both')
  if (server) return { serverUrl: server }
  return { vaultDir: vaultDirOf(opts) }
}

export interface Session {
  app: DossierApp | ServerApp
  /** The contract's typed client; a failed operation throws a `CliFailure` with its code. */
  call: ContractClient['call']
}

/**
 * Open the vault as the given account, run `work`, always close (sign-out is audited). PDFs are
 * made by headless Chromium (Playwright loads only when one is asked for).
 */
export async function withSession<T>(opts: GlobalOptions, work: (s: Session) => Promise<T>, clock: Clock = systemClock): Promise<T> {
  const store = storeOf(opts)
  let app: DossierApp | ServerApp
  try {
    app = 'serverUrl' in store ? createServerApp({ server: parseServerUrl(store.serverUrl), clock, pdfRenderer: headlessChromiumPdf }) : createDossierApp({ vaultDir: store.vaultDir, clock, pdfRenderer: headlessChromiumPdf })
  } catch (e) {
    throw toFailure(e)
  }
  const client = createContractClient(createDispatcher(app))
  const call: Session['call'] = async (name, ...args) => {
    try {
      return await client.call(name, ...args)
    } catch (e) {
      throw toFailure(e)
    }
  }
  try {
    await call('signIn', { username: userOf(opts), passphrase: await secretFromEnvOrPrompt('DOSSIER_PASSPHRASE', 'Passphrase: ') })
    // A command runs on a vault known to be sound: it waits for the integrity check (issue 18 point 4),
    // and a damaged vault fails the command with VAULT_DAMAGED, as it fails the app's every write.
    try {
      await app.vault.whenWritable()
    } catch (e) {
      throw toFailure(e)
    }
    const loosened = app instanceof DossierApp ? app.vault.permissionsTightened : 0
    if (loosened > 0) process.stderr.write(`warning: ${loosened} vault file(s) or folder(s) could be read by others; set back to 0600/0700 (recorded in the audit trail)\n`)
    return await work({ app, call })
  } finally {
    if (app.vaultState() === 'unlocked') await app.signOut()
    await app.close()
  }
}

/**
 * Command-line words for a closed-list field (a language, kind, format, status, roles), passed on
 * as the user typed them: the contract's schema is what checks them, so a wrong word fails with
 * VALIDATION_FAILED and the field's path, as it does in the app. The type is the operation's.
 */
export function checkedByContract<T extends string | readonly string[]>(words: string | readonly string[]): T {
  return words as T
}

/** Whether a command-line word is one of a closed list's members (for checks the CLI words itself). */
export function isOneOf<T extends string>(list: readonly T[], word: string): word is T {
  return (list as readonly string[]).includes(word)
}

/**
 * Standard output, as JSON or for people. Any hidden character in stored text (control, bidi,
 * zero-width: stored before validation refused them, or by another tool) is printed as `\u{…}`,
 * never raw: a name must not move the cursor, ring the bell or turn a line around (issue 15 point 7).
 */
export function print(opts: GlobalOptions, value: unknown, human: () => string): void {
  process.stdout.write((opts.json ? escapeHiddenCharacters(JSON.stringify(value, null, 2), 'json') : escapeHiddenCharacters(human())) + '\n')
}

export function toFailure(e: unknown): CliFailure {
  if (e instanceof CliFailure) return e
  if (e instanceof DossierError || e instanceof ContractError) return new CliFailure(e.code, e.message, e.issues)
  return new CliFailure('INTERNAL', 'unexpected failure; nothing was changed')
}
