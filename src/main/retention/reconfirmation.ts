import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { addCalendarDays, compareDates } from '../../shared/time'
import type { ReconfirmationMethod, ReconfirmationOutcome } from '../../shared/vocabulary'
import type { Workspace } from '../workspace/Workspace'
import { PersonEntity } from '../vault/entities/Person'
import { evaluateRetentionOutlook, type RetentionClock } from './evaluateRetention'
import { loadRetentionSubjects } from './loadFacts'
import type { RetentionTerm } from './policy'
import { currentPolicy } from './policyStore'
import { recordActivity } from '../activity/recordActivity'
import { refuseIfReduced } from './restoreClock'
import { missingPerson } from '../server/hiddenRecords'

/**
 * R-11a as a workflow: the persons due for re-confirmation (twelve months without activity, reply
 * deadline not yet passed) and the staff's record of the answer. Restricted records are
 * never listed; a "wants to leave" answer is an unsubscribe as of today (R-11/R-12 run from it).
 */
export interface ReconfirmationDue {
  personId: string
  ref: string | null
  givenName: string
  familyName: string
  lastActivityOn: CalendarDate
  dueOn: CalendarDate
  deadline: CalendarDate
}

/** The fewest days a term can span: a safe (loose) cut-off for the index prefilter. */
function shortestDays(term: RetentionTerm): number {
  switch (term.unit) {
    case 'days':
      return term.amount
    case 'months':
      return term.amount * 28
    case 'years':
    case 'fullCalendarYearsAfterYearEnd':
      return term.amount * 365
  }
}

const CHUNK = 500

export async function listReconfirmationsDue(ws: Workspace, opts: { limit: number }): Promise<{ asOf: CalendarDate; total: number; items: ReconfirmationDue[] }> {
  return ws.write(async ({ manager: m, audit }) => {
    const policy = await currentPolicy(m, ws.clock)
    const today = ws.clock.today()
    // Only persons whose stored last activity is old enough can be due: one indexed range read
    // instead of evaluating every person (the engine then decides exactly).
    const cutoff = addCalendarDays(today, -shortestDays(policy.rules['inactivity-reconfirm'].term))
    const candidates = (await m
      .createQueryBuilder()
      .from('person', 'p')
      .select('p.id', 'id')
      .where('p.state = :active', { active: 'active' })
      .andWhere('p.unsubscribedOn IS NULL')
      .andWhere('(p.lastActivityOn IS NULL OR p.lastActivityOn <= :cutoff)', { cutoff })
      .orderBy('p.id', 'ASC')
      .getRawMany()) as { id: string }[]
    const due: { personId: string; ref: string | null; lastActivityOn: CalendarDate; dueOn: CalendarDate; deadline: CalendarDate }[] = []
    for (let i = 0; i < candidates.length; i += CHUNK) {
      for (const s of await loadRetentionSubjects(m, candidates.slice(i, i + CHUNK).map((c) => c.id))) {
        const { clock, reconfirmation } = evaluateRetentionOutlook(s.facts, policy, today)
        if (clock.rule !== 'reconfirm-no-reply') continue
        due.push({ personId: s.facts.personId, ref: s.ref, lastActivityOn: reconfirmation.lastActivity, dueOn: reconfirmation.dueOn, deadline: reconfirmation.deadline })
      }
    }
    due.sort((a, b) => compareDates(a.deadline, b.deadline) || a.personId.localeCompare(b.personId))
    const page = due.slice(0, opts.limit)
    const names = page.length === 0 ? [] : await m.getRepository(PersonEntity).find({ select: { id: true, givenName: true, familyName: true }, where: page.map((p) => ({ id: p.personId })) })
    const nameOf = new Map(names.map((n) => [n.id, n]))
    const items = page.map((p) => ({ ...p, givenName: nameOf.get(p.personId)?.givenName ?? '', familyName: nameOf.get(p.personId)?.familyName ?? '' }))
    await audit({ action: 'retention.reconfirm-list', subjectId: null, fields: ['givenName', 'familyName', 'ref', 'lastActivityOn'], reason: `records=${items.length}` })
    return { asOf: today, total: due.length, items }
  })
}

export interface ReconfirmationResult {
  personId: string
  outcome: ReconfirmationOutcome
  clock: RetentionClock
}

/**
 * The person answered: `confirmed` is activity today (the clock restarts), `wants-to-leave` is an
 * unsubscribe today. Audited `retention.reconfirm` with the field names, the answer and how it came
 * in — no values. Only an active record (restricted ones are not the staff's to touch).
 */
export async function recordReconfirmation(
  ws: Workspace,
  input: { personId: string; outcome: ReconfirmationOutcome; how: ReconfirmationMethod }
): Promise<ReconfirmationResult> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await m.getRepository(PersonEntity).findOne({ select: { id: true, state: true, unsubscribedOn: true }, where: { id: input.personId } })
    if (!person) throw await missingPerson(m, input.personId)
    refuseIfReduced(person.state)
    if (person.state !== 'active') throw new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can open it.')
    const today = ws.clock.today()
    const fields: string[] = []
    if (input.outcome === 'confirmed') {
      await recordActivity(m, person.id, 'confirmation', today)
      fields.push('lastActivityOn')
    } else if (person.unsubscribedOn === null) {
      await m.getRepository(PersonEntity).update({ id: person.id }, { unsubscribedOn: today, updatedAt: ws.clock.now().toISOString() })
      fields.push('unsubscribedOn')
    }
    await audit({ action: 'retention.reconfirm', subjectId: person.id, fields, reason: `outcome=${input.outcome}; how=${input.how}` })
    const [subject] = await loadRetentionSubjects(m, [person.id])
    const policy = await currentPolicy(m, ws.clock)
    const { clock } = evaluateRetentionOutlook(subject!.facts, policy, today)
    return { personId: person.id, outcome: input.outcome, clock }
  })
}
