import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { consentOperations, ProcessingConsentView } from '../../shared/contract/consent'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type ProcessingConsent, ProcessingConsentEntity } from '../vault/entities/ProcessingConsent'
import { requirePerson } from './consentPerson'

/**
 * Issue 14 point 4 and R-9a: consents that are not about special data. Offers and information
 * rest on a recorded consent (or, for an existing relation, the legitimate interest with an
 * opt-out: people/purposeLegalBasis.ts); a field on the disclosure rules' `neverWithoutConsent`
 * list (IBAN, nationality, marital status…) goes to a client only under a recorded consent of
 * the person for that field and disclosure purpose (relations/createDisclosure.ts). A consent is
 * recorded with date, how and the wording shown; withdrawing keeps the fact and dates. Audited by
 * field and purpose names only.
 */
type Ops = typeof consentOperations

/** A consent counts from the day it was given until (not on) the day it was withdrawn. */
export function consentHolds(c: Pick<ProcessingConsent, 'givenOn' | 'withdrawnOn'>, today: CalendarDate): boolean {
  return c.givenOn <= today && (c.withdrawnOn === null || c.withdrawnOn > today)
}

export async function recordProcessingConsent(ws: Workspace, input: ParsedInputOf<Ops['recordProcessingConsent']>): Promise<ProcessingConsentView> {
  return ws.write(async ({ manager: m, audit }) => {
    await requirePerson(ws, m, input.personId)
    if (input.givenOn > ws.clock.today()) {
      throw new DossierError('VALIDATION_FAILED', 'A consent cannot be given in the future.', { issues: [{ path: 'givenOn', key: 'validation.date.future' }] })
    }
    const row: ProcessingConsent = {
      id: randomUUID(),
      personId: input.personId,
      subject: input.subject,
      disclosurePurpose: input.subject === 'disclosure' ? input.disclosurePurpose : null,
      field: input.subject === 'disclosure' ? input.field : null,
      givenOn: input.givenOn,
      how: input.how,
      wording: input.wording,
      recordedBy: ws.actor?.accountId ?? null,
      recordedAt: ws.clock.now().toISOString(),
      withdrawnOn: null,
      withdrawnBy: null
    }
    await m.getRepository(ProcessingConsentEntity).insert(row)
    await audit({ action: 'consent.record', subjectId: input.personId, fields: row.field ? [row.field] : [], reason: [row.subject, row.disclosurePurpose].filter(Boolean).join(' ') })
    return viewOf(row)
  })
}

export async function withdrawProcessingConsent(ws: Workspace, consentId: string): Promise<ProcessingConsentView> {
  return ws.write(async ({ manager: m, audit }) => {
    const repo = m.getRepository(ProcessingConsentEntity)
    const row = await repo.findOneBy({ id: consentId })
    if (!row) throw new DossierError('NOT_FOUND', 'No consent with this id.')
    await requirePerson(ws, m, row.personId)
    if (row.withdrawnOn !== null) return viewOf(row)
    const withdrawn = { ...row, withdrawnOn: ws.clock.today(), withdrawnBy: ws.actor?.accountId ?? null }
    await repo.update({ id: consentId }, { withdrawnOn: withdrawn.withdrawnOn, withdrawnBy: withdrawn.withdrawnBy })
    await audit({ action: 'consent.withdraw', subjectId: row.personId, fields: row.field ? [row.field] : [], reason: [row.subject, row.disclosurePurpose].filter(Boolean).join(' ') })
    return viewOf(withdrawn)
  })
}

export async function listProcessingConsents(ws: Workspace, personId: string): Promise<ProcessingConsentView[]> {
  return ws.read(async ({ manager: m }) => {
    await requirePerson(ws, m, personId)
    return (await processingConsentsOf(m, personId)).map(viewOf)
  })
}

export async function processingConsentsOf(m: EntityManager, personId: string): Promise<ProcessingConsent[]> {
  return m.getRepository(ProcessingConsentEntity).find({ where: { personId }, order: { givenOn: 'ASC', recordedAt: 'ASC' } })
}

/** R-9a: the fields the person's recorded consents allow to go to a client for this purpose today. */
export async function consentedDisclosureFields(m: EntityManager, personId: string, disclosurePurpose: string, today: CalendarDate): Promise<Set<string>> {
  const rows = await m.getRepository(ProcessingConsentEntity).findBy({ personId, subject: 'disclosure', disclosurePurpose })
  return new Set(rows.filter((c) => consentHolds(c, today)).flatMap((c) => (c.field === null ? [] : [c.field])))
}

function viewOf(c: ProcessingConsent): ProcessingConsentView {
  return {
    id: c.id,
    personId: c.personId,
    subject: c.subject,
    disclosurePurpose: c.disclosurePurpose as ProcessingConsentView['disclosurePurpose'],
    field: c.field,
    givenOn: c.givenOn,
    how: c.how,
    wording: c.wording,
    withdrawnOn: c.withdrawnOn
  }
}
