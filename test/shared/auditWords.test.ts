import { describe, expect, it } from 'vitest'
import { auditFieldLabel, describeAuditReason } from '../../src/shared/vocabulary'

/** Issue 16: the audit trail read in words, never as codes, camelCase or key=value pairs. */
describe('audit entries in words', () => {
  it('names a retention preview\'s parameters, with the date as the language writes it', () => {
    expect(describeAuditReason('asOf=2026-12-05; items=40', 'nl')).toBe('Peildatum: 05-12-2026; Regels: 40')
    expect(describeAuditReason('asOf=2026-12-05; items=40', 'en')).toBe('As of: 05/12/2026; Lines: 40')
  })

  it('names a retention run\'s trigger and its counts per action', () => {
    expect(describeAuditReason('trigger=unlock; asOf=2026-12-05; policy=2026-01; persons=3; delete:unsubscribed-never-worked=1; shield=2', 'nl')).toBe(
      'Aanleiding: bij het aanmelden; Peildatum: 05-12-2026; Beleidsversie: 2026-01; Personen: 3; Verwijderen (Ingeschreven, nooit gewerkt, uitgeschreven): 1; Afschermen: 2'
    )
  })

  it('names a retention rule and a re-confirmation\'s outcome by their labels', () => {
    expect(describeAuditReason('unsubscribed-never-worked', 'nl')).toBe('Ingeschreven, nooit gewerkt, uitgeschreven')
    expect(describeAuditReason('outcome=wants-to-leave; how=phone', 'en')).toBe('Outcome: Wants to unsubscribe; How: By phone')
  })

  it('names an import\'s counts', () => {
    expect(describeAuditReason('persons=2; doNotContact=0; clients=1', 'nl')).toBe('Personen: 2; Niet-benaderen: 0; Opdrachtgevers: 1')
  })

  it('words the app\'s own fixed reasons', () => {
    expect(describeAuditReason('privacy-officer review', 'nl')).toBe('controle door de privacy officer')
    expect(describeAuditReason('idle', 'en')).toBe('not in use')
  })

  it('leaves a typed reason as it was typed', () => {
    expect(describeAuditReason('Verzoek van de persoon; zie mail', 'nl')).toBe('Verzoek van de persoon; zie mail')
    expect(describeAuditReason(null, 'nl')).toBe('')
  })

  it('names fields: a person\'s as the report does, a list\'s column by its table, any other in words', () => {
    expect(auditFieldLabel('givenName', 'nl')).toBe('Voornaam')
    expect(auditFieldLabel('shieldedOn', 'nl')).toBe('Afgeschermd op')
    expect(auditFieldLabel('attachment.id-copy', 'en')).toBe('Copy of identity document')
    expect(auditFieldLabel('someNewColumn', 'en')).toBe('Some new column')
  })
})
