import { demoPersons } from '../src/main/demo/generateDemo'
import type { OperationInput } from '../src/shared/contract/client'
import type { ImportPerson } from '../src/shared/import/importFormat'
import { BENCH_SEED, BENCH_TODAY } from './benchVault'

/**
 * Intake form inputs from the demo generator: registered candidates and prospects (no
 * employment, procedure, BSN or special data — intake refuses those, R-3a), mapped to the intake
 * shape. Another seed and indexes past the data set keep refs, e-mails and phones new, so the
 * duplicate and do-not-contact checks run and pass as for a real new person.
 */
export type IntakeInput = OperationInput<'createPerson'>

export function intakeInputs(size: number, count: number): IntakeInput[] {
  const out: IntakeInput[] = []
  let index = 0
  for (const p of demoPersons({ persons: size + count * 4, seed: BENCH_SEED + 1, today: BENCH_TODAY })) {
    if (index++ < size) continue
    if (p.employments || p.recruitment || p.bsn || p.special || p.doNotContact || p.unsubscribedOn) continue
    out.push(toIntake(p))
    if (out.length === count) break
  }
  return out
}

function toIntake(p: ImportPerson): IntakeInput {
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
    registeredOn: p.registeredOn,
    roles: p.roles,
    purposes: p.purposes,
    statementVersion: p.statementVersion ?? '2018-05',
    statementShownOn: p.registeredOn
  }
}
