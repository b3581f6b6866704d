import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestAndApplyErasure } from '../../src/main/rights/erasureService'
import { insertRichPerson } from '../main/rights/richPerson'
import { htmlText, rawCodesIn } from '../main/rights/rawCodes'
import { flat, pdfText } from '../main/rights/support'
import { runCli } from '../support/cli'
import { createCliVault, openCliDesk } from '../support/cliVault'
import { tempDir } from '../support/testApp'

/**
 * Issue 14, done when: `report access ID --out F.pdf --lang nl|en` reads (one run through
 * pdftotext, the others as the HTML that Chromium prints) with no raw code (no `presentation`, no `retention.`, no camelCase) for an active, a shielded and a
 * legal-hold person. A file of its own, so it runs beside the other CLI rights tests. Every state
 * is written in both languages; one of the six goes through headless Chromium and pdftotext (its
 * footer and page numbers included), the other five are the same command's HTML, the very document
 * Chromium prints (a PDF run costs a browser launch). The Dutch PDF's words are checked the same
 * way in rights.test.ts.
 */
describe('dossier CLI: the access report in words, for every state (R-18a)', () => {
  const { dir, cleanup } = tempDir('dossier-cli-report-words-')
  const vault = join(dir, 'vault')
  const admin = { DOSSIER_PASSPHRASE: 'beheer wachtwoordzin 1', DOSSIER_USER: 'beheer' }
  const ids = { candidate: '', shielded: '', held: '' }
  const cli = (args: string[]) => runCli(['--vault', vault, ...args], admin)

  beforeAll(async () => {
    // The vault is made in-process at the test key-derivation cost (see cliVault.ts).
    await createCliVault(vault, { admin: { username: admin.DOSSIER_USER, passphrase: admin.DOSSIER_PASSPHRASE } })
    const app = openCliDesk(vault)
    await app.signIn(admin.DOSSIER_USER, admin.DOSSIER_PASSPHRASE)
    ids.candidate = (await insertRichPerson(app.vault.dataSource, { employmentEnd: 'none' })).personId
    ids.shielded = (await insertRichPerson(app.vault.dataSource, { state: 'shielded', employmentEnd: 'none', unsubscribedOn: '2026-10-01' })).personId
    ids.held = (await insertRichPerson(app.vault.dataSource, { unsubscribedOn: '2026-10-15' })).personId
    await requestAndApplyErasure(app, ids.held, 'Verzoek per brief') // reduced to the legal hold
    await app.signOut()
    await app.close()
  })
  afterAll(cleanup)

  it('report access --lang nl|en reads, as HTML and through pdftotext, with no raw code for an active, a shielded and a legal-hold person', async () => {
    const runs = [
      ['active', ids.candidate, 'nl', 'html'],
      ['active', ids.candidate, 'en', 'html'],
      ['shielded', ids.shielded, 'en', 'html'],
      ['shielded', ids.shielded, 'nl', 'html'],
      ['legal-hold', ids.held, 'nl', 'html'],
      ['legal-hold', ids.held, 'en', 'pdf']
    ] as const
    for (const [state, personId, lang, format] of runs) {
      const out = join(dir, `inzage-${state}-${lang}.${format}`)
      const r = cli(['report', 'access', personId, '--out', out, '--lang', lang])
      expect(r.code, `${state} ${lang}: ${r.stderr}`).toBe(0)
      const text = format === 'pdf' ? flat(await pdfText(readFileSync(out))) : htmlText(readFileSync(out, 'utf8'))
      expect(rawCodesIn(text, lang), `${state} ${lang} ${format}`).toEqual([])
      expect(text).toContain('Autoriteit Persoonsgegevens')
      expect(text).toContain(lang === 'nl' ? 'Bewaartermijn per soort gegevens' : 'Retention period per kind of data')
    }
    // Six CLI runs, one with headless Chromium: a timeout for a loaded CI machine, not a timing assertion.
  }, 180_000)
})
