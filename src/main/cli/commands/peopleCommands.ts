import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { ImportSummary, PersonDetail, PersonListItem } from '../../../shared/contract/people'
import { seedDemo } from '../../demo/seedDemo'
import { CliFailure, globals, print, withSession } from '../cliContext'

/** Persons per page when listing (the contract's maximum). */
const PAGE = 100

/**
 * CLI commands of the people capability: `import FILE.json`, `person list`, `person show`,
 * `seed-demo`. Everything goes through the contract's operations (same validation, roles and
 * audit as the app), except seed-demo's bulk insert (main/demo/seedDemo.ts, admin only).
 */
export function registerPeopleCommands(program: Command): void {
  program
    .command('import <file>')
    .description('import a dossier-import/1 JSON file: all or nothing; problems are listed by position and field')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      let text: string
      try {
        text = readFileSync(resolve(file), 'utf8')
      } catch {
        throw new CliFailure('USAGE', 'cannot read the import file')
      }
      let summary: ImportSummary
      try {
        summary = await withSession(g, (s) => s.call('importPersons', { text }))
      } catch (e) {
        // Human output: one issue per line (positions, field names and message keys — no values).
        if (!g.json && e instanceof CliFailure && e.issues.length > 0) {
          for (const issue of e.issues) process.stderr.write(`${issue.path || '(file)'}: ${issue.key}\n`)
          throw new CliFailure(e.code, e.message)
        }
        throw e
      }
      // R-4a: free text that looks like special data was imported; each row and field named on stderr (no values).
      if (!g.json) for (const w of summary.warnings) process.stderr.write(`${w.path}: ${w.key} (${w.category})\n`)
      print(g, summary, () => `Imported ${summary.persons} persons, ${summary.doNotContact} do-not-contact entries, ${summary.clients} clients.`)
    })

  const person = program.command('person').description('person records')
  person
    .command('list')
    .description('list persons (shielded and legal-hold records only with --include-shielded, privacy officer)')
    .option('--include-shielded', 'include shielded and legal-hold records (privacy officer)')
    .option('--query <text>', 'name, e-mail, phone, postcode or ref prefix')
    .action(async (o: { includeShielded?: boolean; query?: string }, cmd: Command) => {
      const g = globals(cmd)
      const items = await withSession(g, async (s) => {
        const all: PersonListItem[] = []
        for (let offset = 0; ; offset += PAGE) {
          const page = await s.call('searchPersons', {
            ...(o.query ? { query: o.query } : {}),
            ...(o.includeShielded ? { includeShielded: true } : {}),
            limit: PAGE,
            offset
          })
          all.push(...page.items)
          if (!page.hasMore) return all
        }
      })
      const rows = items.map((p) => ({ id: p.id, ref: p.ref, givenName: p.givenName, familyName: p.familyName, roles: p.roles, state: p.state }))
      print(g, rows, () => rows.map((p) => `${p.id}\t${p.ref ?? ''}\t${p.givenName} ${p.familyName}\t${p.roles.join(',')}\t${p.state}`).join('\n'))
    })

  person
    .command('show [id]')
    .description('show one person by id or --ref (audited view)')
    .option('--ref <ref>', 'the person reference (legacy id)')
    .option('--reason <text>', 'why a shielded record is opened (privacy officer)')
    .option('--reveal-bsn', 'show the BSN unmasked (audited)')
    .action(async (id: string | undefined, o: { ref?: string; reason?: string; revealBsn?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      if ((id === undefined) === (o.ref === undefined)) throw new CliFailure('USAGE', 'give either an id or --ref')
      const detail = await withSession(g, (s) =>
        s.call('getPerson', {
          ...(id !== undefined ? { personId: id } : { ref: o.ref }),
          ...(o.reason ? { reason: o.reason } : {}),
          ...(o.revealBsn ? { revealBsn: true } : {})
        })
      )
      print(g, detail, () => humanDetail(detail))
    })

  program
    .command('seed-demo')
    .description('fill the vault with synthetic demo persons (admin)')
    .option('--persons <n>', 'number of persons', '1000')
    .option('--seed <n>', 'seed of the generator (same seed, same data)', '1')
    .action(async (o: { persons: string; seed: string }, cmd: Command) => {
      const g = globals(cmd)
      const persons = Number(o.persons)
      const seed = Number(o.seed)
      if (!Number.isInteger(persons) || persons < 0 || persons > 1_000_000) throw new CliFailure('USAGE', '--persons must be a whole number from 0 to 1000000')
      if (!Number.isInteger(seed) || seed < 0) throw new CliFailure('USAGE', '--seed must be a whole number')
      const summary = await withSession(g, (s) => seedDemo(s.app, { persons, seed }))
      print(g, summary, () => `Added ${summary.persons} demo persons, ${summary.doNotContact} do-not-contact entries, ${summary.clients} clients in ${(summary.ms / 1000).toFixed(1)} s.`)
    })
}

function humanDetail(p: PersonDetail): string {
  const line = (label: string, value: string | null | undefined) => (value ? `${label}: ${value}` : null)
  return [
    `${p.givenName} ${p.familyName}${p.ref ? ` (${p.ref})` : ''}`,
    line('id', p.id),
    line('state', p.state),
    line('roles', p.roles.join(', ')),
    line('purposes', p.purposes.map((x) => `${x.purpose} (${x.legalBasis})`).join(', ')),
    line('birth date', p.birthDate),
    line('e-mail', p.email),
    line('phone', p.phone),
    line('address', [p.address.street, p.address.houseNumber, p.address.postcode, p.address.city].filter(Boolean).join(' ')),
    line('source', p.source.detail ? `${p.source.kind} (${p.source.detail})` : p.source.kind),
    line('registered', p.registeredOn),
    line('unsubscribed', p.unsubscribedOn),
    line('BSN', p.employmentData.bsn),
    line('employments', p.employments.map((e) => `${e.kind} ${e.start}..${e.end ?? ''}`).join('; ')),
    line('W&S', p.recruitment.map((r) => `${r.clientName} ${r.start}..${r.end ?? ''}`).join('; ')),
    line('attachments', p.attachments.map((a) => `${a.kind}: ${a.fileName}`).join('; '))
  ]
    .filter((l): l is string => l !== null)
    .join('\n')
}
