import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentVersion } from '../../../src/main/governance/statementVersions'
import { type Person, PersonEntity } from '../../../src/main/vault/entities/Person'
import { newTestApp } from '../../support/testApp'

type T = Awaited<ReturnType<typeof newTestApp>>

let n = 0
function person(over: Partial<Person>): Person {
  n++
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    ref: `K-${String(n).padStart(4, '0')}`,
    givenName: 'Gen',
    familyName: `Erated${n}`,
    sourceKind: 'walk-in',
    registeredOn: '2026-01-01',
    state: 'active',
    statementVersion: null,
    statementShownOn: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    searchGiven: 'gen',
    searchFamily: `erated${n}`,
    ...over
  } as Person
}

describe('privacy-statement versions (R-24)', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => t.dispose())

  it('seeds the agency\'s 2018 statement as version 2018-05 on first use, text unchanged', async () => {
    const versions = await t.call('listStatementVersions')
    expect(versions).toEqual([expect.objectContaining({ version: '2018-05', validFrom: '2018-05-25', current: true })])
    const v = await t.call('getStatementVersion', { version: '2018-05' })
    expect(v.text).toBe(readFileSync(resolve(__dirname, '../../../resources/privacyverklaring-2018.txt'), 'utf8'))
    expect(v.text).toContain('Job & Training heeft deze privacy verklaring opgesteld')
  })

  it('adds a version that becomes current from its valid-from date, and never overwrites one', async () => {
    const added = await t.call('addStatementVersion', { version: '2027-01', validFrom: '2027-01-01', text: 'Versie 2027.' })
    expect(added.current).toBe(false)
    let versions = await t.call('listStatementVersions')
    expect(versions.map((v) => [v.version, v.current])).toEqual([['2027-01', false], ['2018-05', true]])
    t.clock.set('2026-12-31T23:00:00Z') // 1 January 2027 in Amsterdam
    versions = await t.call('listStatementVersions')
    expect(versions.map((v) => [v.version, v.current])).toEqual([['2027-01', true], ['2018-05', false]])
    await expect(t.call('addStatementVersion', { version: '2027-01', validFrom: '2027-02-01', text: 'Anders.' })).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'version', key: 'validation.statement.exists' }]
    })
    expect((await t.call('getStatementVersion', { version: '2027-01' })).text).toBe('Versie 2027.')
  })

  it('lists the active persons who were not shown a version: ids and references only, shielded records left out', async () => {
    const repo = t.app.vault.dataSource.getRepository(PersonEntity)
    const seen = person({ statementVersion: '2026-12', statementShownOn: '2026-12-02' })
    const old = person({ statementVersion: '2018-05', statementShownOn: '2019-03-01' })
    const never = person({})
    const shielded = person({ state: 'shielded', statementVersion: '2018-05' })
    await repo.insert([seen, old, never, shielded])
    await t.call('addStatementVersion', { version: '2026-12', validFrom: '2026-12-01', text: 'Versie december 2026.' })
    const r = await t.call('personsNotShownVersion', { version: '2026-12' })
    expect(r.count).toBe(2)
    expect(r.persons).toEqual([{ id: old.id, ref: old.ref }, { id: never.id, ref: never.ref }].sort((a, b) => a.ref!.localeCompare(b.ref!)))
    expect(JSON.stringify(r)).not.toContain('Erated')
    const one = await t.call('personsNotShownVersion', { version: '2026-12', limit: 1 })
    expect(one).toMatchObject({ count: 2, truncated: true })
    expect(one.persons).toHaveLength(1)
    await expect(t.call('personsNotShownVersion', { version: 'no-such' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lists records without a reference first, on either engine, so a cut-off list names the same persons', async () => {
    const withRef = person({})
    const withoutRef = person({ ref: null })
    await t.app.vault.dataSource.getRepository(PersonEntity).insert([withRef, withoutRef])
    await t.call('addStatementVersion', { version: '2026-12', validFrom: '2026-12-01', text: 'Versie december 2026.' })
    expect((await t.call('personsNotShownVersion', { version: '2026-12' })).persons).toEqual([{ id: withoutRef.id, ref: null }, { id: withRef.id, ref: withRef.ref }])
    expect((await t.call('personsNotShownVersion', { version: '2026-12', limit: 1 })).persons).toEqual([{ id: withoutRef.id, ref: null }])
  })

  it('lets staff read the versions but only a privacy officer add one or list who has not seen it', async () => {
    await t.call('addAccount', { username: 'balie', displayName: 'Balie', roles: ['staff'], passphrase: 'balie sneeuw pen 1' })
    await t.app.signIn('balie', 'balie sneeuw pen 1')
    await expect(t.call('listStatementVersions')).resolves.toHaveLength(1)
    await expect(t.call('addStatementVersion', { version: 'x1', validFrom: '2026-12-01', text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(t.call('personsNotShownVersion', { version: '2018-05' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses a version name that could not be a file or id label', async () => {
    await expect(t.call('addStatementVersion', { version: 'mei 2026', validFrom: '2026-05-01', text: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'version', key: 'validation.statement.version' }]
    })
  })

  it('picks the current version by date alone (pure)', () => {
    const versions = [
      { version: 'a', validFrom: '2018-05-25' },
      { version: 'c', validFrom: '2030-01-01' },
      { version: 'b', validFrom: '2026-12-01' }
    ]
    expect(currentVersion(versions, '2026-11-30')).toBe('a')
    expect(currentVersion(versions, '2026-12-01')).toBe('b')
    expect(currentVersion(versions, '2018-05-24')).toBeNull()
  })
})
