import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, pageProblems, screenshot } from './support/browser'

/**
 * Issue 16 point 1: `npm run preview -- --demo 200` as the README tells a newcomer to run it — the
 * real command, started as a user would (with `--port 0` for a free port), its printed address
 * and sign-in read from its output, signed in with Chromium. Runs the build `npm test` made.
 */
const ROOT = resolve(__dirname, '../..')

/** npm as the test runner's own (npm sets npm_execpath), else the one on PATH. */
function spawnNpm(args: string[]): ChildProcess {
  const npmCli = process.env['npm_execpath']
  const [cmd, argv] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args]
  // Its own process group, so the test can stop npm and the preview together (by the group's id).
  return spawn(cmd, argv, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
}

describe('npm run preview -- --demo 200', () => {
  let child: ChildProcess | null = null
  let browser: Browser | null = null
  afterAll(async () => {
    await browser?.close()
    // When the test failed before stopping it (otherwise the group is gone: ESRCH).
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already stopped
    }
  })

  it('prints an address with a token and a sign-in; Chromium signs in and sees the demo persons; Ctrl+C closes it and removes the demo vault', async () => {
    child = spawnNpm(['run', 'preview', '--', '--demo', '200', '--port', '0'])
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)))
    await expect.poll(() => /Ctrl\+C stops/.test(stdout) || child!.exitCode !== null, { timeout: 60_000, interval: 100 }).toBe(true)
    expect(stderr).not.toMatch(/error/i)

    const url = /Dossier preview: (http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{48}\/)$/m.exec(stdout)?.[1]
    const vault = /demo vault: +(\S+) \(200 persons/.exec(stdout)?.[1]
    const user = /user name: +(\S+)$/m.exec(stdout)?.[1]
    const passphrase = /passphrase: +(\S+)$/m.exec(stdout)?.[1]
    expect({ url: !!url, vault: !!vault, user, passphrase: !!passphrase }).toEqual({ url: true, vault: true, user: 'demo', passphrase: true })

    // A fresh private folder (0700), the vault's files 0600.
    expect(statSync(dirname(vault!)).mode & 0o777).toBe(0o700)
    for (const f of readdirSync(vault!)) if (statSync(join(vault!, f)).isFile()) expect(statSync(join(vault!, f)).mode & 0o777).toBe(0o600)
    // The token is required on every request, the page's own files included.
    const origin = new URL(url!).origin
    expect((await fetch(`${origin}/`)).status).toBe(404)
    expect((await fetch(`${origin}/index.html`)).status).toBe(404)
    expect((await fetch(`${origin}/${'0'.repeat(48)}/`)).status).toBe(404)

    browser = await launchBrowser()
    const page = await newPage(browser, url!)
    await page.getByTestId('signin-username').fill(user!)
    await page.getByTestId('signin-passphrase').fill(passphrase!)
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('signout-button').waitFor({ timeout: 30_000 })
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-row').first().waitFor()
    expect(await page.getByTestId('records-row').count()).toBeGreaterThan(10)
    await screenshot(page, 'preview-01-demo-records')
    expect(pageProblems(page)).toEqual([])
    // Two PDFs through the page's own window.dossier: the second from the Chromium the first started.
    const pdfs = await page.evaluate<boolean[]>(`(async () => {
      const found = await window.dossier.searchPersons({ query: 'DEMO-1' })
      const ids = found.value.items.slice(0, 2).map((p) => p.id)
      const oks = []
      for (const personId of ids) oks.push((await window.dossier.getAccessReportPdf({ personId, lang: 'nl' })).ok)
      return oks
    })()`)
    expect(pdfs).toEqual([true, true])

    process.kill(-child.pid!, 'SIGINT')
    await exited
    await expect.poll(() => existsSync(dirname(vault!)), { timeout: 10_000 }).toBe(false)
  }, 120_000) // two processes with production key derivation and two browsers: a loaded machine needs more than 60 s (a timeout, not a timing assertion)
})
