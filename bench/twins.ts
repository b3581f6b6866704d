import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FixedClock } from '../src/main/clock'
import { type ContractClient, ContractError, createContractClient } from '../src/shared/contract/client'
import { createDispatcher } from '../src/main/services/dispatcher'
import { DossierApp } from '../src/main/services/DossierApp'
import type { AppHost } from '../src/main/services/handlerTypes'
import { CACHE_SIZE_KIB } from '../src/main/vault/cipher'
import type { PlainVault } from '../src/main/vault/openPlain'
import type { Vault } from '../src/main/vault/Vault'
import { BENCH_PASSPHRASE, BENCH_USER } from './benchVault'
import { openPlainApp } from './plainApp'
import { warmHeadlessChromiumPdf } from '../src/main/rights/headlessChromiumPdf'

export type Variant = 'enc' | 'plain'
export const VARIANTS: readonly Variant[] = ['enc', 'plain']

/** A measurement that could not be taken, and why (a missing operation, an error code). */
export interface NotMeasured {
  notMeasured: string
}

/** What the bench drives: DossierApp, or the plain twin's PlainApp (plainApp.ts). */
export type BenchApp = AppHost & { readonly vault: Vault | PlainVault; close(): Promise<void> }

/** A signed-in app on one twin plus the typed contract client over its dispatcher. */
export interface Twin {
  variant: Variant
  app: BenchApp
  call: ContractClient['call']
}

/**
 * The page cache the whole run uses: cipher.ts CACHE_SIZE_KIB, or `--cache-mib N` (passed down as
 * BENCH_CACHE_KIB) to try another size on every row before changing the app's default.
 */
export function pageCacheKib(): number {
  const override = Number(process.env['BENCH_CACHE_KIB'])
  return Number.isInteger(override) && override > 0 ? override : CACHE_SIZE_KIB
}

/** Copy a cached twin into a scratch folder: measurements write (saves, sweeps), the cache never changes. */
export function workCopy(source: string, work: string): void {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  for (const f of ['dossier.db', 'vault.json', 'keyring.json']) copyFileSync(join(source, f), join(work, f))
  // The sign-in journal belongs to a vault folder: without it the first sign-in is held (accounts/signInJournal.ts).
  if (existsSync(join(source, 'signin-failures.json'))) copyFileSync(join(source, 'signin-failures.json'), join(work, 'signin-failures.json'))
}

/**
 * Open a twin as the bench admin. The encrypted one through `signIn` (key-slot scrypt, open,
 * migration check) on a bare DossierApp — no retention catch-up at unlock, so unlocking measures
 * unlocking only; the plain one as a PlainApp (plainApp.ts): the same Workspace, dispatcher and domain code.
 */
export async function openTwin(variant: Variant, dir: string, clock: FixedClock): Promise<Twin> {
  let app: BenchApp
  if (variant === 'plain') {
    const opened = await openPlainApp(dir, clock, BENCH_USER)
    // As DossierApp with `backgroundCheckpoints` (the desktop app's setting) does at unlock.
    void opened.plain.startBackgroundCheckpoints().catch(() => false)
    app = opened.app
  } else {
    const encrypted = new DossierApp({ vaultDir: dir, clock, pdfRenderer: warmHeadlessChromiumPdf(), backgroundCheckpoints: true })
    await encrypted.signIn(BENCH_USER, BENCH_PASSPHRASE)
    app = encrypted
  }
  app.vault.db.pragma(`cache_size = -${pageCacheKib()}`)
  return { variant, app, call: createContractClient(createDispatcher(app)).call }
}

/** Run a measurement; an operation that is missing or fails is reported, not fatal. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof ContractError) return { notMeasured: e.code }
    const code = (e as { code?: string }).code
    return { notMeasured: e instanceof Error ? `${e.name}${code ? ` ${code}` : ''}` : 'failed' }
  }
}
