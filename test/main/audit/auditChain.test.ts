import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChainedEntry, entryHash, GENESIS_HASH, verifyChain } from '../../../src/main/audit/auditChain'
import { anchorText, checkAnchor, parseAnchorText } from '../../../src/main/audit/auditAnchor'

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const fields = { seq, at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(), actorId: null, action: 'person.view', subjectId: `s${seq % 3}`, fields: ['email'], reason: null }
    const hash = entryHash(prev, fields)
    out.push({ ...fields, prevHash: prev, hash })
    prev = hash
  }
  return out
}

describe('hash chain rules (pure)', () => {
  it('an intact chain verifies, with the last hash as head', () => {
    const c = chain(20)
    expect(verifyChain(c)).toEqual({ ok: true, entries: 20, head: c[19]!.hash })
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH })
  })

  it('any change to any recorded field of any entry is found at exactly that entry', () => {
    const fieldsToTouch = ['at', 'actorId', 'action', 'subjectId', 'fields', 'reason'] as const
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.constantFrom(...fieldsToTouch), (n, pick, field) => {
        const c = chain(n)
        const i = pick % n
        const e = c[i]!
        const changed: ChainedEntry =
          field === 'fields' ? { ...e, fields: [...e.fields, 'bsn'] } : field === 'actorId' ? { ...e, actorId: 'someone-else' } : { ...e, [field]: `${String(e[field])}x` }
        c[i] = changed
        expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: i + 1, problem: 'hash' })
      })
    )
  })

  it('a removed entry is found where the sequence jumps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), fc.nat(), (n, pick) => {
        const i = pick % (n - 1)
        const removed = chain(n).filter((_, k) => k !== i)
        expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: i + 1, problem: 'sequence' })
      })
    )
  })

  it('an anchor holds only for the same entry with the same hash', () => {
    const c = chain(5)
    const text = anchorText({ vaultId: '0b0e1f4c-1a2b-4c3d-8e9f-0123456789ab', seq: 5, hash: c[4]!.hash, createdAt: '2026-11-27T10:00:00.000Z' })
    const parsed = parseAnchorText(`  some words before\n${text}\nand after`)
    expect(parsed).toEqual({ vaultId: '0b0e1f4c-1a2b-4c3d-8e9f-0123456789ab', seq: 5, hash: c[4]!.hash, createdAt: '2026-11-27T10:00:00.000Z' })
    expect(checkAnchor(parsed, c[4]!.hash)).toEqual({ ok: true })
    expect(checkAnchor(parsed, c[3]!.hash)).toEqual({ ok: false, problem: 'mismatch' })
    expect(checkAnchor(parsed, null)).toEqual({ ok: false, problem: 'missing' })
  })

  it('an anchor text that was mistyped is refused, not half-read', () => {
    const good = anchorText({ vaultId: '0b0e1f4c-1a2b-4c3d-8e9f-0123456789ab', seq: 5, hash: 'a'.repeat(64), createdAt: '2026-11-27T10:00:00.000Z' })
    for (const bad of [good.replace('a'.repeat(64), 'a'.repeat(63)), good.replace('entry: 5', 'entry: five'), good.replace(/vault: .*\n/, ''), 'hello']) {
      expect(() => parseAnchorText(bad)).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED', issues: [{ path: 'anchorText', key: 'validation.anchor.invalid' }] }))
    }
  })
})
