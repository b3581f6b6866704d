import { chmodSync, mkdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'
import { parseServerUrl } from '../server/serverAddress'
import { writeFileAtomic } from '../vault/vaultFiles'

/**
 * Issue 17 point 1: where this desk's data lives — the local vault (the default: offline, one
 * desk, nothing to install) or the office server. Chosen once, at the app's first run (the setup
 * screen's second choice, `chooseOfficeServer`) or with `dossier server connect --url URL`; kept
 * in `desk.json` in the app's folder (0600 in a 0700 folder; the server's address only: no
 * account, no passphrase). A desk with a local vault is not switched: its data would stay behind
 * (`server import-vault` moves it in).
 */
export const DESK_FILE = 'desk.json'

const deskSchema = z.strictObject({
  format: z.literal('dossier-desk/1'),
  store: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('local') }), z.strictObject({ kind: z.literal('server'), url: z.string().max(2000) })])
})
export type DeskChoice = z.infer<typeof deskSchema>['store']

/** This desk's choice; the local vault when none was made. A file that does not parse is refused rather than guessed at. */
export function readDeskChoice(deskDir: string): DeskChoice {
  let text: string
  try {
    text = readFileSync(join(deskDir, DESK_FILE), 'utf8')
  } catch {
    return { kind: 'local' }
  }
  const parsed = deskSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new DossierError('VALIDATION_FAILED', 'The desk\'s settings file is not valid.', { issues: [{ path: 'desk', key: 'validation.type' }] })
  if (parsed.data.store.kind === 'server') parseServerUrl(parsed.data.store.url)
  return parsed.data.store
}

/** Records that this desk works on the office server at `url` (checked: postgres://, verify-full over the network). */
export function chooseServer(deskDir: string, url: string): DeskChoice {
  const checked = parseServerUrl(url)
  const choice: DeskChoice = { kind: 'server', url: checked.url }
  writeDesk(deskDir, choice)
  return choice
}

/** Back to the local vault (`dossier server disconnect`). */
export function chooseLocal(deskDir: string): DeskChoice {
  const choice: DeskChoice = { kind: 'local' }
  writeDesk(deskDir, choice)
  return choice
}

function writeDesk(deskDir: string, store: DeskChoice): void {
  mkdirSync(deskDir, { recursive: true, mode: 0o700 })
  chmodSync(deskDir, 0o700)
  writeFileAtomic(join(deskDir, DESK_FILE), JSON.stringify({ format: 'dossier-desk/1', store }, null, 2) + '\n')
}

/**
 * The desktop app's own folder (Electron's `userData` for the product "Dossier"), for the CLI's
 * `server connect` on the same computer; `--desk DIR` (or DOSSIER_DESK) says otherwise.
 */
export function defaultDeskDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Dossier')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dossier')
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Dossier')
}
