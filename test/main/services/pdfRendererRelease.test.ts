import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FixedClock } from '../../../src/main/clock'
import { DossierApp } from '../../../src/main/services/DossierApp'
import type { PdfRenderer } from '../../../src/main/rights/pdfRenderer'
import { ADMIN, TEST_KDF_N, tempDir } from '../../support/testApp'

/**
 * Issue 16 point 9: a PDF renderer may keep a browser warm for a session; the app lets go of it
 * whenever the session ends — sign-out, lock (idle, manual, suspend) and quit.
 */
describe('the PDF renderer kept for a session', () => {
  it('is released at sign-out, at a lock and at quit, and a release that fails does not keep the vault open', async () => {
    const { dir, cleanup } = tempDir()
    let released = 0
    const renderer: PdfRenderer = async () => Buffer.from('%PDF-')
    renderer.release = async () => {
      released++
      throw new Error('the browser was already gone')
    }
    const app = new DossierApp({ vaultDir: join(dir, 'vault'), clock: new FixedClock('2026-11-27T10:00:00Z'), kdfN: TEST_KDF_N, pdfRenderer: renderer })
    try {
      await app.setup(ADMIN)
      expect(app.pdfRenderer()).toBe(renderer)
      await app.signOut()
      expect({ released, state: app.vaultState() }).toEqual({ released: 1, state: 'locked' })
      await app.signIn(ADMIN.username, ADMIN.passphrase)
      await app.lock('idle')
      expect({ released, state: app.vaultState() }).toEqual({ released: 2, state: 'locked' })
      await app.signIn(ADMIN.username, ADMIN.passphrase)
      await app.close()
      expect({ released, state: app.vaultState() }).toEqual({ released: 3, state: 'locked' })
    } finally {
      await app.close()
      cleanup()
    }
  })
})
