import type { Command } from 'commander'
import type { EmploymentKind } from '../../../shared/domain'
import { checkedByContract, globals, print, withSession } from '../cliContext'

/** Drops options the user did not give, so the contract sees them as absent. */
function given<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

/**
 * CLI commands of the relations capability (R-5, R-8, R-9a): clients and contacts, assignments,
 * and reading the disclosure log and rules. Sharing itself is done in the app, where staff see the
 * profile before it goes out.
 */
export function registerRelationsCommands(program: Command): void {
  const client = program.command('client').description('client companies (opdrachtgevers) and their contact persons')

  client
    .command('list')
    .description('clients by name, with their number of contact persons')
    .option('--query <text>', 'part of the name or city')
    .action(async (o: { query?: string }, cmd: Command) => {
      const g = globals(cmd)
      const list = await withSession(g, (s) => s.call('listClients', given(o)))
      print(g, list, () => (list.length ? list.map((c) => `${c.id}\t${c.name}\t${c.city ?? ''}\t${c.contactCount} contact(s)`).join('\n') : 'No clients.'))
    })

  client
    .command('add')
    .description('register a client company')
    .requiredOption('--name <name>', 'company name (unique)')
    .option('--street <street>')
    .option('--house-number <number>')
    .option('--postcode <postcode>', 'Dutch postcode, e.g. 1234 AB')
    .option('--city <city>')
    .option('--email <email>')
    .option('--phone <phone>')
    .action(async (o: { name: string; street?: string; houseNumber?: string; postcode?: string; city?: string; email?: string; phone?: string }, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('createClient', given(o)))
      print(g, r, () => `Client added: ${r.clientId}`)
    })

  client
    .command('show <clientId>')
    .description('a client with its contact persons and assignments (audited view)')
    .action(async (clientId: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const d = await withSession(g, (s) => s.call('getClient', { clientId }))
      print(g, d, () =>
        [
          `${d.client.name}`,
          [d.client.street, d.client.houseNumber, d.client.postcode, d.client.city].filter(Boolean).join(' '),
          [d.client.email, d.client.phone].filter(Boolean).join('  '),
          `Contact persons (${d.contacts.length}):`,
          ...d.contacts.map((c) => `  ${c.id}\t${c.givenName} ${c.familyName}\t${c.function ?? ''}\t${c.email ?? ''}\t${c.phone ?? ''}`),
          `Assignments (${d.assignments.length}):`,
          ...d.assignments.map((a) => `  ${a.start} – ${a.end ?? '…'}\t${a.kind}\t${a.personName}`)
        ].join('\n')
      )
    })

  client
    .command('add-contact <clientId>')
    .description('add a contact person to a client')
    .requiredOption('--given-name <name>')
    .requiredOption('--family-name <name>')
    .option('--email <email>')
    .option('--phone <phone>')
    .option('--function <function>', 'the contact person’s function')
    .action(async (clientId: string, o: { givenName: string; familyName: string; email?: string; phone?: string; function?: string }, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('addClientContact', { clientId, ...given(o) }))
      print(g, r, () => `Contact person added: ${r.contactId}`)
    })

  const assignment = program.command('assignment').description('assignments: a person placed with a client')
  assignment
    .command('add')
    .description('place a person with a client (an employment period at that client)')
    .requiredOption('--person <id>')
    .requiredOption('--client <id>')
    .requiredOption('--start <date>', 'YYYY-MM-DD')
    .option('--end <date>', 'YYYY-MM-DD (absent while it lasts)')
    .requiredOption('--kind <kind>', 'uitzenden | detachering | payroll')
    .action(async (o: { person: string; client: string; start: string; end?: string; kind: string }, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('addAssignment', { personId: o.person, clientId: o.client, start: o.start, kind: checkedByContract<EmploymentKind>(o.kind), ...given({ end: o.end }) }))
      print(g, r, () => `Assignment added: ${r.employmentId}`)
    })
  assignment
    .command('list')
    .description("a person's or a client's assignments")
    .option('--person <id>')
    .option('--client <id>')
    .action(async (o: { person?: string; client?: string }, cmd: Command) => {
      const g = globals(cmd)
      const list = await withSession(g, (s) => s.call('listAssignments', given({ personId: o.person, clientId: o.client })))
      print(g, list, () => (list.length ? list.map((a) => `${a.employmentId}\t${a.start} – ${a.end ?? '…'}\t${a.kind}\t${a.clientName}\t${a.personName}`).join('\n') : 'No assignments.'))
    })

  const disclosure = program.command('disclosure').description('disclosures of personal data to clients (R-8)')
  disclosure
    .command('list <personId>')
    .description("a person's disclosures: to whom, which fields, when, why, by whom (audited view)")
    .option('--reason <text>', 'why a shielded record is opened (privacy officer)')
    .action(async (personId: string, o: { reason?: string }, cmd: Command) => {
      const g = globals(cmd)
      const list = await withSession(g, (s) => s.call('listDisclosures', { personId, ...given(o) }))
      print(g, list, () =>
        list.length
          ? list.map((d) => `${d.reference}\t${d.disclosedAt}\t${d.purpose}\t${d.recipientName}\t${d.fields.join(',')}\t${d.actorName ?? ''}`).join('\n')
          : 'No disclosures.'
      )
    })
  disclosure
    .command('rules')
    .description('the allowed-fields list per disclosure purpose in force (R-9a)')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const rules = await withSession(g, (s) => s.call('getDisclosureRules'))
      print(g, rules, () =>
        [
          `Disclosure rules, version ${rules.version}`,
          ...rules.purposes.map((p) => `${p.purpose}: ${p.allowed.join(', ')}${p.requiresAssignment ? ' (needs an assignment)' : ''}`),
          `only with consent: ${rules.neverWithoutConsent.join(', ')}`,
          `never: ${rules.never.join(', ')}`
        ].join('\n')
      )
    })
}
