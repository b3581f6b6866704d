import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/** Run the BUILT CLI (`node bin/dossier.js`) as an office admin would. */
export const CLI = resolve(__dirname, '../../bin/dossier.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  json: <T = unknown>() => T
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
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
