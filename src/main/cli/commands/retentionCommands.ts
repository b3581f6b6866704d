import type { Command } from 'commander'
import { describeTerm, RECONFIRMATION_METHODS, type ReconfirmationMethod } from '../../../shared/vocabulary'
import { globals, print, withSession } from '../cliContext'

/**
 * CLI commands of the retention capability (R-11..R-17):
 *   dossier retention preview [--as-of YYYY-MM-DD] [--within DAYS]   (every person's next step; any date; changes nothing)
 *   dossier retention run [--as-of YYYY-MM-DD]                        (today, or a past date)
 *   dossier retention runs                                            (the run log)
 *   dossier retention preview --clocks [--as-of YYYY-MM-DD]          (every person's clock, R-11a)
 *   dossier retention due [--limit N]                                 (persons due for re-confirmation)
 *   dossier retention reconfirm ID --how phone|email|desk [--leave]   (record the answer)
 *   dossier policy show [--history]
 * Opening the vault runs the catch-up sweep first, as every unlock does.
 */
export function registerRetentionCommands(program: Command): void {
  const retention = program.command('retention').description('retention terms (bewaartermijnen): preview and run the sweep')

  retention
    .command('preview')
    .description(
      'every person and the date of their next retention step as of a date (R-11a: none without one): ' +
        'first what the sweep would do by then, then the rest with the step that comes next: [{id, ref, state, rule, action, dueDate, pending}]'
    )
    .option('--as-of <date>', 'YYYY-MM-DD (default: today; any date)')
    .option('--within <days>', 'only the sweep\'s actions due within this many days after the date')
    .option('--clocks', 'every person\'s clock instead (R-11a): [{id, ref, state, rule, action, dueDate, since}]')
    .action(async (o: { asOf?: string; within?: string; clocks?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      const input = { ...(o.asOf ? { asOf: o.asOf } : {}), ...(o.within !== undefined ? { horizonDays: Number(o.within) } : {}) }
      if (o.clocks) {
        const withClocks = await withSession(g, (s) => s.call('previewRetention', { ...input, clocks: true }))
        const clocks = withClocks.clocks ?? []
        print(g, clocks, () => clocks.map((c) => [c.dueDate, c.action, c.rule, c.ref ?? c.id, c.state, `since ${c.since}`].join('\t')).join('\n'))
        return
      }
      const preview = await withSession(g, (s) => s.call('previewRetention', { ...input, clocks: o.within === undefined }))
      const pending = preview.items.map((i) => ({ id: i.id, ref: i.ref, state: i.state, rule: i.rule, action: i.action, dueDate: i.dueDate, pending: true }))
      const listed = new Set(pending.map((i) => i.id))
      const later = (preview.clocks ?? []).filter((c) => !listed.has(c.id)).map((c) => ({ id: c.id, ref: c.ref, state: c.state, rule: c.rule, action: c.action, dueDate: c.dueDate, pending: false }))
      const rows = [...pending, ...later]
      print(g, rows, () =>
        rows.length === 0
          ? `Nothing pending as of ${preview.asOf}.`
          : rows.map((i) => [i.dueDate, i.action, i.rule, i.ref ?? i.id, i.state, i.pending ? 'due' : 'next'].join('\t')).join('\n')
      )
    })

  retention
    .command('run')
    .description('apply every retention action due today, or as of a past date (never a future one)')
    .option('--as-of <date>', 'YYYY-MM-DD, today or earlier (default: today)')
    .action(async (o: { asOf?: string }, cmd: Command) => {
      const g = globals(cmd)
      const run = await withSession(g, (s) => s.call('runRetention', o.asOf ? { asOf: o.asOf } : {}))
      print(g, run, () =>
        [
          `Retention run as of ${run.asOf} (policy version ${run.policyVersion}): ${run.personsChanged ?? 0} records changed in ${run.durationMs ?? 0} ms.`,
          ...Object.entries(run.counts).map(([k, n]) => `  ${k}: ${n}`)
        ].join('\n')
      )
    })

  retention
    .command('runs')
    .description('the retention run log, newest first')
    .option('--limit <n>', 'how many runs', '20')
    .action(async (o: { limit: string }, cmd: Command) => {
      const g = globals(cmd)
      const runs = await withSession(g, (s) => s.call('listRetentionRuns', { limit: Number(o.limit) }))
      print(g, runs, () => runs.map((r) => [r.startedAt, r.asOf, r.trigger, `v${r.policyVersion}`, r.finishedAt ? 'done' : 'interrupted', JSON.stringify(r.counts)].join('\t')).join('\n'))
    })

  retention
    .command('due')
    .description('persons due for re-confirmation (R-11a), earliest deadline first: [{personId, ref, givenName, familyName, lastActivityOn, dueOn, deadline}]')
    .option('--limit <n>', 'at most this many (1..1000)', '200')
    .action(async (o: { limit: string }, cmd: Command) => {
      const g = globals(cmd)
      const due = await withSession(g, (s) => s.call('listReconfirmationsDue', { limit: Number(o.limit) }))
      print(g, due.items, () =>
        due.items.length === 0
          ? `Nobody is due for re-confirmation as of ${due.asOf}.`
          : [
              `${due.total} due for re-confirmation as of ${due.asOf}:`,
              ...due.items.map((i) => [i.deadline, i.ref ?? i.personId, `${i.givenName} ${i.familyName}`, `last activity ${i.lastActivityOn}`].join('\t'))
            ].join('\n')
      )
    })

  retention
    .command('reconfirm <personId>')
    .description('record the answer to a re-confirmation (R-11a): confirmed, or with --leave unsubscribed today')
    .requiredOption('--how <how>', `how the answer came in: ${RECONFIRMATION_METHODS.join('|')}`)
    .option('--leave', 'the person wants to leave (unsubscribed today)')
    .action(async (personId: string, o: { how: string; leave?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      // an unknown --how is refused by the operation's input schema (VALIDATION_FAILED, path how)
      const input = { personId, outcome: o.leave ? ('wants-to-leave' as const) : ('confirmed' as const), how: o.how as ReconfirmationMethod }
      const result = await withSession(g, (s) => s.call('recordReconfirmation', input))
      print(g, result, () => `Recorded: ${result.outcome}. Next: ${result.clock.action} (${result.clock.rule}) on ${result.clock.dueDate}.`)
    })

  const policy = program.command('policy').description('the retention policy (terms per rule, versioned)')
  policy
    .command('show')
    .description('the retention policy in force (with --history: every version)')
    .option('--history', 'every version, newest first')
    .action(async (o: { history?: boolean }, cmd: Command) => {
      const g = globals(cmd)
      const result = await withSession(g, (s) => s.call('getRetentionPolicy', {}))
      const value = o.history ? result.versions : result.current
      print(g, value, () =>
        [
          `Retention policy version ${result.current.version}`,
          ...result.current.rules.map((r) => `  ${r.id} (${r.requirement}${r.law ? `, ${r.law}` : ''}): ${describeTerm(r.term, 'en')} → ${r.action}`)
        ].join('\n')
      )
    })
}
