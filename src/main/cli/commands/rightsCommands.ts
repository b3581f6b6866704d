import { extname, resolve } from 'node:path'
import type { Command } from 'commander'
import type { CLOSING_STATUSES, ErasureHold, ErasurePreview, ErasureResult, SubjectRequestKind, SubjectRequestView } from '../../../shared/contract/rights'
import { checkedByContract, CliFailure, globals, print, withSession } from '../cliContext'
import { writePrivateFile } from '../privateFile'

/**
 * CLI commands of the rights capability (R-18..R-20): `report access`, `export`, `erase`,
 * `erase-approve` and the request register (`request list|add|extend|close`). Everything goes
 * through the contract's operations, so the same roles, audit and R-14 shielding apply. Files are
 * written where the privacy officer asks, readable by the owner only; output and errors never
 * print personal data (only ids, references, field names and dates).
 */
export function registerRightsCommands(program: Command): void {
  const report = program.command('report').description('printable documents')
  report
    .command('access <personId>')
    .description('access report (inzageverslag, R-18) as PDF or HTML — the same document as in the app')
    .requiredOption('--out <file>', 'FILE.pdf or FILE.html')
    .option('--lang <lang>', 'nl | en', 'nl')
    .action(async (personId: string, o: { out: string; lang: string }, cmd: Command) => {
      const g = globals(cmd)
      const kind = extname(o.out).toLowerCase()
      if (kind !== '.pdf' && kind !== '.html') throw new CliFailure('USAGE', '--out must end in .pdf or .html')
      const { lang } = o
      if (lang !== 'nl' && lang !== 'en') throw new CliFailure('USAGE', '--lang must be nl or en')
      const out = resolve(o.out)
      const result = await withSession(g, async (s) => {
        if (kind === '.pdf') {
          // The same HTML as the app, through headless Chromium (the session's renderer; the app uses Electron's printToPDF).
          const pdf = await s.call('getAccessReportPdf', { personId, lang })
          writePrivate(out, Buffer.from(pdf.pdfBase64, 'base64'))
          return { reference: pdf.reference, format: 'pdf' }
        }
        const doc = await s.call('getAccessReportHtml', { personId, lang })
        writePrivate(out, Buffer.from(doc.html, 'utf8'))
        await s.call('recordReportPrinted', { personId, reference: doc.reference, how: 'html' })
        return { reference: doc.reference, format: 'html' }
      })
      print(g, { ...result, out }, () => `Access report ${result.reference} written (${result.format}).`)
    })

  program
    .command('export <personId>')
    .description('export a person’s data (R-20) as dossier-export/1 JSON; with --with-attachments a zip with the JSON and the attachment files')
    .requiredOption('--out <file>', 'FILE.json (or FILE.zip with --with-attachments)')
    .option('--with-attachments', 'write a zip: dossier-export.json plus attachments/<id>.<ext>')
    .action(async (personId: string, o: { out: string; withAttachments?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      const out = resolve(o.out)
      const summary = await withSession(g, async (s) => {
        if (o.withAttachments) {
          const archive = await s.call('exportPersonArchive', { personId })
          writePrivate(out, Buffer.from(archive.zipBase64, 'base64'))
          return { format: 'zip', attachments: archive.attachmentCount }
        }
        const document = await s.call('exportPerson', { personId })
        writePrivate(out, Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'))
        return { format: 'json', attachments: document.attachments.length }
      })
      print(g, { ...summary, out }, () => `Export written (${summary.format}, ${summary.attachments} attachment(s)).`)
    })

  program
    .command('erase <personId>')
    .description('erase a person on request (R-19): deletes what no law keeps; the legal-hold subset stays until its date (R-16)')
    .requiredOption('--reason <text>', 'why (the request), kept in the audit trail')
    .option('--dry-run', 'only show what would be deleted and what must be kept, and why')
    .action(async (personId: string, o: { reason: string; dryRun?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      if (o.dryRun) {
        const preview = await withSession(g, (s) => s.call('previewErasure', { personId }))
        print(g, preview, () => describePreview(preview))
        return
      }
      // The same operation as the app's erasure screen: request, and apply at once unless four eyes are on.
      const outcome = await withSession(g, (s) =>
        s.call('requestAndApplyErasure', { personId, reason: o.reason })
      )
      // As before: no `result` key while the request awaits a second privacy officer.
      print(g, outcome.result ? outcome : { approval: outcome.approval }, () =>
        outcome.result
          ? describeResult(outcome.result)
          : `Erasure requested; a second privacy officer must approve it: dossier erase-approve ${outcome.approval.approvalId}`
      )
    })

  program
    .command('erase-approve <approvalId>')
    .description('four eyes: approve another privacy officer’s erasure request and apply it')
    .action(async (approvalId: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const result = await withSession(g, (s) => s.call('approveAndApplyErasure', { approvalId }))
      print(g, result, () => describeResult(result))
    })

  const request = program.command('request').description('register of data-subject requests (GDPR art. 12(3))')
  request
    .command('list')
    .description('open requests by deadline (overdue marked); --all adds closed ones')
    .option('--all', 'include closed requests')
    .action(async (o: { all?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      const list = await withSession(g, (s) => s.call('listRequests', { includeClosed: o.all ?? false }))
      print(g, list, () =>
        list.requests.length
          ? list.requests
              .map((r) => `${r.id}\t${r.kind}\t${r.status}\treceived ${r.receivedOn}\tdue ${r.dueOn}${r.overdue ? '\tOVERDUE' : ''}\t${personColumn(r)}`)
              .join('\n')
          : 'No requests.'
      )
    })
  request
    .command('add')
    .description('register a request; deadline = received + 1 calendar month; without --person the identity is being checked (link it later)')
    .requiredOption('--kind <kind>', 'access | rectification | erasure | restriction | objection | portability')
    .option('--person <personId>', 'the person it concerns (leave out while the identity is being checked)')
    .option('--received <date>', 'YYYY-MM-DD (default: today)')
    .option('--identity <text>', 'how the identity was checked')
    .action(async (o: { kind: string; received?: string; identity?: string; person?: string }, cmd: Command) => {
      const g = globals(cmd)
      const created = await withSession(g, (s) =>
        s.call('createRequest', {
          kind: checkedByContract<SubjectRequestKind>(o.kind),
          ...(o.received !== undefined ? { receivedOn: o.received } : {}),
          ...(o.identity !== undefined ? { identityCheck: o.identity } : {}),
          ...(o.person !== undefined ? { personId: o.person } : {})
        })
      )
      print(g, created, () => `Request ${created.id} registered; answer by ${created.deadline}.${created.identityPending ? ' Identity being checked.' : ''}`)
    })
  request
    .command('extend <id>')
    .description('extend once by two further calendar months (GDPR art. 12(3)), with the reason and the date the person was told')
    .requiredOption('--reason <text>', 'why more time is needed (told to the person)')
    .option('--told <date>', 'YYYY-MM-DD the person was told (default: today)')
    .action(async (id: string, o: { reason: string; told?: string }, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('extendRequest', { id, reason: o.reason, ...(o.told !== undefined ? { toldOn: o.told } : {}) }))
      print(g, r, () => `Request ${r.id} extended to ${r.extendedTo ?? r.dueOn}.`)
    })
  request
    .command('link <id>')
    .description('name the person of a request registered while the identity was being checked')
    .requiredOption('--person <personId>', 'the person it concerns')
    .option('--identity <text>', 'how the identity was checked')
    .action(async (id: string, o: { person: string; identity?: string }, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('linkRequestPerson', { id, personId: o.person, ...(o.identity !== undefined ? { identityCheck: o.identity } : {}) }))
      print(g, r, () => `Request ${r.id} now names person ${r.personId ?? ''}.`)
    })
  request
    .command('close <id>')
    .description('close a request')
    .requiredOption('--status <status>', 'done | rejected')
    .action(async (id: string, o: { status: string }, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('closeRequest', { id, status: checkedByContract<(typeof CLOSING_STATUSES)[number]>(o.status) }))
      print(g, r, () => `Request ${r.id} closed (${r.status}).`)
    })
}

/** Ids only, never a name (the CLI prints no personal data). */
function personColumn(r: SubjectRequestView): string {
  return r.personId === null ? 'identity being checked' : `person ${r.personId}`
}

/** Personal data on disk only where asked, readable by its owner only (privateFile.ts). */
function writePrivate(file: string, data: Buffer): void {
  writePrivateFile(file, data)
}

function holdLine(h: ErasureHold): string {
  const what = [...h.fields, ...h.records.map((r) => `${r.kind} (${r.count})`)].join(', ')
  return `  ${h.rule} (${h.law}): kept until ${h.keptUntil}, deleted on ${h.deletedOn}: ${what}`
}

function describePreview(p: ErasurePreview): string {
  if (p.outcome === 'blocked') return `Erasure not possible now: ${p.blockedBy ?? 'blocked'} (the employment must end first).`
  const deleted = [...p.deleted.fields, ...p.deleted.records.map((r) => `${r.kind} (${r.count})`)]
  return [
    p.outcome === 'delete' ? 'The whole record would be deleted (tombstone).' : 'The record would be reduced to what the law requires (legal hold).',
    `Deleted now: ${deleted.length ? deleted.join(', ') : 'nothing'}`,
    ...(p.kept.length ? ['Kept by law:', ...p.kept.map(holdLine)] : []),
    ...(p.fourEyes ? ['A second privacy officer must approve (four eyes).'] : [])
  ].join('\n')
}

function describeResult(r: ErasureResult): string {
  return r.outcome === 'deleted'
    ? `Record deleted; tombstone ${r.tombstoneId ?? ''}.`
    : ['Record reduced to the legal-hold data:', ...r.kept.map(holdLine)].join('\n')
}
