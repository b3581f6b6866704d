import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PURPOSE_REGISTER } from '../../../src/main/register/purposeRegister'
import { PURPOSE_GROUNDS } from '../../../src/main/people/purposeLegalBasis'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { PURPOSES } from '../../../src/shared/domain'
import { newTestApp } from '../../support/testApp'
import { termsOf } from '../retention/retentionTestKit'

type T = Awaited<ReturnType<typeof newTestApp>>

/** The document's text, tags stripped, whitespace collapsed. */
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ')

describe('record of processing activities (GDPR art. 30), generated from the app itself', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp()
  })
  afterEach(async () => t.dispose())
  const register = async (lang: 'nl' | 'en' = 'nl') => text((await t.call('getProcessingRegisterHtml', { lang })).html)

  it('reads the grounds per purpose (issue 14 point 4) and says truthfully what the audit trail holds (R-19a)', async () => {
    const nl = await register('nl')
    expect(nl).toContain('Bemiddeling Gerechtvaardigd belang (art. 6 lid 1 f AVG); Uitvoering van een overeenkomst (art. 6 lid 1 b AVG)')
    expect(nl).toContain('Salarisadministratie Uitvoering van een overeenkomst (art. 6 lid 1 b AVG); Wettelijke verplichting (art. 6 lid 1 c AVG)')
    expect(nl).toContain('Aanbiedingen en informatie over onze diensten Toestemming (art. 6 lid 1 a AVG); Gerechtvaardigd belang (art. 6 lid 1 f AVG)')
    expect(nl).toContain('Belastingdienst, UWV en het pensioenfonds')
    expect(nl).not.toContain('bevat geen persoonsgegevens')
    expect(nl).toContain('de namen van de velden (nooit hun waarden) en de opgegeven reden')
    expect(nl).toContain('blijven alleen nummers, veldnamen en een sleutelhash van de reden')
    expect(await register('en')).toContain('only ids, field names and a keyed hash of the reason remain')
  })

  it('lists every purpose with its legal basis, data, recipients and retention in words', async () => {
    const nl = await register('nl')
    expect(nl).toContain('Register van verwerkingsactiviteiten')
    for (const label of ['Bemiddeling', 'Uitzenden', 'Salarisadministratie', 'Identificatie-eisen van opdrachtgevers (alleen BSN)', 'Interne kwaliteit (audit, certificering)']) expect(nl).toContain(label)
    expect(nl).toContain('Opdrachtgevers, alleen het BSN (nooit een kopie van het identiteitsbewijs)')
    expect(nl).toContain('na uitschrijving, als de persoon nooit heeft gewerkt: 3 kalendermaanden (R-12)')
    // R-16a: AWR art. 52 counts from the end of the fiscal year, stated as the policy's term
    expect(nl).toContain('loonadministratie: na het einde van het laatste dienstverband: 7 volle kalenderjaren na het einde van het jaar (R-16, AWR art. 52)')
    expect(nl).toContain('Wettelijke verplichting (art. 6 lid 1 c AVG)')
    const en = await register('en')
    expect(en).toContain('Record of processing activities')
    expect(en).toContain('after unsubscribing, when the person never worked: 3 calendar months (R-12)')
    expect(en).toContain('payroll records: after the last employment ended: 7 full calendar years after the end of the year (R-16, AWR art. 52)')
  })

  it('maps every purpose (nothing left out when a purpose is added)', () => {
    expect(Object.keys(PURPOSE_REGISTER).sort()).toEqual([...PURPOSES].sort())
    expect(Object.keys(PURPOSE_GROUNDS).sort()).toEqual([...PURPOSES].sort())
    // The BSN only where UAVG art. 46 allows it.
    const withBsn = PURPOSES.filter((p) => PURPOSE_REGISTER[p].categories.includes('bsn'))
    expect(withBsn.sort()).toEqual(['client-identification', 'payroll'])
  })

  it('follows the retention policy in force and the settings, not a fixed text', async () => {
    const { current } = await t.call('getRetentionPolicy')
    const terms = termsOf(current)
    terms['unsubscribed-never-worked'] = { amount: 2, unit: 'months' }
    await t.call('updateRetentionPolicy', { terms, note: 'korter' })
    const s = await t.call('getSettings')
    await t.call('updateSettings', { ...s, agency: { ...s.agency, name: 'Job & Training Oosterhout' }, idleLockMinutes: 7, fourEyesErasure: true })
    await t.call('createAuditAnchor')
    const nl = await register('nl')
    expect(nl).toContain('na uitschrijving, als de persoon nooit heeft gewerkt: 2 kalendermaanden (R-12)')
    expect(nl).not.toContain('3 kalendermaanden')
    expect(nl).toContain('bewaarbeleid versie 2')
    expect(nl).toContain('Job & Training Oosterhout')
    expect(nl).toContain('Automatische vergrendeling na 7 minuten')
    expect(nl).toContain('alleen na goedkeuring door een tweede privacy officer')
    expect(nl).toContain('ChaCha20-Poly1305')
    expect(nl).toMatch(/scrypt, N=4096/)
    expect(nl).toContain('laatste anker 27-11-2026')
    expect(nl).toContain('1 actief')
  })

  it('holds no personal data of the persons in the vault', async () => {
    await t.app.vault.dataSource.getRepository(PersonEntity).insert({
      id: '00000000-0000-4000-8000-00000000abcd', ref: 'K-1', givenName: 'Zwaantje', familyName: 'Quirijnsen', sourceKind: 'walk-in', registeredOn: '2026-01-01',
      state: 'active', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', searchGiven: 'zwaantje', searchFamily: 'quirijnsen'
    } as never)
    const html = (await t.call('getProcessingRegisterHtml', { lang: 'nl' })).html
    expect(html).not.toMatch(/Zwaantje|Quirijnsen|K-1\b/)
    expect(html).not.toMatch(/<script/i)
  })

  it('is open to privacy officers and administrators, not to other staff', async () => {
    await t.call('addAccount', { username: 'balie', displayName: 'Balie', roles: ['staff'], passphrase: 'balie sneeuw pen 1' })
    await t.call('addAccount', { username: 'baas', displayName: 'Baas', roles: ['admin'], passphrase: 'baas duin trein vork' })
    await t.app.signIn('baas', 'baas duin trein vork')
    await expect(t.call('getProcessingRegisterHtml', { lang: 'nl' })).resolves.toBeTruthy()
    await t.app.signIn('balie', 'balie sneeuw pen 1')
    await expect(t.call('getProcessingRegisterHtml', { lang: 'nl' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
