import type { PersonRetention } from '../../shared/contract/retention'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { evaluateRetentionOutlook } from './evaluateRetention'
import { explainRetention } from './explainRetention'
import { loadRetentionFacts } from './loadFacts'
import { currentPolicy } from './policyStore'
import { isRestricted } from './restrictedStates'
import { missingPerson } from '../server/hiddenRecords'

/**
 * One person's retention as the person screen shows it: stored state, governing rule, next
 * action and date, deletion date, plain-words explanation. A restricted record (shielded or
 * legal-hold, R-14/R-16) is shown to a privacy officer only. Audited as a view (the explanation
 * carries the person's dates).
 */
export async function getPersonRetention(ws: Workspace, personId: string): Promise<PersonRetention> {
  return ws.write(async ({ manager: m, audit }) => {
    const subject = await loadRetentionFacts(m, personId)
    if (!subject) throw await missingPerson(m, personId)
    if (isRestricted(subject.facts.state) && !ws.hasRole('privacy_officer')) {
      throw new DossierError('RETENTION_SHIELDED', 'This record is restricted; a privacy officer can open it.')
    }
    const policy = await currentPolicy(m, ws.clock)
    const { evaluation: e, clock } = evaluateRetentionOutlook(subject.facts, policy, ws.clock.today())
    // R-11a: no record without a next step — the re-confirmation clock when no action is planned.
    const next = e.due[0] ?? e.next ?? { kind: clock.action, rule: clock.rule, dueDate: clock.dueDate }
    await audit({ action: 'person.view', subjectId: personId, fields: ['retention'] })
    return {
      personId,
      state: subject.facts.state,
      rule: e.rule ?? clock.rule,
      nextAction: next ? { action: next.kind, rule: next.rule, dueDate: next.dueDate } : null,
      deletionDate: e.deletionDate,
      // the re-confirmation is worded once it is due; before that the record reads as active
      explanation: explainRetention(subject.facts, e, clock.rule === 'reconfirm-no-reply' ? clock : undefined),
      policyVersion: policy.version
    }
  })
}
