import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { ConsentView, RecordConsent } from '../../shared/contract/consent'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type Consent, ConsentEntity } from '../vault/entities/Consent'
import type { Tx } from '../workspace/Workspace'
import { hasEmployment, personPurposes, requirePerson } from './consentPerson'
import { needsEmployment } from './consentRules'
import { consentViews } from './consentView'
import { activeLegalBasisKeys } from './legalBases'
import { recordActivity } from '../retention/recordActivity'

/** A ground to record, without the person id (the contract's input minus `personId`). */
export type NewGround = RecordConsent extends infer U ? (U extends unknown ? Omit<U, 'personId'> : never) : never

/** Why a ground cannot be recorded; callers map it to their own error (form field or import row). */
export type GroundProblem = 'given-in-future' | 'ends-in-past' | 'purpose-not-recorded' | 'employment-required' | 'legal-basis-inactive'

/**
 * The checks a new ground must pass on `today`: consent is not dated in the future and has not
 * already ended; the purpose is one of the person's purposes; health needs an employment
 * (R-3a); a legal basis is on the privacy officer's list and active.
 */
export async function groundProblem(m: EntityManager, personId: string, g: NewGround, today: CalendarDate): Promise<GroundProblem | null> {
  if (g.basis === 'consent' && g.givenOn > today) return 'given-in-future'
  if (g.endsOn !== undefined && g.endsOn < today) return 'ends-in-past'
  if (!(await personPurposes(m, personId)).has(g.purpose)) return 'purpose-not-recorded'
  if (needsEmployment(g.category) && !(await hasEmployment(m, personId))) return 'employment-required'
  if (g.basis === 'legal-basis' && !(await activeLegalBasisKeys(m)).has(g.legalBasisKey)) return 'legal-basis-inactive'
  return null
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

const PROBLEM_FIELD: Record<Exclude<GroundProblem, 'employment-required'>, { path: string; key: string }> = {
  'given-in-future': { path: 'givenOn', key: 'validation.date.future' },
  'ends-in-past': { path: 'endsOn', key: 'validation.consent.endsInPast' },
  'purpose-not-recorded': { path: 'purpose', key: 'validation.special.purpose' },
  'legal-basis-inactive': { path: 'legalBasisKey', key: 'validation.special.legalBasis' }
}

/** record explicit consent or a legal basis for one category and purpose of a person. */
export async function recordConsent(ws: Workspace, input: RecordConsent): Promise<ConsentView> {
  const { personId, ...ground } = input
  const today = ws.clock.today()
  return ws.write(async (tx) => {
    const m = tx.manager
    await requirePerson(ws, m, personId)
    const problem = await groundProblem(m, personId, ground as NewGround, today)
    if (problem === 'employment-required') {
      throw new DossierError('EMPLOYMENT_REQUIRED', 'Health data is recorded only once the person works for the agency.')
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
