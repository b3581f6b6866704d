import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isReviewDue } from '../../../src/main/governance/dpiaRegister'
import type { OperationInput } from '../../../src/shared/contract/client'
import { addCalendarDays } from '../../../src/shared/time'
import { ADMIN, newTestApp } from '../../support/testApp'

type T = Awaited<ReturnType<typeof newTestApp>>

const payroll = {
  name: 'Loonservice Brabant B.V.',
  purpose: 'Salarisadministratie en loonaangifte',
  dataCategories: ['identity', 'bsn', 'financial'],
  agreementOn: '2025-03-01',
  location: 'Eindhoven',
  country: 'Nederland'
} satisfies OperationInput<'saveProcessor'>

const dpia = {
  subject: 'Gezondheids- en verzuimgegevens van uitzendkrachten',
  assessedOn: '2026-06-01',
  outcome: 'Restrisico aanvaardbaar: alleen verzuimdata, geen diagnose; toegang beperkt tot privacy officers',
  nextReviewOn: '2027-06-01'
} satisfies OperationInput<'saveDpia'>

const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ')

describe('processor and DPIA registers (R-28, GDPR art. 28 and 35)', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-30T10:00:00Z' })
  })
  afterEach(async () => t.dispose())

  it('keeps processors: add, change (audited by field), remove; an agreement cannot be dated in the future', async () => {
    const p = await t.call('saveProcessor', payroll)
    expect(p).toMatchObject({ name: 'Loonservice Brabant B.V.', agreementOn: '2025-03-01', subProcessors: null })
    const changed = await t.call('saveProcessor', { ...payroll, id: p.id, subProcessors: 'Rekencentrum Noord (hosting, Groningen)' })
    expect(changed.subProcessors).toBe('Rekencentrum Noord (hosting, Groningen)')
    const [entry] = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 1 })
    expect(entry).toMatchObject({ action: 'processor.update', subjectId: p.id, fields: ['subProcessors'] })
    await expect(t.call('saveProcessor', { ...payroll, agreementOn: '2026-12-01' })).rejects.toMatchObject({ code: 'FUTURE_DATE_NOT_ALLOWED', issues: [{ path: 'agreementOn' }] })
    await t.call('saveProcessor', { ...payroll, name: 'Arbodienst Midden', purpose: 'Verzuimbegeleiding', dataCategories: ['absence'], agreementOn: null })
    expect((await t.call('listProcessors')).map((x) => x.name)).toEqual(['Arbodienst Midden', 'Loonservice Brabant B.V.'])
    await t.call('deleteProcessor', { id: p.id })
    expect((await t.call('listProcessors')).map((x) => x.name)).toEqual(['Arbodienst Midden'])
  })

  it('keeps DPIAs with a review date after the assessment, flagging a review that has come', async () => {
    await expect(t.call('saveDpia', { ...dpia, nextReviewOn: '2026-06-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'nextReviewOn', key: 'validation.dpia.reviewBeforeAssessment' }] })
    const d = await t.call('saveDpia', dpia)
    expect(d.reviewDue).toBe(false)
    const old = await t.call('saveDpia', { ...dpia, subject: 'Cameratoezicht op het kantoor', assessedOn: '2024-01-10', nextReviewOn: '2026-11-30' })
    const list = await t.call('listDpias')
    expect(list.dpias.map((x) => [x.id, x.reviewDue])).toEqual([
      [old.id, true],
      [d.id, false]
    ])
    fc.assert(fc.property(fc.integer({ min: -400, max: 400 }), (n) => isReviewDue(addCalendarDays('2026-11-30', n), '2026-11-30') === n <= 0))
  })

  it('may be kept by privacy officers and administrators, not by other staff', async () => {
    await t.call('addAccount', { username: 'balie', displayName: 'Balie', roles: ['staff'], passphrase: 'balie sneeuw pen 1' })
    await t.call('addAccount', { username: 'admin2', displayName: 'Beheer', roles: ['admin'], passphrase: 'beheer sneeuw pen 1' })
    await t.app.signIn('admin2', 'beheer sneeuw pen 1')
    const p = await t.call('saveProcessor', payroll)
    await t.call('saveDpia', dpia)
    await t.app.signIn('balie', 'balie sneeuw pen 1')
    for (const call of [() => t.call('listProcessors'), () => t.call('saveProcessor', payroll), () => t.call('deleteProcessor', { id: p.id }), () => t.call('listDpias'), () => t.call('saveDpia', dpia)]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await t.call('listProcessors')).toHaveLength(1)
  })

  it('prints both registers in the record of processing activities (art. 30), in Dutch and English', async () => {
    const empty = text((await t.call('getProcessingRegisterHtml', { lang: 'nl' })).html)
    expect(empty).toContain('Er zijn geen verwerkers vastgelegd.')
    expect(empty).toContain('Er is geen DPIA vastgelegd.')
    await t.call('saveProcessor', { ...payroll, subProcessors: 'Rekencentrum Noord' })
    await t.call('saveProcessor', { ...payroll, name: 'Arbodienst Midden', purpose: 'Verzuimbegeleiding', dataCategories: ['absence'], agreementOn: null, location: 'Utrecht' })
    await t.call('saveDpia', dpia)
    const nl = text((await t.call('getProcessingRegisterHtml', { lang: 'nl' })).html)
    expect(nl).toContain('Verwerkers (art. 28 AVG)')
    expect(nl).toContain('Loonservice Brabant B.V. Salarisadministratie en loonaangifte')
    expect(nl).toContain('01-03-2025')
    expect(nl).toContain('Eindhoven, Nederland Rekencentrum Noord')
    expect(nl).toContain('Arbodienst Midden Verzuimbegeleiding')
    expect(nl).toContain('geen overeenkomst vastgelegd')
    expect(nl).toContain('Gegevensbeschermingseffectbeoordelingen (DPIA, art. 35 AVG)')
    expect(nl).toContain('Gezondheids- en verzuimgegevens van uitzendkrachten 01-06-2026')
    const en = text((await t.call('getProcessingRegisterHtml', { lang: 'en' })).html)
    expect(en).toContain('Processors (Art. 28 GDPR)')
    expect(en).toContain('1 Jun 2027') // the English printed date (formatPrintedDate)
  })
})
