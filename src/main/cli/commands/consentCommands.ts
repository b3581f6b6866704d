import type { Command } from 'commander'
import { CONSENT_STATES } from '../../../shared/contract/consent'
import { PURPOSES, SPECIAL_CATEGORIES } from '../../../shared/domain'
import { CliFailure, globals, isOneOf, print, withSession } from '../cliContext'

/**
 * CLI commands of the consent capability: `consent list ID` and
 * `consent withdraw ID --category C --purpose P`. Both go through the contract's operations, so
 * the same roles, checks and audit apply as in the app. Special-data values are never printed.
 */
export function registerConsentCommands(program: Command): void {
  const consent = program.command('consent').description('consents and legal bases for special-category data (R-4)')

  consent
    .command('list <personId>')
    .description(`a person's consents and legal bases with their state today (${CONSENT_STATES.join(' | ')}); no special-data values`)
    .action(async (personId: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd)
      const list = await withSession(g, (s) => s.call('listConsents', { personId }))
      const rows = list.consents.map((c) => ({
        id: c.id,
        category: c.category,
        purpose: c.purpose,
        basis: c.basis,
        legalBasisKey: c.legalBasisKey,
        givenOn: c.givenOn,
        how: c.how,
        statementVersion: c.statementVersion,
        endsOn: c.endsOn,
        withdrawnOn: c.withdrawnOn,
        expiredPurgedOn: c.expiredPurgedOn,
        state: c.state,
        specialDataCount: c.specialDataCount
      }))
      print(g, rows, () =>
        rows.length === 0
          ? 'No consents or legal bases recorded.'
          : rows
              .map((c) => [c.id, c.category, c.purpose, c.basis === 'consent' ? `consent ${c.givenOn ?? ''}` : `legal basis ${c.legalBasisKey ?? ''}`, c.endsOn ? `until ${c.endsOn}` : 'no end date', c.state, `${c.specialDataCount} item(s)`].join('\t'))
              .join('\n')
      )
    })

  consent
    .command('withdraw <personId>')
    .description('withdraw the consent for one category and purpose: that data is deleted at once (secure delete)')
    .requiredOption('--category <category>', SPECIAL_CATEGORIES.join(' | '))
    .requiredOption('--purpose <purpose>', PURPOSES.join(' | '))
    .action(async (personId: string, o: { category: string; purpose: string }, cmd: Command) => {
      const g = globals(cmd)
      const { category, purpose } = o
      if (!isOneOf(SPECIAL_CATEGORIES, category)) throw new CliFailure('USAGE', `unknown category; use one of ${SPECIAL_CATEGORIES.join(', ')}`)
      if (!isOneOf(PURPOSES, purpose)) throw new CliFailure('USAGE', `unknown purpose; use one of ${PURPOSES.join(', ')}`)
      const r = await withSession(g, (s) => s.call('withdrawConsent', { personId, category, purpose }))
      print(g, r, () => `Consent withdrawn (${r.withdrawn.length} record(s)); ${r.deletedSpecialData} special-data item(s) deleted.`)
    })
}
