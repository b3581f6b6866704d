import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDateOf, systemClock } from '../../src/main/clock'
import { addCalendarMonths } from '../../src/shared/time'
import type { ErasurePreview, ErasureResult, PersonExport, SubjectRequestView } from '../../src/shared/contract/rights'
import { personExportSchema } from '../../src/shared/contract/rights'
import { rawCodesIn } from '../main/rights/rawCodes'
import { flat, pdfText } from '../main/rights/support'
import { ATTACHMENT_NAMES, insertRichPerson, RICH_FIELDS_NL } from '../main/rights/richPerson'
import { requestAndApplyErasure } from '../../src/main/rights/erasureService'
import { runCli } from '../support/cli'
import { createCliVault, openCliDesk } from '../support/cliVault'
import { tempDir } from '../support/testApp'

/** The rights commands of the built `dossier` CLI over a real vault (plain Node, no Electron). */
describe('dossier CLI: access report, export, erase, requests (R-18..R-20)', () => {
  const { dir, cleanup } = tempDir('dossier-cli-rights-')
  const vault = join(dir, 'vault')
  const admin = { DOSSIER_PASSPHRASE: 'beheer wachtwoordzin 1', DOSSIER_USER: 'beheer' }
  const ids = { worker: '', candidate: '', shielded: '', held: '' }
  const cli = (args: string[], env: Record<string, string> = admin) => runCli(['--vault', vault, ...args], env)

  beforeAll(async () => {
    // The vault and its accounts are made in-process at the test key-derivation cost (see
    // cliVault.ts); fixtures go straight into the vault, then the vault is closed again for the CLI.
    await createCliVault(vault, {
      admin: { username: admin.DOSSIER_USER, passphrase: admin.DOSSIER_PASSPHRASE },
      users: [{ username: 'sanne', roles: ['staff'], passphrase: 'sanne wachtwoordzin' }]
    })
    const app = openCliDesk(vault)
    await app.signIn(admin.DOSSIER_USER, admin.DOSSIER_PASSPHRASE)
    ids.worker = (await insertRichPerson(app.vault.dataSource, { unsubscribedOn: '2026-10-15' })).personId
    ids.candidate = (await insertRichPerson(app.vault.dataSource, { employmentEnd: 'none' })).personId
    ids.shielded = (await insertRichPerson(app.vault.dataSource, { state: 'shielded', employmentEnd: 'none', unsubscribedOn: '2026-10-01' })).personId
    ids.held = (await insertRichPerson(app.vault.dataSource, { unsubscribedOn: '2026-10-15' })).personId
    await requestAndApplyErasure(app, ids.held, 'Verzoek per brief') // reduced to the legal hold
    await app.signOut()
    await app.close()
  })
  afterAll(cleanup)

  it('report access --out FILE.pdf writes the same report as the app, readable by its owner only', async () => {
    const out = join(dir, 'inzage.pdf')
    const r = cli(['report', 'access', ids.worker, '--out', out, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const { reference } = r.json<{ reference: string }>()
    expect(reference).toMatch(/^INZ-\d{4}-000001$/)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const text = flat(await pdfText(readFileSync(out)))
    for (const value of [RICH_FIELDS_NL.familyName, RICH_FIELDS_NL.bsn, RICH_FIELDS_NL.iban, ATTACHMENT_NAMES[0], reference, 'Inzageverslag']) expect(text).toContain(value)
    // Issue 14 (R-18a), in Dutch through pdftotext, footer included (accessReportWords.test.ts: English, every state).
    expect(rawCodesIn(text, 'nl')).toEqual([])
    expect(text).toContain('Pagina 1 van')
  })

  it('report access --out FILE.html --lang en writes the HTML document', () => {
    const out = join(dir, 'access.html')
    const r = cli(['report', 'access', ids.worker, '--out', out, '--lang', 'en'])
    expect(r.code).toBe(0)
    // Issue 14: the same person's report opened again the same day answers the same request.
    expect(r.stdout).toMatch(/^Access report INZ-\d{4}-000001 written \(html\)\.\n$/)
    const html = readFileSync(out, 'utf8')
    expect(html).toContain('<title>Access report INZ-')
    expect(html).toContain('Vliegenthart-Oosterbeek')
  })

  it('refuses an unknown output type and an unknown person, without personal data in the message', () => {
    expect(cli(['report', 'access', ids.worker, '--out', join(dir, 'x.docx')]).code).toBe(2)
    const unknown = cli(['report', 'access', '00000000-0000-4000-8000-000000000000', '--out', join(dir, 'x.pdf')])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe('error NOT_FOUND: No person with this id.\n')
  })

  it('export --out FILE.json writes dossier-export/1; --with-attachments a zip named by attachment ids', () => {
    const json = join(dir, 'export.json')
    expect(cli(['export', ids.worker, '--out', json]).code).toBe(0)
    const exported = JSON.parse(readFileSync(json, 'utf8')) as PersonExport
    expect(personExportSchema.safeParse(exported).success).toBe(true)
    expect(exported.person.id).toBe(ids.worker)

    const zip = join(dir, 'export.zip')
    const r = cli(['export', ids.worker, '--out', zip, '--with-attachments', '--json'])
    expect(r.code).toBe(0)
    expect(r.json()).toMatchObject({ format: 'zip', attachments: 2 })
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(['dossier-export.json', ...exported.attachments.map((a) => `attachments/${a.id}.${a.mimeType === 'image/jpeg' ? 'jpg' : 'pdf'}`)])
  })

  it('erase --dry-run shows what goes and what the law keeps until when; office staff may not erase', () => {
    const human = cli(['erase', ids.worker, '--reason', 'Verzoek per brief', '--dry-run'])
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('The record would be reduced to what the law requires (legal hold).')
    expect(human.stdout).toContain('legal-hold-payroll (AWR art. 52): kept until 2033-12-31, deleted on 2034-01-01')
    expect(human.stdout).not.toContain('Fenna')
    const preview = cli(['erase', ids.worker, '--reason', 'Verzoek per brief', '--dry-run', '--json']).json<ErasurePreview>()
    expect(preview.outcome).toBe('legal-hold')

    const staff = cli(['--user', 'sanne', 'erase', ids.candidate, '--reason', 'x'], { DOSSIER_PASSPHRASE: 'sanne wachtwoordzin' })
    expect(staff.code).toBe(1)
    expect(staff.stderr).toMatch(/^error FORBIDDEN/)
  })

  it('erase applies: a former employee is reduced to the legal hold, a candidate deleted with a tombstone', () => {
    const worker = cli(['erase', ids.worker, '--reason', 'Verzoek per brief', '--json'])
    expect(worker.code).toBe(0)
    expect(worker.json<{ result: ErasureResult }>().result).toMatchObject({ outcome: 'legal-hold', tombstoneId: null })

    const candidate = cli(['erase', ids.candidate, '--reason', 'Verzoek per e-mail', '--json'])
    expect(candidate.code).toBe(0)
    expect(candidate.json<{ result: ErasureResult }>().result.outcome).toBe('deleted')
    // …besides the shielded record and the one reduced to the legal hold before (the report test above).
    expect(cli(['status', '--json']).json()).toMatchObject({ persons: 0, shielded: 1, legalHold: 2, tombstones: 1 })
  })

  it('keeps the request register: add, list by deadline, extend, close', () => {
    const added = cli(['request', 'add', '--kind', 'access', '--received', '2026-01-31', '--identity', 'Paspoort gezien', '--json'])
    expect(added.code).toBe(0)
    const request = added.json<SubjectRequestView>()
    expect(request.deadline).toBe('2026-02-28')
    const list = cli(['request', 'list', '--json']).json<{ requests: SubjectRequestView[] }>()
    expect(list.requests.map((r) => r.id)).toContain(request.id)
    expect(cli(['request', 'list']).stdout).toContain(`${request.id}\taccess\topen\treceived 2026-01-31\tdue 2026-02-28`)
    // Received on 31 Jan: the first month has passed, so it can no longer be extended.
    expect(cli(['request', 'extend', request.id, '--reason', 'Archief']).stderr).toMatch(/^error CONFLICT/)
    const today = calendarDateOf(systemClock.now())
    const fresh = cli(['request', 'add', '--kind', 'access', '--received', today, '--identity', 'ID-kaart', '--json']).json<SubjectRequestView>()
    const extended = cli(['request', 'extend', fresh.id, '--reason', 'Veel gegevens uit het archief', '--json'])
    expect(extended.code).toBe(0)
    expect(extended.json<SubjectRequestView>().extendedTo).toBe(addCalendarMonths(fresh.deadline, 2))
    expect(cli(['request', 'close', request.id, '--status', 'done']).code).toBe(0)
    expect(cli(['request', 'list', '--json']).json<{ requests: SubjectRequestView[] }>().requests.map((r) => r.id)).not.toContain(request.id)
  })

  it('names the person of a request, or registers it while the identity is being checked (R-29); bad input writes nothing', () => {
    const named = cli(['request', 'add', '--person', ids.worker, '--kind', 'restriction', '--json']).json<SubjectRequestView>()
    expect(named).toMatchObject({ personId: ids.worker, identityPending: false, kind: 'restriction' })
    // Art. 12(3): extended once, with the reason and the date the person was told.
    const today = calendarDateOf(systemClock.now())
    expect(cli(['request', 'extend', named.id, '--told', today]).stderr).toMatch(/^error USAGE: required option '--reason/)
    const extended = cli(['request', 'extend', named.id, '--reason', 'Dossier uit het archief', '--told', today, '--json']).json<SubjectRequestView>()
    expect(extended).toMatchObject({ extendedTo: addCalendarMonths(named.deadline, 2), extensionToldOn: today })
    expect(cli(['request', 'extend', named.id, '--reason', 'Nog eens', '--told', today]).stderr).toMatch(/^error CONFLICT: .*extended already/)
    const pending = cli(['request', 'add', '--kind', 'portability'])
    expect(pending.stdout).toMatch(/^Request \S+ registered; answer by \d{4}-\d{2}-\d{2}\. Identity being checked\.$/m)
    const before = cli(['request', 'list']).stdout
    expect(before).toContain(`\tperson ${ids.worker}`)
    expect(before).toContain('\tidentity being checked')
    expect(cli(['request', 'add', '--person', '00000000-0000-4000-8000-000000000000', '--kind', 'access']).stderr).toMatch(/^error NOT_FOUND: No person with this id/)
    expect(cli(['request', 'add', '--kind', 'complaint']).stderr).toMatch(/^error VALIDATION_FAILED: .*kind/)
    expect(cli(['request', 'list']).stdout).toBe(before) // the refused ones wrote nothing
  }, 120_000)
})
