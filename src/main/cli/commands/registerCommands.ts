import type { Command } from 'commander'
import { DATA_CATEGORIES, type ProcessorView } from '../../../shared/contract/governance'
import { checkedByContract, globals, print, withSession } from '../cliContext'

interface ProcessorOptions {
  id?: string
  name: string
  purpose: string
  categories: string
  agreementOn?: string
  location: string
  country: string
  subProcessors?: string
}

interface DpiaOptions {
  id?: string
  subject: string
  assessedOn: string
  outcome: string
  nextReview: string
}

/** the registers of processors (art. 28) and of DPIAs (art. 35), as the app's screens keep them (privacy officer, admin). */
export function registerRegisterCommands(program: Command): void {
  const processor = program.command('processor').description('the register of processors (GDPR art. 28; privacy officer, admin)')
  processor
    .command('list')
    .description('every processor, by name')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const list = await withSession(g, (s) => s.call('listProcessors'))
      print(g, list, () => list.map((p: ProcessorView) => [p.name, p.purpose, p.dataCategories.join(','), p.agreementOn ?? 'no agreement', `${p.location}, ${p.country}`, p.id].join('\t')).join('\n'))
    })
  processor
    .command('save')
    .description('add a processor, or change one (--id); audited')
    .option('--id <id>', 'the processor to change')
    .requiredOption('--name <name>', 'e.g. the payroll provider')
    .requiredOption('--purpose <text>', 'what it does for the agency')
    .requiredOption('--categories <list>', `kinds of data, comma-separated (${DATA_CATEGORIES.join(', ')})`)
    .option('--agreement-on <date>', 'the processing agreement (art. 28(3)), YYYY-MM-DD')
    .requiredOption('--location <text>', 'where the data is processed')
    .requiredOption('--country <text>', 'the country')
    .option('--sub-processors <text>', 'its own processors')
    .action(async (o: ProcessorOptions, cmd: Command) => {
      const g = globals(cmd)
      const saved = await withSession(g, (s) =>
        s.call('saveProcessor', {
          ...(o.id !== undefined ? { id: o.id } : {}),
          name: o.name,
          purpose: o.purpose,
          dataCategories: checkedByContract(o.categories.split(',').map((c) => c.trim()).filter(Boolean)),
          agreementOn: o.agreementOn ?? null,
          location: o.location,
          country: o.country,
          ...(o.subProcessors !== undefined ? { subProcessors: o.subProcessors } : {})
        })
      )
      print(g, saved, () => `Processor ${saved.name} saved (${saved.id}).`)
    })
  processor
    .command('remove <id>')
    .description('remove a processor the agency no longer uses; audited')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('deleteProcessor', { id }))
      print(g, r, () => 'Processor removed.')
    })

  const dpia = program.command('dpia').description('the register of data-protection impact assessments (GDPR art. 35; privacy officer, admin)')
  dpia
    .command('list')
    .description('every DPIA, next review first')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const { dpias } = await withSession(g, (s) => s.call('listDpias'))
      print(g, dpias, () => dpias.map((d) => [d.subject, `assessed ${d.assessedOn}`, `review ${d.nextReviewOn}${d.reviewDue ? ' (due)' : ''}`, d.id].join('\t')).join('\n'))
    })
  dpia
    .command('save')
    .description('add a DPIA, or change one (--id); the next review comes after the assessment; audited')
    .option('--id <id>', 'the DPIA to change')
    .requiredOption('--subject <text>', 'what was assessed, e.g. health and absence data')
    .requiredOption('--assessed-on <date>', 'YYYY-MM-DD')
    .requiredOption('--outcome <text>', 'the outcome and measures')
    .requiredOption('--next-review <date>', 'YYYY-MM-DD')
    .action(async (o: DpiaOptions, cmd: Command) => {
      const g = globals(cmd)
      const saved = await withSession(g, (s) =>
        s.call('saveDpia', { ...(o.id !== undefined ? { id: o.id } : {}), subject: o.subject, assessedOn: o.assessedOn, outcome: o.outcome, nextReviewOn: o.nextReview })
      )
      print(g, saved, () => `DPIA saved (${saved.id}); next review ${saved.nextReviewOn}.`)
    })
  dpia
    .command('remove <id>')
    .description('remove a DPIA entry; audited')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const r = await withSession(g, (s) => s.call('deleteDpia', { id }))
      print(g, r, () => 'DPIA removed.')
    })
}
