import fc from 'fast-check'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type FieldAddress, isSealedField, openField, sealField } from '../../../src/main/server/fieldCipher'

/**
 * Issue 17 point 3: what the office server stores of a BSN, an attachment or a note opens only
 * with the office's key, for the row and field it was written for, unaltered.
 */
const address = fc.record({ officeId: fc.uuid(), table: fc.constantFrom('person', 'attachment_content', 'field_change'), rowId: fc.uuid(), field: fc.constantFrom('bsn', 'content', 'reason') })
const OTHER: Record<keyof FieldAddress, (a: FieldAddress) => FieldAddress> = {
  officeId: (a) => ({ ...a, officeId: a.officeId === '00000000-0000-4000-8000-000000000000' ? '00000000-0000-4000-8000-000000000001' : '00000000-0000-4000-8000-000000000000' }),
  table: (a) => ({ ...a, table: `${a.table}_copy` }),
  rowId: (a) => ({ ...a, rowId: `${a.rowId}0` }),
  field: (a) => ({ ...a, field: `${a.field}2` })
}

describe('a protected field on the office server (AES-256-GCM, bound to office, table, row and field)', () => {
  it('opens to exactly what was sealed, and its stored form never holds the value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), address, (bytes, at) => {
        const key = randomBytes(32)
        const value = Buffer.from(bytes)
        const stored = sealField(key, value, at)
        expect(isSealedField(stored)).toBe(true)
        expect(openField(key, stored, at).equals(value)).toBe(true)
        if (value.length >= 4) expect(Buffer.from(stored).includes(value)).toBe(false)
        // A fresh IV each time: the same value sealed twice is stored twice differently.
        expect(sealField(key, value, at)).not.toBe(stored)
      })
    )
  })

  it('does not open elsewhere, altered, or with another key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), address, fc.constantFrom(...(Object.keys(OTHER) as (keyof FieldAddress)[])), fc.nat(), (bytes, at, part, flip) => {
        const key = randomBytes(32)
        const stored = sealField(key, Buffer.from(bytes), at)
        expect(() => openField(key, stored, OTHER[part](at))).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED' }))
        expect(() => openField(randomBytes(32), stored, at)).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED' }))
        const raw = Buffer.from(stored.slice(stored.indexOf(':') + 1), 'base64url')
        raw[flip % raw.length]! ^= 1 << flip % 8
        expect(() => openField(key, `${stored.slice(0, stored.indexOf(':') + 1)}${raw.toString('base64url')}`, at)).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED' }))
      })
    )
  })

  it('refuses what is not a sealed value, and names nothing of it', () => {
    const key = randomBytes(32)
    const at = { officeId: '7d0c2f0e-4c1a-4a8e-9f0b-2d8a1c3e5f60', table: 'person', rowId: 'r1', field: 'bsn' }
    for (const stored of ['111222333', 'dossier-field/1:', 'dossier-field/1:AAAA']) {
      expect(() => openField(key, stored, at)).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED', message: expect.not.stringContaining('111222333') }))
    }
  })
})
