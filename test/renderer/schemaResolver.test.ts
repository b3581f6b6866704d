import { describe, expect, it } from 'vitest'
import { contract } from '../../src/shared/contract'
import { clientInputSchema } from '../../src/shared/contract/relations'
import { schemaResolver } from '../../src/renderer/src/forms/schemaResolver'
import { translatedErrors } from '../../src/renderer/src/forms/translatedErrors'
import { makeIntakeSchema } from '../../src/shared/person/personSchema'
import { emptyPersonForm } from '../../src/renderer/src/screens/people/personForm'

describe('forms validated with the contract’s schemas', () => {
  const setup = schemaResolver(contract.setupVault.input)

  it('passes what the operation accepts', () => {
    expect(setup({ username: 'anna', displayName: 'Anna', passphrase: 'twaalf tekens!' })).toEqual({})
  })

  it('gives the schema’s own key per field (R-21: at least 12 characters)', () => {
    expect(setup({ username: 'anna', displayName: 'Anna', passphrase: 'kort' })).toEqual({ passphrase: 'validation.passphrase.tooShort' })
    expect(schemaResolver(clientInputSchema)({ name: 'Zorggroep Oost', postcode: '751 AB' })).toEqual({ postcode: 'validation.postcode.invalid' })
  })

  it('gives validation.<code> for a check the schema does not key, as the dispatcher does', () => {
    // previewRetention's horizon has a bound without a key of its own
    expect(schemaResolver(contract.previewRetention.input)({ horizonDays: 36501 })).toEqual({ horizonDays: 'validation.too_big' })
    expect(setup({ username: 'anna', displayName: 'x'.repeat(101), passphrase: 'twaalf tekens!' })).toEqual({ displayName: 'validation.tooLong' })
  })

  it('names nested fields by their form path', () => {
    const values = { ...emptyPersonForm('2026-12-05', '2018-05'), givenName: 'Sanne', familyName: 'de Vries', gender: 'female', email: 'sanne@example.nl' }
    values.address = { ...values.address, postcode: '123' }
    expect(schemaResolver(makeIntakeSchema('2026-12-05'))(values)).toMatchObject({ 'address.postcode': 'validation.postcode.invalid' })
  })

  it('shows the keys in the user’s language', () => {
    expect(translatedErrors({ passphrase: 'validation.passphrase.tooShort' }, (k) => `«${k}»`)).toEqual({ passphrase: '«validation.passphrase.tooShort»' })
  })
})
