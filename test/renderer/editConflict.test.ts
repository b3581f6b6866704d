import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type EmploymentDataValues, employmentConflict } from '../../src/renderer/src/screens/people/employmentForm'
import { editConflict, emptyPersonForm, personChanges, type PersonFormValues, rebaseEdit } from '../../src/renderer/src/screens/people/personForm'

/** Issue 17 point 4: what the rectification form shows and saves after "changed by someone else". */
const base: PersonFormValues = {
  ...emptyPersonForm('2026-11-20', '2026-01'),
  givenName: 'Zoë',
  familyName: 'van den Berg',
  email: 'zoe@example.nl',
  phone: '06 12345678',
  address: { street: 'Voorbeeldstraat', houseNumber: '1', postcode: '1234 AB', city: 'Amersfoort' }
}
const withValues = (v: Partial<PersonFormValues>): PersonFormValues => ({ ...structuredClone(base), ...v })

describe('a rectification that met a change made by someone else', () => {
  it('shows both values where both changed a field to different values, and what only the other changed', () => {
    const mine = withValues({ phone: '06 11111111', email: 'zoe.nieuw@example.nl' })
    const saved = withValues({ phone: '06 22222222', availability: 'ma-wo', address: { ...base.address, city: 'Utrecht' } })
    expect(editConflict(base, mine, saved)).toEqual({ both: ['phone'], theirs: ['availability', 'address'] })
  })

  it('is no conflict where both typed the same value', () => {
    const same = withValues({ phone: '06 11111111' })
    expect(editConflict(base, same, structuredClone(same)).both).toEqual([])
  })

  it("saves the user's changes over the record as saved now, keeping the other's changes to other fields", () => {
    const mine = withValues({ phone: '06 11111111', roles: ['candidate', 'contact'] })
    const saved = withValues({ phone: '06 22222222', availability: 'ma-wo' })
    const rebased = rebaseEdit(base, mine, saved)
    expect(rebased.phone).toBe('06 11111111')
    expect(rebased.roles).toEqual(['candidate', 'contact'])
    expect(rebased.availability).toBe('ma-wo')
    // Sent from the saved record: exactly the user's changes, nothing of the other's undone.
    expect(Object.keys(personChanges(saved, rebased)).sort()).toEqual(['phone', 'roles'])
  })

  it('never loses a change of the user and never undoes one of the other, whatever both changed', () => {
    const text = fc.constantFrom('', 'a', 'b', 'c')
    const edit = fc.record({ email: text, phone: text, city: text, availability: text })
    const apply = (e: { email: string; phone: string; city: string; availability: string }, from: PersonFormValues): PersonFormValues => ({
      ...structuredClone(from),
      email: e.email,
      phone: e.phone,
      availability: e.availability,
      address: { ...from.address, city: e.city }
    })
    fc.assert(
      fc.property(edit, edit, (a, b) => {
        const mine = apply(a, base)
        const saved = apply(b, base)
        const rebased = rebaseEdit(base, mine, saved)
        const mineChanged = Object.keys(personChanges(base, mine))
        for (const field of ['email', 'phone', 'availability', 'address'] as const) {
          expect(rebased[field]).toEqual(mineChanged.includes(field) ? mine[field] : saved[field])
        }
        const { both, theirs } = editConflict(base, mine, saved)
        for (const field of both) expect(personChanges(saved, mine)).toHaveProperty(field)
        for (const field of theirs) expect(mineChanged).not.toContain(field)
      })
    )
  })
})

describe('an employment-data form that met a change made by someone else', () => {
  const values: EmploymentDataValues = {
    nationality: 'NL',
    bsn: '',
    idDocument: { type: 'passport', number: 'NP12AB34C', expiry: '2031-05-01' },
    idVerifiedOn: '2026-11-27',
    workPermit: { number: '', expiry: '' },
    vogDate: '2026-11-20',
    iban: 'NL91ABNA0417164300',
    maritalStatus: 'married'
  }
  const start = { values, version: 2, maskedBsn: '******782' }

  it("sends every field: the user's changes, and the saved value of every field the user left alone", () => {
    const mine = { ...structuredClone(values), maritalStatus: 'divorced', iban: 'NL20INGB0001234567' }
    const saved = { values: { ...structuredClone(values), iban: 'NL44RABO0123456780', vogDate: '2026-12-01' }, version: 3, maskedBsn: '******782' }
    const c = employmentConflict(start, mine, saved, false)
    expect(c.both).toEqual(['iban'])
    expect(c.theirs).toEqual(['vogDate'])
    expect(c.bsn).toBeNull()
    expect(c.values).toEqual({ ...values, maritalStatus: 'divorced', iban: 'NL20INGB0001234567', vogDate: '2026-12-01' })
  })

  it('names a BSN changed meanwhile by its masked form, and keeps a BSN the user typed', () => {
    const saved = { values: structuredClone(values), version: 3, maskedBsn: '******999' }
    expect(employmentConflict(start, structuredClone(values), saved, false).bsn).toBe('theirs')
    const typed = employmentConflict(start, { ...structuredClone(values), bsn: '111222333' }, saved, true)
    expect(typed.bsn).toBe('both')
    expect(typed.values.bsn).toBe('111222333')
  })
})
