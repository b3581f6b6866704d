import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DisclosureEntity } from '../../../src/main/vault/entities/Disclosure'
import { PersonPurposeEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { newTestApp } from '../../support/testApp'
import { CLIENT_NAMES, insertRichPerson } from './richPerson'
import { htmlText, rawCodesIn } from './rawCodes'
import { signInAs, type TestApp } from './support'

/**
 * Issue 14 point 3 (R-18a): the access report is complete and in the reader's language for every
 * state of the record — active, unsubscribed, shielded, reduced to the legal hold — and one report
 * reference answers one request. Point 4: the legal bases it prints follow the purpose grounds.
 */
describe('the access report is complete, in words, for every state (R-18a)', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => t.dispose())

  const report = async (personId: string, lang: 'nl' | 'en') => htmlText((await t.call('getAccessReportHtml', { personId, lang })).html)
  /** The retention section's text, up to the next section. */
  const retentionPart = (text: string) => text.slice(text.indexOf('Bewaren en verwijderen'), text.indexOf('Uw verzoeken'))

  it('prints no raw code, camelCase name, id or ISO date, in Dutch or English, for an active, unsubscribed, shielded and legal-hold person', async () => {
    const ds = t.app.vault.dataSource
    const persons = {
      active: (await insertRichPerson(ds, { employmentEnd: 'none' })).personId,
      unsubscribed: (await insertRichPerson(ds, { unsubscribedOn: '2026-10-15' })).personId,
      shielded: (await insertRichPerson(ds, { state: 'shielded', employmentEnd: 'none', unsubscribedOn: '2026-10-01' })).personId,
      legalHold: (await insertRichPerson(ds, { unsubscribedOn: '2026-10-15' })).personId
    }
    await signInAs(t, 'privacy', ['privacy_officer'])
    await t.call('requestAndApplyErasure', { personId: persons.legalHold, reason: 'Verzoek per brief' })
    for (const [state, personId] of Object.entries(persons)) {
      for (const lang of ['nl', 'en'] as const) {
        const text = await report(personId, lang)
        expect(rawCodesIn(text, lang), `${state} ${lang}`).toEqual([])
        expect(text, `${state} ${lang}`).not.toContain(personId)
        for (const words of lang === 'nl' ? ['Autoriteit Persoonsgegevens', 'Beperking', 'Bezwaar', 'Rectificatie', 'Verwijdering', 'Geautomatiseerde besluitvorming', 'Wij nemen geen besluiten over u die uitsluitend op geautomatiseerde verwerking berusten', 'Herkomst van uw gegevens', 'Ontvangers van uw gegevens', 'Bewaartermijn per soort gegevens'] : ['Autoriteit Persoonsgegevens', 'Restriction', 'Objection', 'Rectification', 'Erasure', 'We take no decisions about you based solely on automated processing', 'Recipients of your data', 'Retention period per kind of data']) {
          expect(text, `${state} ${lang}: ${words}`).toContain(words)
        }
      }
    }
    expect(await report(persons.active, 'en')).toContain('14 Mar 1991') // a date as an English reader writes it
  })

  it('gives an active person the criteria per kind of data ("so long as you are registered, then …"), never a bare dash', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
    const retention = retentionPart(await report(personId, 'nl'))
    expect(retention).toContain('Persoons- en contactgegevens, cv, beschikbaarheid en inzetbaarheid Zolang u bij ons ingeschreven bent. Schrijft u zich uit, dan bewaren wij ze daarna nog 3 kalendermaanden afgeschermd')
    expect(retention).toContain('Gegevens uit wervings- en selectieprocedures Tot 24 kalendermaanden na afloop van de procedure')
    expect(retention).toContain('Kopie van uw identiteitsbewijs (inschrijving) Ten hoogste 4 weken')
    expect(retention).not.toContain('—')
    expect(await report(personId, 'nl')).toContain('Ontvangers op grond van de wet Geen: u heeft geen dienstverband bij ons gehad.')

    const { personId: worker } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: null })
    const working = retentionPart(await report(worker, 'nl'))
    expect(working).toContain('Zolang u bij ons ingeschreven bent, en daarna tot 2 jaar na het einde van uw laatste dienstverband')
    expect(working).toContain('Identiteitsbewijs (gegevens en kopie), BSN en werkvergunning Zolang u bij ons werkt, en daarna tot 5 volle kalenderjaren na het einde van het jaar waarin uw dienstverband eindigde (Wet op de loonbelasting 1964, artikel 28)')
    expect(working).not.toContain('—')
  })

  it('tells an unsubscribed worker when the data is reduced to the legal hold, what stays until when and under which law, and who receives it by law', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { unsubscribedOn: '2026-10-15' })
    const text = await report(personId, 'nl')
    const retention = retentionPart(text)
    expect(retention).toContain('U heeft zich uitgeschreven. Deze gegevens blijven beschikbaar tot 30-09-2028; dan worden uw gegevens beperkt tot de gegevens die de wet ons verplicht te bewaren')
    expect(retention).toContain('BSN en werkvergunning Bewaard tot en met 31-12-2031 (Wet op de loonbelasting 1964, artikel 28), alleen voor de loonadministratie; op 01-01-2032 verwijderd.')
    expect(retention).toContain('Bewaard tot en met 31-12-2033 (Algemene wet inzake rijksbelastingen, artikel 52)')
    expect(retention).not.toMatch(/worden daarna verwijderd/)
    expect(text).toContain('Ontvangers op grond van de wet Belastingdienst (loonaangifte en loonheffingen) UWV (werknemersverzekeringen en polisadministratie) Het pensioenfonds (uw pensioenopbouw)')
    expect(text).toContain(`Opdrachtgevers aan wie wij uw gegevens hebben verstrekt ${CLIENT_NAMES[0]} ${CLIENT_NAMES[2]} ${CLIENT_NAMES[1]}`)
  })

  it('says a legal-hold record was reduced to the legally required data, with the ID/BSN purge date and the law', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { unsubscribedOn: '2026-10-15' })
    await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek per brief' })
    const retention = retentionPart(await report(personId, 'nl'))
    expect(retention).toContain('Bewaarstatus Beperkt tot de wettelijk verplichte gegevens')
    expect(retention).toContain('inzetbaarheid Verwijderd op 27-11-2026, toen uw gegevens werden beperkt tot de gegevens die de wet ons verplicht te bewaren.')
    expect(retention).toContain('Bewaard tot en met 31-12-2031 (Wet op de loonbelasting 1964, artikel 28), alleen voor de loonadministratie; op 01-01-2032 verwijderd.')
    expect(retention).toContain('op 01-01-2034 wordt uw dossier definitief verwijderd')
    const english = await report(personId, 'en')
    expect(english).toContain('Reduced to the legally required data')
    expect(english).toContain('Kept up to and including 31 Dec 2031 (Dutch Wage Tax Act 1964, Article 28), only for payroll; deleted on 1 Jan 2032.')
  })

  it('prints the legal bases of the purpose grounds: legitimate interest with the Art. 14 notice without a contract, contract and legal obligation for payroll, offers on recorded consent or with an opt-out', async () => {
    const ds = t.app.vault.dataSource
    const { personId: candidate } = await insertRichPerson(ds, { employmentEnd: 'none' })
    const { personId: worker } = await insertRichPerson(ds, { employmentEnd: null })
    await ds.getRepository(PersonPurposeEntity).insert([
      { personId: candidate, purpose: 'offers', legalBasis: 'consent' },
      { personId: worker, purpose: 'offers', legalBasis: 'consent' }
    ])
    const candidateText = await report(candidate, 'nl')
    expect(candidateText).toContain('Bemiddeling Gerechtvaardigd belang (art. 6 lid 1 f AVG) Wij kregen uw gegevens niet van u zelf; wij informeren u daarover binnen een maand')
    expect(candidateText).toContain('Aanbiedingen en informatie over onze diensten Toestemming (art. 6 lid 1 a AVG) U heeft hiervoor geen toestemming gegeven; wij sturen u daarom geen aanbiedingen.')

    await t.call('recordProcessingConsent', { personId: candidate, subject: 'offers', givenOn: '2026-11-20', how: 'email', wording: 'Ja, stuur mij vacatures per e-mail.' })
    const consented = await report(candidate, 'nl')
    expect(consented).toContain('Toestemming (art. 6 lid 1 a AVG) U gaf hiervoor toestemming op 20-11-2026 (E-mail); u kunt die op elk moment intrekken.')
    expect(consented).toContain('Aanbiedingen en informatie sturen wij u alleen met uw toestemming; die kunt u op elk moment intrekken')
    expect(consented).not.toContain('bezwaar maken tegen het ontvangen van aanbiedingen')

    const workerText = await report(worker, 'nl')
    expect(workerText).toContain('Bemiddeling Uitvoering van een overeenkomst (art. 6 lid 1 b AVG)')
    expect(workerText).toContain('Salarisadministratie Uitvoering van een overeenkomst (art. 6 lid 1 b AVG); Wettelijke verplichting (art. 6 lid 1 c AVG)')
    expect(workerText).toContain('Aanbiedingen en informatie over onze diensten Gerechtvaardigd belang (art. 6 lid 1 f AVG) Omdat u bij ons werkt of heeft gewerkt; u kunt zich hier altijd voor afmelden.')
    expect(workerText).toContain('U kunt bezwaar maken tegen het ontvangen van aanbiedingen en informatie')
  })

  it('prints the fields named in a disclosure reason by their label, never their key', async () => {
    const { personId, clientIds } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: null })
    await t.app.vault.dataSource.getRepository(DisclosureEntity).insert({
      id: randomUUID(),
      personId,
      clientId: clientIds[0]!,
      recipientName: CLIENT_NAMES[0],
      purpose: 'assignment',
      fields: ['givenName', 'iban', 'maritalStatus'],
      reason: 'Onkostenvergoeding\niban [consent]: Schriftelijke toestemming\nmaritalStatus [consent]',
      disclosedAt: '2026-11-20T10:00:00.000Z',
      actorId: null
    })
    const nl = await report(personId, 'nl')
    expect(nl).toContain('Uitvoering van de opdracht waarvoor de kandidaat is geplaatst Onkostenvergoeding; IBAN (bankrekeningnummer) (met uw toestemming): Schriftelijke toestemming; Burgerlijke staat (met uw toestemming)')
    expect(rawCodesIn(nl, 'nl')).toEqual([])
    expect(rawCodesIn(await report(personId, 'en'), 'en')).toEqual([])
  })
})

describe('one report reference per request, not per view (R-18a)', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => t.dispose())

  const issue = async (personId: string, lang: 'nl' | 'en' = 'nl') => (await t.call('getAccessReportHtml', { personId, lang })).reference

  it('gives the same reference when the same person’s report is opened again, a new one for another person or another day', async () => {
    const a = (await insertRichPerson(t.app.vault.dataSource)).personId
    const b = (await insertRichPerson(t.app.vault.dataSource)).personId
    expect([await issue(a), await issue(a, 'en'), await issue(b), await issue(a)]).toEqual(['INZ-2026-000001', 'INZ-2026-000001', 'INZ-2026-000002', 'INZ-2026-000001'])
    t.clock.set('2026-11-30T10:00:00Z')
    expect(await issue(a)).toBe('INZ-2026-000003')
  })

  it('keeps the reference of the open access request it answers, on any day, and a new one once the request is closed', async () => {
    const personId = (await insertRichPerson(t.app.vault.dataSource)).personId
    const request = await t.call('createRequest', { personId, kind: 'access', receivedOn: '2026-11-26', identityCheck: 'Paspoort gezien' })
    const first = await issue(personId)
    t.clock.set('2026-12-03T10:00:00Z')
    expect(await issue(personId, 'en')).toBe(first)
    const [row] = (await t.call('listRequests', {})).requests.filter((r) => r.id === request.id)
    expect(row?.documents.filter((d) => d.kind === 'access-report').map((d) => d.reference)).toEqual([first])
    await t.call('closeRequest', { id: request.id, status: 'done' })
    t.clock.set('2026-12-04T10:00:00Z')
    expect(await issue(personId)).not.toBe(first)
  })
})

describe('the access report lists the consents to offers and to sharing a field (R-18, R-9a)', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => t.dispose())

  it('names what each consent covers, when and how it was given and when it was withdrawn, in words', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: null })
    await signInAs(t, 'privacy', ['privacy_officer'])
    const iban = await t.call('recordProcessingConsent', { personId, subject: 'disclosure', disclosurePurpose: 'assignment', field: 'iban', givenOn: '2026-11-20', how: 'email', wording: 'IBAN aan de inlener' })
    await t.call('recordProcessingConsent', { personId, subject: 'offers', givenOn: '2026-11-21', how: 'signed-form', wording: 'Vacatures per e-mail' })
    await t.call('withdrawProcessingConsent', { consentId: iban.id })
    const nl = htmlText((await t.call('getAccessReportHtml', { personId, lang: 'nl' })).html)
    const part = nl.slice(nl.indexOf('Toestemmingen voor aanbiedingen en voor het delen van gegevens'))
    expect(part).toMatch(/IBAN[^\n]* aan opdrachtgevers \([^)]+\) 20-11-2026 E-mail 27-11-2026/)
    expect(part).toContain('Aanbiedingen en informatie over onze diensten 21-11-2026 Getekend formulier')
    const en = htmlText((await t.call('getAccessReportHtml', { personId, lang: 'en' })).html)
    expect(en).toContain('Consents to offers and to sharing data')
    expect(rawCodesIn(en, 'en')).toEqual([])
    expect(rawCodesIn(nl, 'nl')).toEqual([])
  })
})
