import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { changedSettingFields, DEFAULT_SETTINGS } from '../../../src/main/governance/settings'
import { ADMIN, newTestApp } from '../../support/testApp'

type T = Awaited<ReturnType<typeof newTestApp>>

describe('settings (R-25 agency contact details, R-21 idle lock)', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp()
  })
  afterEach(async () => t.dispose())

  it('starts with the agency\'s details from the privacy statement and a 10-minute idle lock', async () => {
    expect(await t.call('getSettings')).toEqual(DEFAULT_SETTINGS)
  })

  it('stores changes, normalises the e-mail address, and they survive locking the vault', async () => {
    const s = await t.call('getSettings')
    const saved = await t.call('updateSettings', {
      ...s,
      agency: { name: 'Job & Training B.V.', email: ' Privacy@JobAndTraining.nl ', phone: '0162-785594', address: 'Markt 1\n4900 AA Oosterhout' },
      idleLockMinutes: 3,
      fourEyesErasure: true
    })
    expect(saved.agency.email).toBe('privacy@jobandtraining.nl')
    await t.call('lock', { reason: 'manual' })
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await t.call('getSettings')).toEqual(saved)
    expect((await t.call('getAppState')).idleLockMinutes).toBe(3)
  })

  it('applies the new idle time to the idle lock', async () => {
    const s = await t.call('getSettings')
    await t.call('updateSettings', { ...s, idleLockMinutes: 2 })
    t.clock.advanceMs(119_000)
    expect(await t.app.tick()).toBe(false)
    t.clock.advanceMs(1_000)
    expect(await t.app.tick()).toBe(true)
  })

  it('refuses invalid values with the field and a message key', async () => {
    const s = await t.call('getSettings')
    const attempt = (input: object) => t.callUnchecked('updateSettings', input).then(() => [], (e: { issues: { path: string; key: string }[] }) => e.issues)
    expect(await attempt({ ...s, idleLockMinutes: 0 })).toEqual([{ path: 'idleLockMinutes', key: 'validation.settings.idleLock' }])
    expect(await attempt({ ...s, attachmentMaxMb: 500 })).toEqual([{ path: 'attachmentMaxMb', key: 'validation.settings.attachmentMax' }])
    expect(await attempt({ ...s, agency: { ...s.agency, email: 'geen adres' } })).toEqual([{ path: 'agency.email', key: 'validation.email.invalid' }])
    expect(await attempt({ ...s, agency: { ...s.agency, phone: '12' } })).toEqual([{ path: 'agency.phone', key: 'validation.phone.invalid' }])
    expect(await attempt({ ...s, agency: { ...s.agency, name: '  ' } })).toEqual([{ path: 'agency.name', key: 'validation.required' }])
    expect((await attempt({ ...s, secret: 'x' })).map((i) => i.key)).toEqual(['validation.unknownField'])
  })

  it('can be read by every signed-in account but changed only by an administrator', async () => {
    await t.call('addAccount', { username: 'po', displayName: 'PO', roles: ['privacy_officer', 'staff'], passphrase: 'privacy kompas wolk 1' })
    await t.app.signIn('po', 'privacy kompas wolk 1')
    const s = await t.call('getSettings')
    await expect(t.call('updateSettings', { ...s, idleLockMinutes: 30 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('names exactly the changed fields (pure)', () => {
    expect(changedSettingFields(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual([])
    expect(changedSettingFields(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, agency: { ...DEFAULT_SETTINGS.agency, phone: '+31162785594' }, attachmentMaxMb: 5 })).toEqual(['agency.phone', 'attachmentMaxMb'])
  })
})
