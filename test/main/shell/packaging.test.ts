import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ELECTRON_FUSES } from '../../../src/main/shell/securityPolicy'

const ROOT = resolve(__dirname, '../../..')
const load = createRequire(__filename)
const hook = load(resolve(ROOT, 'build/afterPack.cjs')) as {
  fuseConfig: (options: Record<string, string>, version: { V1: string }) => Record<string, unknown>
  electronBinary: (context: object) => string
}

describe('packaging (electron-builder.yml, build/afterPack.cjs)', () => {
  it('flips exactly the fuses the security policy documents', () => {
    const names = Object.keys(ELECTRON_FUSES)
    const options = Object.fromEntries([...names, 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'].map((n) => [n, n]))
    const config = hook.fuseConfig(options, { V1: '1' })
    expect(config).toEqual({ version: '1', ...ELECTRON_FUSES })
  })

  it('finds the packaged binary on every platform', () => {
    const packager = { appInfo: { productFilename: 'Dossier' }, executableName: 'dossier' }
    expect(hook.electronBinary({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe(resolve('/o/Dossier.exe'))
    expect(hook.electronBinary({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe(resolve('/o/Dossier.app'))
    expect(hook.electronBinary({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe(resolve('/o/dossier'))
  })

  it('packs the app into asar with the native SQLite module unpacked, the fuse hook, and no CLI or test tooling', () => {
    const yml = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')
    expect(yml).toMatch(/^appId: nl\.jobandtraining\.dossier$/m)
    expect(yml).toMatch(/^asar: true$/m)
    expect(yml).toMatch(/^asarUnpack:\n {2}- node_modules\/better-sqlite3-multiple-ciphers\/\*\*$/m)
    expect(yml).toMatch(/^afterPack: build\/afterPack\.cjs$/m)
    const files = /^files:\n((?: {2}- .*\n)+)/m.exec(yml)?.[1] ?? ''
    expect(files).toContain('out/main/index.js')
    expect(files).toContain('out/preload/**')
    expect(files).toContain('out/renderer/**')
    expect(files).not.toMatch(/cli\.js|^ {2}- out\/\*\*$/m)
    expect(files).toContain('!out/main/chunks/playwright-core-*.js')
  })
})
