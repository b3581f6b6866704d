import { demoPersons } from '../../../src/main/demo/generateDemo'
import type { OperationInput } from '../../../src/shared/contract/client'
import type { ImportPerson } from '../../../src/shared/import/importFormat'

type IntakeInput = OperationInput<'createPerson'>

/**
 * Synthetic people for the reliability suite, from the demo generator (never real persons):
 * registered candidates and prospects only — what intake accepts (R-3a: no employment, BSN or
 * special data at registration). Registered on the demo's last contact (within 13 months of
 * `today`, so no re-confirmation deadline has passed, R-11a) unless `registeredOn` pins the date
 * (`DUE_REGISTERED_ON` with `DUE_UNSUBSCRIBED_ON` makes them due at the next sweep, R-12).
 */
export function intakeInputs(opts: { count: number; seed: number; today: string; registeredOn?: string }): IntakeInput[] {
  const out: IntakeInput[] = []
  for (const p of demoPersons({ persons: opts.count * 4 + 20, seed: opts.seed, today: opts.today })) {
    if (!isPlainCandidate(p)) continue
    out.push(toIntake(p, opts.registeredOn ?? p.lastContactOn ?? p.registeredOn))
    if (out.length === opts.count) break
  }
  return out
}

/**
 * For the suites' fixed TODAY (2026-11-27): registered half a year before, unsubscribed more than 3
 * months before — R-12 is due at the next sweep, the R-11a re-confirmation is not.
 */
export const DUE_REGISTERED_ON = '2026-05-27'
export const DUE_UNSUBSCRIBED_ON = '2026-07-15'

/**
 * Import rows that stay active at `today` (never employed, no procedure, not unsubscribed, no
 * do-not-contact, last contact within 13 months: R-11a).
 */
export function importRows(opts: { count: number; seed: number; today: string; refPrefix: string }): ImportPerson[] {
  const out: ImportPerson[] = []
  for (const p of demoPersons({ persons: opts.count * 4 + 20, seed: opts.seed, today: opts.today })) {
    if (!isPlainCandidate(p)) continue
    out.push({ ...p, ref: `${opts.refPrefix}${out.length + 1}` })
    if (out.length === opts.count) break
  }
  return out
}

function isPlainCandidate(p: ImportPerson): boolean {
  return !p.employments && !p.recruitment && !p.bsn && !p.special && !p.doNotContact && !p.unsubscribedOn
}

function toIntake(p: ImportPerson, registeredOn: string): IntakeInput {
  return {
    ref: p.ref,
    givenName: p.givenName,
    familyName: p.familyName,
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    gender: p.gender ?? 'unspecified',
    ...(p.address ? { address: p.address } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    source: p.source,
    registeredOn,
    roles: p.roles,
    purposes: p.purposes,
    statementVersion: p.statementVersion ?? '2018-05',
    statementShownOn: registeredOn
  }
}
