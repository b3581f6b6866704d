import type { DataSource } from 'typeorm'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'
import { STAFF_ROLES, type StaffRole } from '../../shared/vocabulary/staffRoles'
import { passphraseProblem } from '../../shared/validation/passphrase'
import { addOfficeKeySlot, type OfficeKeys } from './officeKeyring'
import { scramSha256Verifier } from './scramVerifier'
import { GROUP_ROLES } from './serverRoles'

/** A login's name: what PostgreSQL takes without surprises (lower case, no quotes, ≤ 63 bytes). */
const loginName = z.string().regex(/^[a-z][a-z0-9_.-]{0,62}$/)

/**
 * Issue 17 point 2: a staff account's own PostgreSQL login, a member of the group role of each of
 * its Dossier roles (`serverRoles.ts`: what the group may read and write). The passphrase reaches
 * the server only as a SCRAM verifier (`scramVerifier.ts`). Run as the schema's owner (or a role
 * with CREATEROLE). An existing login is refused (ACCOUNT_EXISTS), never changed.
 *
 * With `granter` (an administrator's office keys, officeKeyring.ts) the account also gets its key
 * slot for the same passphrase, in the same transaction: the login and the slot land together or
 * not at all. A privacy officer's or administrator's slot is granted the restricted key.
 */
export async function addServerLogin(dataSource: DataSource, input: { name: string; roles: readonly StaffRole[]; passphrase: string; granter?: OfficeKeys; kdfN?: number }): Promise<{ login: string; groups: string[]; keySlot: boolean }> {
  if (!loginName.safeParse(input.name).success) {
    throw new DossierError('VALIDATION_FAILED', 'A login name is lower-case letters, digits, "_", "." or "-", starting with a letter.', { issues: [{ path: 'name', key: 'validation.option' }] })
  }
  const problem = passphraseProblem(input.passphrase)
  if (problem) throw new DossierError('PASSPHRASE_TOO_SHORT', 'The passphrase is too weak.', { issues: [{ path: 'passphrase', key: problem }] })
  const roles = z.array(z.enum(STAFF_ROLES)).min(1).safeParse(input.roles)
  if (!roles.success) throw new DossierError('VALIDATION_FAILED', 'A login needs one or more of the roles staff, privacy_officer, admin.', { issues: [{ path: 'roles', key: 'validation.option' }] })
  const groups = [...new Set(roles.data)].map((r) => GROUP_ROLES[r])
  // The verifier is base64 and punctuation only, the name and groups checked above: safe to inline
  // (CREATE ROLE takes no bound parameters).
  const verifier = scramSha256Verifier(input.passphrase)
  const granter = input.granter
  try {
    await dataSource.transaction(async (m) => {
      await m.query(`CREATE ROLE "${input.name}" LOGIN PASSWORD '${verifier}' IN ROLE ${groups.map((g) => `"${g}"`).join(', ')}`)
      if (granter) {
        const restricted = roles.data.some((r) => r !== 'staff')
        await addOfficeKeySlot(m, granter, { accountName: input.name, passphrase: input.passphrase, restricted }, input.kdfN)
      }
    })
  } catch (e) {
    if ((e as { code?: string }).code === '42710') throw new DossierError('ACCOUNT_EXISTS', 'This login exists already.')
    throw e
  }
  return { login: input.name, groups, keySlot: granter !== undefined }
}
