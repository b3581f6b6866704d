import { z } from 'zod'
import { requiredText } from '../validation/fields'
import { STAFF_ROLES } from '../domain'
import { operation } from './operation'
import { passphraseSchema } from '../validation/passphrase'
import { accountNameSchema } from './session'

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  disabled: z.boolean(),
  createdAt: z.string()
})
export type AccountInfo = z.infer<typeof accountSchema>

export const accountOperations = {
  listAccounts: operation({
    summary: 'All staff accounts (admin).',
    access: ['admin'],
    input: z.strictObject({}),
    output: z.array(accountSchema)
  }),
  addAccount: operation({
    summary: 'Add a staff account with roles and a first passphrase (admin).',
    access: ['admin'],
    input: z.strictObject({
      username: accountNameSchema,
      displayName: requiredText(100),
      roles: z.array(z.enum(STAFF_ROLES)).min(1, 'validation.required'),
      passphrase: passphraseSchema
    }),
    output: accountSchema
  }),
  setAccountDisabled: operation({
    summary: 'Disable (removes its key slot) or re-enable with a new passphrase a staff account (admin).',
    access: ['admin'],
    input: z.strictObject({ accountId: z.uuid(), disabled: z.boolean(), passphrase: passphraseSchema.optional() }),
    output: accountSchema
  })
}
