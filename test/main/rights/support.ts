import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { StaffRole } from '../../../src/shared/domain'
import { ADMIN, type newTestApp } from '../../support/testApp'

export type TestApp = Awaited<ReturnType<typeof newTestApp>>

const run = promisify(execFile)
export const PASSPHRASE = 'een lange wachtwoordzin'

/** Adds a staff account (as the admin) and signs it in; `t.app.signIn(ADMIN…)` goes back. */
export async function signInAs(t: TestApp, username: string, roles: StaffRole[]): Promise<string> {
  if (!t.app.currentSession || t.app.currentSession.username !== ADMIN.username) await t.app.signIn(ADMIN.username, ADMIN.passphrase)
  const existing = (await t.call('listAccounts')).find((a) => a.username === username)
  const id = existing?.id ?? (await t.call('addAccount', { username, displayName: `Medewerker ${username}`, roles, passphrase: PASSPHRASE })).id
  await t.app.signIn(username, PASSPHRASE)
  return id
}

export async function signInAdmin(t: TestApp): Promise<void> {
  await t.app.signIn(ADMIN.username, ADMIN.passphrase)
}

/**
 * The PDF's text as `pdftotext -raw` reads it, in content order (cell by cell, so a value wrapped inside
 * a narrow table cell stays together); the synthetic PDF lives in a temp dir only here.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-rights-pdf-'))
  try {
    const file = join(dir, 'report.pdf')
    await writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-raw', file, '-'])
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Whitespace-insensitive, so table padding and line wraps inside cells do not matter. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ')
}
