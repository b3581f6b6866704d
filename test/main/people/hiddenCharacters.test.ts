import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { escapeHiddenCharacters, hasHiddenCharacters } from '../../../src/shared/validation/hiddenCharacters'
import { newTestApp } from '../../support/testApp'
import { type TestApp, count, failure, fullIntake } from './peopleFixtures'

/**
 * Issue 15 point 7: names and free text with characters that change how text looks without being
 * seen — ESC (terminal escape sequences), BEL, a right-to-left override, a zero-width space — are
 * refused at validation, on every path that takes text, with the field named and nothing written.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const HIDDEN = { esc: 'Jan\u001b[2J', bel: 'Jan\u0007', rlo: 'Jan\u202enaj', zwsp: 'Ja\u200bn', c1: 'Jan\u009b31m', bom: 'Ja\ufeffn' }

describe('hidden characters (issue 15 point 7)', () => {
  it('refuses them in names and free text at intake, naming the field, writing nothing', async () => {
    for (const [kind, value] of Object.entries(HIDDEN)) {
      for (const field of ['givenName', 'familyName', 'particulars'] as const) {
        const e = await failure(t.call('createPerson', fullIntake({ [field]: value })))
        expect(e, `${kind} in ${field}`).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: field, key: 'validation.hiddenCharacter' }] })
      }
    }
    expect(await count(t, 'person')).toBe(0)
  })

  it('refuses them in an import file at the row and field, and in an account\'s display name', async () => {
    const file = {
      format: 'dossier-import/1',
      persons: [{ ref: 'H-1', givenName: HIDDEN.rlo, familyName: 'Test', birthDate: '1990-01-01', email: 'h1@example.org', source: { kind: 'walk-in' }, registeredOn: '2026-01-05', roles: ['candidate'], purposes: ['mediation'] }]
    }
    expect(await failure(t.call('importPersons', { text: JSON.stringify(file) }))).toMatchObject({
      code: 'IMPORT_INVALID',
      issues: [{ path: 'persons[0].givenName', key: 'validation.hiddenCharacter' }]
    })
    expect(await failure(t.call('addAccount', { username: 'kees', displayName: HIDDEN.esc, roles: ['staff'], passphrase: 'kees raam bloem stoep' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'displayName', key: 'validation.hiddenCharacter' }]
    })
    expect(await count(t, 'person')).toBe(0)
  })

  it('keeps ordinary text: accents, Dutch and Arabic letters, line breaks and tabs in free text', async () => {
    for (const text of ['Zoë van den Berg', "IJsbrand 't Hart", 'محمد', 'regel 1\nregel 2\tmet tab']) expect(hasHiddenCharacters(text)).toBe(false)
  })

  it('escaping leaves no hidden character and changes nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        for (const style of ['human', 'json'] as const) {
          const out = escapeHiddenCharacters(text, style)
          expect(hasHiddenCharacters(out)).toBe(false)
          if (!hasHiddenCharacters(text)) expect(out).toBe(text)
        }
        // Inside JSON text the escape is a JSON escape: a program reads the very same string.
        expect(JSON.parse(escapeHiddenCharacters(JSON.stringify(text), 'json'))).toBe(text)
      })
    )
  })
})
