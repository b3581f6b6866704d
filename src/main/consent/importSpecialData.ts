import type { ImportPerson } from '../../shared/import/importFormat'
import { DossierError } from '../../shared/errors'
import type { Tx } from '../workspace/Workspace'
import { insertSpecialData } from './insertSpecialData'
import type { GroundMisfitReason } from '../../shared/vocabulary'
import { groundProblem, insertGround, type NewGround } from './recordConsent'
import { groundMisfitError } from './requireGroundFits'

/** The field of an import row a misfit points at. */
function misfitField(row: ImportSpecial, reason: GroundMisfitReason): string {
  if (reason === 'category-refused') return 'category'
  if (reason === 'purpose-not-covered') return 'purpose'
  return row.consent ? 'consent' : 'legalBasis'
}

/** One `special` row of the import format `dossier-import/1`. */
export type ImportSpecial = NonNullable<ImportPerson['special']>[number]

/**
 * R-4 for the people import: each `special` row brings its own ground — explicit consent
 * `{givenOn, how, wording, statementVersion, endsOn?}` or a legal-basis key. The ground is
 * recorded (rows with an identical ground share one record), then the value goes through the
 * same gate as every other path (insertSpecialData). A row whose consent is dated in the future
 * or has already ended, or whose legal basis is unknown or inactive, throws CONSENT_REQUIRED; a
 * row whose ground does not fit its category for this person, purpose or value (R-4a) throws
 * GROUND_DOES_NOT_FIT naming the row and the field. The import runs in one
 * transaction, so a throw here rejects the whole file and nothing is written.
 *
 * Call inside the import's transaction AFTER the person's row, purposes and employments exist.
 * Issue paths are relative to the person (`special[2]`).
 */
export async function importSpecialData(tx: Tx, personId: string, special: readonly ImportSpecial[]): Promise<void> {
  const m = tx.manager
  const recorded = new Map<string, string>()
  for (const [index, row] of special.entries()) {
    const ground: NewGround = row.consent
      ? { category: row.category, purpose: row.purpose, basis: 'consent', ...row.consent }
      : { category: row.category, purpose: row.purpose, basis: 'legal-basis', legalBasisKey: row.legalBasis ?? '', endsOn: undefined }
    const key = JSON.stringify(ground)
    if (!recorded.has(key)) {
      const problem = await groundProblem(m, personId, ground, tx.today)
      if (typeof problem === 'object' && problem !== null) {
        // R-4a: the row and the field are named, the value never.
        throw groundMisfitError(row.category, problem.misfit, `special[${index}].${misfitField(row, problem.misfit)}`)
      }
      if (problem !== null) {
        throw new DossierError('CONSENT_REQUIRED', 'A special-data row has no valid consent or legal basis; nothing was imported.', {
          issues: [{ path: `special[${index}]`, key: 'validation.special.basis' }]
        })
      }
      recorded.set(key, (await insertGround(tx, personId, ground)).id)
    }
    const at = `special[${index}]`
    await insertSpecialData(tx, personId, { category: row.category, purpose: row.purpose, value: row.value }, { category: `${at}.category`, purpose: `${at}.purpose`, value: `${at}.value` })
  }
}
