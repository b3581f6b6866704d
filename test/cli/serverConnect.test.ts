import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { tempDir } from '../support/testApp'

const URL_OK = 'postgres://server.kantoor.lan/dossier?sslmode=verify-full'

/** Issue 17 point 1: `dossier server connect` — the desktop app's first-run choice, from the command line. */
describe('dossier server connect / disconnect', () => {
  const { dir, cleanup } = tempDir('dossier-cli-desk-')
  afterAll(() => cleanup())

  it("records the office server for the desktop app's folder, the address only; back with disconnect", () => {
    const desk = join(dir, 'Dossier')
    const r = runCli(['--json', 'server', 'connect', '--url', URL_OK, '--desk', desk])
    expect(r.stderr).toBe('')
    expect(r.json()).toEqual({ kind: 'server', url: URL_OK })
    expect(JSON.parse(readFileSync(join(desk, 'desk.json'), 'utf8'))).toEqual({ format: 'dossier-desk/1', store: { kind: 'server', url: URL_OK } })
    expect(statSync(join(desk, 'desk.json')).mode & 0o777).toBe(0o600)
    expect(runCli(['--json', 'server', 'disconnect', '--desk', desk]).json()).toEqual({ kind: 'local' })
  })

  it('refuses an address without a verified certificate, and a desk that has a vault', () => {
    const desk = join(dir, 'met-kluis')
    const bad = runCli(['--json', 'server', 'connect', '--url', 'postgres://server.kantoor.lan/dossier', '--desk', desk])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/"code":"VALIDATION_FAILED"/)
    mkdirSync(join(desk, 'vault'), { recursive: true })
    writeFileSync(join(desk, 'vault', 'vault.json'), '{}')
    const kept = runCli(['--json', 'server', 'connect', '--url', URL_OK, '--desk', desk])
    expect(kept.code).toBe(1)
    expect(kept.stderr).toMatch(/"code":"VAULT_EXISTS"/)
  })
})
