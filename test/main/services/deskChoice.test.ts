import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FixedClock } from '../../../src/main/clock'
import { chooseLocal, chooseServer, defaultDeskDir, readDeskChoice } from '../../../src/main/services/deskChoice'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import { DossierApp } from '../../../src/main/services/DossierApp'
import { ServerApp } from '../../../src/main/services/ServerApp'
import { createContractClient } from '../../../src/shared/contract/client'
import { failure } from '../people/peopleFixtures'
import { ADMIN, TEST_KDF_N, tempDir } from '../../support/testApp'

const URL_OK = 'postgres://server.kantoor.lan/dossier?sslmode=verify-full'

/** Issue 17 point 1: a desk works on its local vault, or (chosen once) on the office server. */
describe("the desk's choice of where its data lives", () => {
  const cleanups: (() => void)[] = []
  const folder = () => {
    const t = tempDir('dossier-desk-')
    cleanups.push(t.cleanup)
    return t.dir
  }
  afterEach(() => {
    for (const c of cleanups.splice(0)) c()
  })

  it('is the local vault until the office server is chosen; the choice is the address only, 0600 in a 0700 folder', () => {
    const dir = join(folder(), 'Dossier')
    expect(readDeskChoice(dir)).toEqual({ kind: 'local' })
    chooseServer(dir, URL_OK)
    expect(readDeskChoice(dir)).toEqual({ kind: 'server', url: URL_OK })
    expect(statSync(join(dir, 'desk.json')).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    chooseLocal(dir)
    expect(readDeskChoice(dir)).toEqual({ kind: 'local' })
  })

  it('refuses an address that is not postgres://, or over the network without a verified certificate, and keeps the choice as it was', async () => {
    const dir = folder()
    for (const [url, key] of [
      ['https://server.kantoor.lan/dossier', 'validation.serverUrl'],
      ['postgres://server.kantoor.lan/dossier', 'validation.serverTls'],
      ['postgres://server.kantoor.lan/dossier?sslmode=require', 'validation.serverTls']
    ] as const) {
      expect(() => chooseServer(dir, url)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', issues: [{ path: 'url', key }] }))
    }
    expect(readDeskChoice(dir)).toEqual({ kind: 'local' })
    // A socket on the same machine needs no TLS.
    expect(chooseServer(dir, 'postgres://dossier@localhost/dossier?host=/run/postgresql')).toMatchObject({ kind: 'server' })
  })

  it('refuses a settings file that does not hold what the app writes, rather than guess', () => {
    const dir = folder()
    writeFileSync(join(dir, 'desk.json'), JSON.stringify({ format: 'dossier-desk/1', store: { kind: 'server', url: 'postgres://evil.example/x' } }))
    expect(() => readDeskChoice(dir)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    writeFileSync(join(dir, 'desk.json'), JSON.stringify({ format: 'dossier-desk/1', store: { kind: 'local' }, password: 'x' }))
    expect(() => readDeskChoice(dir)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })

  it('is offered at first run only: a desk with a vault is not switched, its data would stay behind', async () => {
    const dir = folder()
    const chosen: string[] = []
    const app = new DossierApp({ vaultDir: join(dir, 'vault'), clock: new FixedClock('2026-11-27T10:00:00Z'), kdfN: TEST_KDF_N, onChooseServer: async (url) => (chosen.push(url), true) })
    const call = createContractClient(createDispatcher(app)).call
    try {
      expect((await failure(call('chooseOfficeServer', { url: 'postgres://server.kantoor.lan/dossier' }))).issues).toEqual([{ path: 'url', key: 'validation.serverTls' }])
      expect(chosen).toEqual([])
      expect(await call('chooseOfficeServer', { url: URL_OK })).toEqual({ ok: true, restarting: true })
      expect(chosen).toEqual([URL_OK])
      await app.setup(ADMIN)
      await app.signOut()
      expect((await failure(call('chooseOfficeServer', { url: URL_OK }))).code).toBe('VAULT_EXISTS')
      expect(chosen).toHaveLength(1)
    } finally {
      await app.close()
    }
    // A shell that cannot switch says so; a desk on the server is on it already.
    const plain = new DossierApp({ vaultDir: join(dir, 'other'), clock: new FixedClock('2026-11-27T10:00:00Z') })
    expect((await failure(createContractClient(createDispatcher(plain)).call('chooseOfficeServer', { url: URL_OK }))).code).toBe('INTERNAL')
    const desk = new ServerApp({ server: { url: URL_OK }, clock: new FixedClock('2026-11-27T10:00:00Z') })
    expect((await failure(createContractClient(createDispatcher(desk)).call('chooseOfficeServer', { url: URL_OK }))).code).toBe('VAULT_EXISTS')
  })

  it("finds the desktop app's folder as Electron names it, per platform", () => {
    expect(defaultDeskDir('linux', { XDG_CONFIG_HOME: '/home/a/.config' })).toBe('/home/a/.config/Dossier')
    expect(defaultDeskDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Roaming[\\/]Dossier$/)
    expect(defaultDeskDir('darwin', {})).toMatch(/Library\/Application Support\/Dossier$/)
  })
})
