import { resolve } from 'node:path'
import type { Command } from 'commander'
import { DossierError } from '../../shared/errors'
import { systemClock, type Clock } from '../clock'
import { headlessChromiumPdf } from '../rights/headlessChromiumPdf'
import { createDossierApp } from '../services/createDossierApp'
import { createDispatcher } from '../services/dispatcher'
import type { DossierApp } from '../services/DossierApp'
import { promptHidden } from './prompt'

/**
 * What every CLI command shares: the global options, signing in (passphrase from
 * DOSSIER_PASSPHRASE or a hidden prompt), calling contract operations through the same
 * dispatcher as the app (so the same validation and role checks apply), and printing.
 */
export interface GlobalOptions {
  vault?: string
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

export interface Session {
  app: DossierApp
  call<T = unknown>(operation: string, input?: unknown): Promise<T>
}

/**
 * Open the vault as the given account, run `work`, always close (sign-out is audited). PDFs are
 * made by headless Chromium (Playwright loads only when one is asked for).
 */
export async function withSession<T>(opts: GlobalOptions, work: (s: Session) => Promise<T>, clock: Clock = systemClock): Promise<T> {
  const app = createDossierApp({ vaultDir: vaultDirOf(opts), clock, pdfRenderer: headlessChromiumPdf })
  const invoke = createDispatcher(app)
  const call = async <R>(operation: string, input: unknown = {}): Promise<R> => {
    const r = await invoke(operation, input)
    if (!r.ok) throw new CliFailure(r.error.code, r.error.message, r.error.issues)
    return r.value as R
  }
  try {
    await call('signIn', { username: userOf(opts), passphrase: await secretFromEnvOrPrompt('DOSSIER_PASSPHRASE', 'Passphrase: ') })
    return await work({ app, call })
  } finally {
    if (app.vaultState() === 'unlocked') await app.signOut()
    await app.close()
  }
}

export function print(opts: GlobalOptions, value: unknown, human: () => string): void {
  process.stdout.write((opts.json ? JSON.stringify(value, null, 2) : human()) + '\n')
}

export function toFailure(e: unknown): CliFailure {
  if (e instanceof CliFailure) return e
  if (e instanceof DossierError) return new CliFailure(e.code, e.message, e.issues)
  return new CliFailure('INTERNAL', 'unexpected failure; nothing was changed')
}
