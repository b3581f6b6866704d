import type { WitnessFailure } from '../../../shared/contract/governance'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { type BreachInput, DATA_CATEGORIES, type ExportFile } from '../../../shared/contract/governance'
import { checkedByContract, CliFailure, globals, print, withSession, type Session } from '../cliContext'
import { writePrivateFile } from '../privateFile'

interface BreachAddOptions {
  discovered: string
  description: string
  categories: string
  risk: string
  personsAffected?: string
  person: string[]
  status: string
  reportedRegulator?: string
  lateReason?: string
  reportedPersons?: string
  informPersons?: boolean
  measures?: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface FilterOptions {
  person?: string
  actor?: string
  action?: string
  from?: string
  to?: string
}

/**
 * CLI commands of the governance capability (R-22..R-25): `audit verify|list|anchor|export`,
 * `breach list|add|export`, `register` (record of processing activities), `statement list|add|missing`,
 * `settings show`. All go through the contract's operations (same roles and audit as the app).
 * `audit verify` exits 1 when the trail does not verify, after printing the verdict.
 */
export function registerGovernanceCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail (privacy officer)')

  audit
    .command('verify')
    .description('verify the hash chain and its anchors; exit 1 with the first broken entry')
    .option('--anchor <file>', 'an anchor text kept outside the vault, to check as well')
    .action(async (o: { anchor?: string }, cmd: Command) => {
      const g = globals(cmd)
      const anchorText = o.anchor ? readText(o.anchor, 'cannot read the anchor file') : undefined
      const v = await withSession(g, (s) => s.call('verifyAudit', anchorText ? { anchorText } : {}))
      const out = v.ok
        ? { ok: true, entries: v.entries, head: v.head, anchorsChecked: v.anchors.checked }
        : v.broken
          ? { ok: false, entries: v.entries, brokenAt: v.broken.seq, problem: v.broken.problem, entry: v.broken.entry }
          : v.anchors.failed
            ? { ok: false, entries: v.entries, head: v.head, anchor: v.anchors.failed }
            : { ok: false, entries: v.entries, head: v.head, witness: witnessOut(v.witnesses.failed) }
      const w = v.witnesses.failed
      print(g, out, () =>
        v.ok
          ? `Audit trail verified: ${v.entries} entries, ${v.anchors.checked} anchor(s) and ${v.witnesses.checked} witnessed head(s) hold.\nhead ${v.head}`
          : v.broken
            ? `AUDIT TRAIL BROKEN at entry ${v.broken.seq} (${v.broken.problem}); ${v.entries} entries walked.`
            : v.anchors.failed
              ? `AUDIT TRAIL DOES NOT MATCH ANCHOR at entry ${v.anchors.failed.seq} (${v.anchors.failed.problem}).`
              : `AUDIT TRAIL TAMPERED WITH: the head account ${w?.accountId ?? 'unknown'} witnessed at entry ${w?.seq} is ${w?.problem === 'missing' ? 'missing (the trail was cut short)' : 'another entry now (the trail was rewritten)'}.`
      )
      if (!v.ok) {
        const where = v.broken
          ? `first broken entry ${v.broken.seq}`
          : v.anchors.failed
            ? `anchor at entry ${v.anchors.failed.seq}`
            : `head witnessed by account ${w?.accountId ?? 'unknown'} at entry ${w?.seq} ${w?.problem}`
        throw new CliFailure('AUDIT_TRAIL_BROKEN', `the audit trail does not verify (${where})`)
      }
    })

  withFilters(audit.command('list').description('list audit entries, newest first'))
    .option('--limit <n>', 'at most this many entries (1-1000)', '100')
    .action(async (o: FilterOptions & { limit: string }, cmd: Command) => {
      const g = globals(cmd)
      const result = await withSession(g, async (s) => s.call('listAudit', { ...(await filterInput(s, o)), limit: Number(o.limit) }))
      print(g, result.entries, () =>
        result.entries
          .map((e) => [e.seq, e.at, e.actorName ?? '-', e.action, e.subjectLabel ?? e.subjectId ?? '-', e.fields.join(',') || '-', e.reason ?? ''].join('\t'))
          .concat(result.more ? ['(more entries: narrow the filter or raise --limit)'] : [])
          .join('\n')
      )
    })

  audit
    .command('anchor')
    .description('anchor the chain\'s head now; keep the printed text outside the vault')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const anchor = await withSession(g, (s) => s.call('createAuditAnchor'))
      print(g, anchor, () => anchor.text.trimEnd())
    })

  withFilters(audit.command('export').description('write the filtered trail as CSV or printable HTML'))
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', 'csv | html', 'csv')
    .option('--lang <lang>', 'nl | en', 'nl')
    .action(async (o: FilterOptions & { out: string; format: string; lang: string }, cmd: Command) => {
      const g = globals(cmd)
      const file = await withSession(g, async (s) => s.call('exportAudit', { ...(await filterInput(s, o)), format: checkedByContract(o.format), lang: checkedByContract(o.lang) }))
      writeOut(o.out, file)
      print(g, { ok: true, file: resolve(o.out) }, () => 'Audit trail exported.')
    })

  const breach = program.command('breach').description('the data breach register (privacy officer)')
  breach
    .command('list')
    .description('every registered breach with its 72-hour deadline')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const { breaches } = await withSession(g, (s) => s.call('listBreaches'))
      print(g, breaches, () => breaches.map((b) => [b.discoveredAtLocal, b.status, b.risk, `deadline ${b.deadlineLocal}`, b.regulator, b.id].join('\t')).join('\n'))
    })
  breach
    .command('add')
    .description('register a breach (times: Netherlands wall-clock YYYY-MM-DDTHH:mm); a report after 72 hours needs --late-reason')
    .requiredOption('--discovered <time>', 'when it was discovered')
    .requiredOption('--description <text>', 'what happened')
    .requiredOption('--categories <list>', `kinds of data, comma-separated (${DATA_CATEGORIES.join(', ')})`)
    .requiredOption('--risk <risk>', 'none | low | high')
    .option('--persons-affected <n>', 'how many persons (default: the number of --person)')
    .option('--person <personId>', 'a person affected (repeat for more)', (id: string, ids: string[]) => [...ids, id], [] as string[])
    .option('--status <status>', 'suspected | confirmed | closed', 'suspected')
    .option('--reported-regulator <time>', 'when it was reported to the Autoriteit Persoonsgegevens')
    .option('--late-reason <text>', 'why the report came after 72 hours (GDPR art. 33(1))')
    .option('--reported-persons <time>', 'when the persons were told')
    .option('--inform-persons', 'the persons must be told (GDPR art. 34; default: when the risk is high)')
    .option('--no-inform-persons', 'the persons need not be told (an art. 34(3) exception)')
    .option('--measures <text>', 'measures taken')
    .action(async (o: BreachAddOptions, cmd: Command) => {
      const g = globals(cmd)
      const personsAffected = o.personsAffected === undefined ? o.person.length : Number(o.personsAffected)
      if (!Number.isInteger(personsAffected) || personsAffected < 0) throw new CliFailure('USAGE', '--persons-affected must be a whole number')
      const created = await withSession(g, (s) =>
        s.call('createBreach', {
          discoveredAtLocal: o.discovered,
          description: o.description,
          dataCategories: checkedByContract<BreachInput['dataCategories']>(o.categories.split(',').map((c) => c.trim()).filter(Boolean)),
          risk: checkedByContract<BreachInput['risk']>(o.risk),
          personsAffected,
          status: checkedByContract<BreachInput['status']>(o.status),
          ...(o.reportedRegulator !== undefined ? { reportedToRegulatorAtLocal: o.reportedRegulator } : {}),
          ...(o.reportedPersons !== undefined ? { reportedToPersonsAtLocal: o.reportedPersons } : {}),
          ...(o.lateReason !== undefined ? { lateReason: o.lateReason } : {}),
          ...(o.measures !== undefined ? { measures: o.measures } : {}),
          ...(o.informPersons !== undefined ? { informPersons: o.informPersons } : {}),
          ...(o.person.length > 0 ? { affected: o.person.map((personId) => ({ personId })) } : {})
        })
      )
      print(g, created, () => `Breach ${created.id} registered; report to the regulator: ${created.regulator} (deadline ${created.deadlineLocal}).`)
    })
  breach
    .command('export')
    .description('write the register as CSV or printable HTML')
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', 'csv | html', 'csv')
    .option('--lang <lang>', 'nl | en', 'nl')
    .action(async (o: { out: string; format: string; lang: string }, cmd: Command) => {
      const g = globals(cmd)
      const file = await withSession(g, (s) => s.call('exportBreaches', { format: checkedByContract(o.format), lang: checkedByContract(o.lang) }))
      writeOut(o.out, file)
      print(g, { ok: true, file: resolve(o.out) }, () => 'Breach register exported.')
    })

  program
    .command('register')
    .description('write the record of processing activities (GDPR art. 30) as printable HTML')
    .requiredOption('--out <file>', 'file to write')
    .option('--lang <lang>', 'nl | en', 'nl')
    .action(async (o: { out: string; lang: string }, cmd: Command) => {
      const g = globals(cmd)
      const { html } = await withSession(g, (s) => s.call('getProcessingRegisterHtml', { lang: checkedByContract(o.lang) }))
      writeOut(o.out, { fileName: '', mimeType: 'text/html', content: html })
      print(g, { ok: true, file: resolve(o.out) }, () => 'Record of processing activities written.')
    })

  const statement = program.command('statement').description('privacy-statement versions')
  statement
    .command('list')
    .description('every version, newest first')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const versions = await withSession(g, (s) => s.call('listStatementVersions'))
      print(g, versions, () => versions.map((v) => `${v.version}\tvalid from ${v.validFrom}${v.current ? '\t(current)' : ''}`).join('\n'))
    })
  statement
    .command('add <version>')
    .description('store a new version from a text file (privacy officer)')
    .requiredOption('--valid-from <date>', 'YYYY-MM-DD')
    .requiredOption('--file <file>', 'the statement as plain text (UTF-8)')
    .action(async (version: string, o: { validFrom: string; file: string }, cmd: Command) => {
      const g = globals(cmd)
      const text = readText(o.file, 'cannot read the statement file')
      const v = await withSession(g, (s) => s.call('addStatementVersion', { version, validFrom: o.validFrom, text }))
      print(g, v, () => `Version ${v.version} stored.`)
    })
  statement
    .command('missing <version>')
    .description('active persons not yet shown this version: ids and references only')
    .action(async (version: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('personsNotShownVersion', { version, limit: 10_000 }))
      print(g, r, () => [`${r.count} person(s) not yet shown version ${version}`, ...r.persons.map((p) => `${p.id}\t${p.ref ?? ''}`)].join('\n'))
    })

  program
    .command('settings')
    .description('show the vault settings (agency contact details, idle lock, four-eyes erasure)')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const settings = await withSession(g, (s) => s.call('getSettings'))
      print(g, settings, () => JSON.stringify(settings, null, 2))
    })
}

function withFilters(cmd: Command): Command {
  return cmd
    .option('--person <id>', 'a person\'s id or reference (or any record id)')
    .option('--actor <name>', 'account name of whoever acted')
    .option('--action <action>', 'action name, e.g. person.view')
    .option('--from <date>', 'first day, YYYY-MM-DD (Europe/Amsterdam)')
    .option('--to <date>', 'last day, YYYY-MM-DD (Europe/Amsterdam)')
}

async function filterInput(s: Session, o: FilterOptions): Promise<Record<string, string>> {
  const input: Record<string, string> = {}
  if (o.person) {
    if (UUID.test(o.person)) input['subjectId'] = o.person.toLowerCase()
    else input['personRef'] = o.person
  }
  if (o.actor) {
    const { actors } = await s.call('auditFilterOptions')
    const actor = actors.find((a) => a.username.toLowerCase() === o.actor!.toLowerCase())
    if (!actor) throw new CliFailure('NOT_FOUND', 'no account with this name')
    input['actorId'] = actor.id
  }
  if (o.action) input['action'] = o.action
  if (o.from) input['from'] = o.from
  if (o.to) input['to'] = o.to
  return input
}

function readText(file: string, failure: string): string {
  try {
    return readFileSync(resolve(file), 'utf8')
  } catch {
    throw new CliFailure('USAGE', failure)
  }
}

/** Owner-only permissions: exports are about the agency's processing and may name records. */
function writeOut(file: string, content: ExportFile): void {
  writePrivateFile(file, content.content)
}

/** The witness failure as the CLI prints it: ids and numbers, no names. */
function witnessOut(f: WitnessFailure | null): Omit<WitnessFailure, 'accountName'> | null {
  if (!f) return null
  const { accountName: _name, ...rest } = f
  return rest
}
