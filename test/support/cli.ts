import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { deskArgs } from './cliDesk'

/**
 * Run the BUILT CLI (`node bin/dossier.js`) as an office admin would. `--vault DIR` goes to the
 * office DIR stands for when the suite runs on the test server (cliDesk.ts).
 */
export const CLI = resolve(__dirname, '../../bin/dossier.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  json: <T = unknown>() => T
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...deskArgs(args)], {
    env: { ...process.env, DOSSIER_PASSPHRASE: undefined, DOSSIER_USER: undefined, DOSSIER_VAULT: undefined, ...env },
    encoding: 'utf8',
    input,
    timeout: 120_000
  })
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T>() => JSON.parse(r.stdout) as T
  }
}

/** The built CLI signed in as `user` on `vaultDir` (`--user`, passphrase from the environment): exit code, stdout, stderr. */
export function cliAs(vaultDir: string, user: { username: string; passphrase: string }, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...deskArgs(['--vault', vaultDir]), '--user', user.username, ...args], {
    env: { ...process.env, DOSSIER_PASSPHRASE: user.passphrase, DOSSIER_USER: undefined, DOSSIER_VAULT: undefined },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** `cliAs` with `--json`, stdout parsed (null when empty). */
export function cliJsonAs(vaultDir: string, user: { username: string; passphrase: string }, args: string[]): { code: number | null; out: unknown; err: string } {
  const r = cliAs(vaultDir, user, ['--json', ...args])
  return { ...r, out: r.out ? (JSON.parse(r.out) as unknown) : null }
}
