import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { ConsentView, RecordConsent } from '../../shared/contract/consent'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type Consent, ConsentEntity } from '../vault/entities/Consent'
import type { Tx } from '../workspace/Workspace'
import { personPurposes, requirePersonToChange } from './consentPerson'
import { consentViews } from './consentView'
import type { GroundMisfitReason } from '../../shared/vocabulary'
import { groundFits } from './groundFits'
import { GROUNDS_POLICY } from './groundsPolicy'
import { groundSubject } from './groundSubject'
import { groundMisfitError } from './requireGroundFits'
import { activeLegalBasisKeys } from './legalBases'
import { recordActivity } from '../activity/recordActivity'

/** A ground to record, without the person id (the contract's input minus `personId`). */
export type NewGround = RecordConsent extends infer U ? (U extends unknown ? Omit<U, 'personId'> : never) : never

/** Why a ground cannot be recorded; callers map it to their own error (form field or import row). */
export type GroundProblem = 'given-in-future' | 'ends-in-past' | 'purpose-not-recorded' | 'legal-basis-inactive' | { misfit: GroundMisfitReason }

/** `consent`, or the legal-basis key: the ground as the grounds policy names it. */
export function groundName(g: Pick<NewGround, 'basis'> & { legalBasisKey?: string | null }): string {
  return g.basis === 'consent' ? 'consent' : (g.legalBasisKey ?? '')
}

/**
 * The checks a new ground must pass on `today`: consent is not dated in the future and has not
 * already ended; the purpose is one of the person's purposes; a legal basis is on the
 * privacy officer's list and active; and the ground fits the category for this person and
 * purpose (R-4a, grounds policy — which also holds R-3a: no health questions at registration).
 */
export async function groundProblem(m: EntityManager, personId: string, g: NewGround, today: CalendarDate): Promise<GroundProblem | null> {
  if (g.basis === 'consent' && g.givenOn > today) return 'given-in-future'
  if (g.endsOn !== undefined && g.endsOn < today) return 'ends-in-past'
  if (!(await personPurposes(m, personId)).has(g.purpose)) return 'purpose-not-recorded'
  if (g.basis === 'legal-basis' && !(await activeLegalBasisKeys(m)).has(g.legalBasisKey)) return 'legal-basis-inactive'
  const fit = groundFits(GROUNDS_POLICY, { category: g.category, ground: groundName(g), purpose: g.purpose, ...(await groundSubject(m, personId, today)) })
  return fit.ok ? null : { misfit: fit.reason }
}

/** Writes the consent record and its audit entry; the caller has checked `groundProblem`. */
export async function insertGround(tx: Tx, personId: string, g: NewGround): Promise<Consent> {
  const m = tx.manager
  const row: Consent = {
    id: randomUUID(),
    personId,
    category: g.category,
    purpose: g.purpose,
    basis: g.basis,
    legalBasisKey: g.basis === 'legal-basis' ? g.legalBasisKey : null,
    // For a legal basis: the date it was recorded, from which it counts.
    givenOn: g.basis === 'consent' ? g.givenOn : tx.today,
    how: g.basis === 'consent' ? g.how : null,
    wording: g.basis === 'consent' ? g.wording : null,
    statementVersion: g.basis === 'consent' ? g.statementVersion : null,
    endsOn: g.endsOn ?? null,
    recordedBy: tx.actorId,
    recordedAt: tx.at,
    withdrawnOn: null,
    withdrawnBy: null,
    expiredPurgedOn: null
  }
  await m.getRepository(ConsentEntity).insert(row)
  const fields = g.basis === 'consent' ? ['category', 'purpose', 'basis', 'givenOn', 'how', 'wording', 'statementVersion'] : ['category', 'purpose', 'basis', 'legalBasisKey']
  if (g.endsOn !== undefined) fields.push('endsOn')
  await tx.audit({ action: 'consent.record', subjectId: personId, fields: fields.map((f) => `consent.${f}`) })
  return row
}

const PROBLEM_FIELD: Record<Exclude<GroundProblem, { misfit: GroundMisfitReason }>, { path: string; key: string }> = {
  'given-in-future': { path: 'givenOn', key: 'validation.date.future' },
  'ends-in-past': { path: 'endsOn', key: 'validation.consent.endsInPast' },
  'purpose-not-recorded': { path: 'purpose', key: 'validation.special.purpose' },
  'legal-basis-inactive': { path: 'legalBasisKey', key: 'validation.special.legalBasis' }
}

/** The form field a misfit points at: the legal basis, the purpose, the category (under consent) or (at registration) the date. */
function misfitPath(g: NewGround, reason: GroundMisfitReason): string {
  if (reason === 'purpose-not-covered') return 'purpose'
  if (reason === 'category-refused') return 'category'
  if (reason === 'at-registration') return g.basis === 'consent' ? 'givenOn' : 'category'
  return g.basis === 'consent' ? 'category' : 'legalBasisKey'
}

/** R-4, R-4a: record explicit consent or a legal basis for one category and purpose of a person. */
export async function recordConsent(ws: Workspace, input: RecordConsent): Promise<ConsentView> {
  const { personId, ...ground } = input
  const today = ws.clock.today()
  return ws.write(async (tx) => {
    const m = tx.manager
    await requirePersonToChange(ws, m, personId)
    const problem = await groundProblem(m, personId, ground as NewGround, today)
    if (typeof problem === 'object' && problem !== null) {
      throw groundMisfitError(ground.category, problem.misfit, misfitPath(ground as NewGround, problem.misfit))
    }
    if (problem !== null) {
      throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues: [PROBLEM_FIELD[problem]] })
    }
    const row = await insertGround(tx, personId, ground as NewGround)
    await recordActivity(m, personId, 'consent', today)
    const [view] = await consentViews(m, [row], today)
    return view!
  })
}
