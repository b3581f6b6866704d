import { describe, expect, it } from 'vitest'
import { accountOperations } from '../../../src/shared/contract/accounts'
import { sessionOperations } from '../../../src/shared/contract/session'
import { PASSPHRASE_MIN_LENGTH, passphraseProblem, passphraseSchema } from '../../../src/shared/validation/passphrase'

describe('the passphrase rule (R-21), one schema for every place a passphrase is chosen', () => {
  it('needs at least 12 characters and allows up to 1024', () => {
    expect(PASSPHRASE_MIN_LENGTH).toBe(12)
    expect(passphraseProblem('x'.repeat(11))).toBe('validation.passphrase.tooShort')
    expect(passphraseProblem('')).toBe('validation.passphrase.tooShort')
    expect(passphraseProblem('x'.repeat(12))).toBeNull()
    expect(passphraseProblem('x'.repeat(1024))).toBeNull()
    expect(passphraseProblem('x'.repeat(1025))).toBe('validation.tooLong')
  })

  it('is the schema of setup, a new account, re-enabling an account and changing one’s passphrase', () => {
    expect(sessionOperations.setupVault.input.shape.passphrase).toBe(passphraseSchema)
    expect(sessionOperations.changePassphrase.input.shape.next).toBe(passphraseSchema)
    expect(accountOperations.addAccount.input.shape.passphrase).toBe(passphraseSchema)
    expect(accountOperations.setAccountDisabled.input.shape.passphrase.unwrap()).toBe(passphraseSchema)
  })
})
