/**
 * Synthetic documents data (no real people): a rich access report touching every section, and
 * the agency's contact details from the privacy statement.
 */
import type { AccessReportModel } from '../../../src/main/documents/accessReportModel'
import type { AgencyContact } from '../../../src/main/documents/htmlDocument'
import { FIELD_KEYS, type Lang } from '../../../src/main/documents/labels'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'

export const AGENCY: AgencyContact = {
  name: 'Job & Training',
  email: 'info@jobandtraining.nl',
  phone: '0162-785594',
  address: 'Stationsstraat 1\n4901 AA Oosterhout'
}

/** A synthetic value per field key, short enough to stay on one line in a PDF table. */
export const FIELD_VALUES: Record<(typeof FIELD_KEYS)[number], string> = {
  givenName: 'Fenna',
  familyName: 'Vliegenthart-Oosterbeek',
  birthDate: '14-03-1991',
  gender: 'Vrouw',
  street: 'Lindenlaan',
  houseNumber: '17b',
  postcode: '4811 XZ',
  city: 'Breda',
  email: 'fenna.v@example.test',
  phone: '06-12345678',
  otherContact: 'linkedin.example/fenna',
  education: 'MBO Logistiek niveau 4',
  internships: 'Magazijn Dongen 2012',
  workExperience: 'Orderpicker 2013-2019',
  availability: 'Ma-vr dagdienst',
  deployability: 'Heftruckcertificaat',
  leave: 'Week 31-33',
  particulars: 'Geen nachtdiensten',
  nationality: 'Nederlandse',
  bsn: '*****1234',
  idDocumentType: 'Paspoort',
  idDocumentNumber: 'NXR7K2P41',
  idDocumentExpiry: '02-08-2031',
  idVerifiedOn: '05-01-2026',
  workPermitNumber: 'TWV-889120',
  workPermitExpiry: '31-12-2027',
  vogDate: '12-01-2026',
  iban: 'NL91 ABNA 0417 1643 00',
  maritalStatus: 'Ongehuwd',
  unsubscribedOn: '01-11-2026',
  registeredOn: '04-01-2026'
}

export function richAccessReport(lang: Lang = 'nl', overrides: Partial<AccessReportModel> = {}): AccessReportModel {
  return {
    reference: 'INZ-2026-000123',
    issuedOn: '2026-11-27',
    lang,
    agency: AGENCY,
    person: {
      id: 'p-7f3a9c',
      ref: 'K-004512',
      roles: ['candidate', 'flexworker'],
      registeredOn: '2026-01-04',
      state: 'active'
    },
    fields: FIELD_KEYS.map((key, i) => ({
      key,
      value: FIELD_VALUES[key],
      lastChangedOn: i % 3 === 0 ? '2026-02-10' : null,
      lastChangedBy: i % 3 === 0 ? 'Medewerker Jansen' : null
    })),
    attachments: [
      { fileName: 'cv-fenna-2026.pdf', kind: 'cv', mimeType: 'application/pdf', sizeBytes: 184_320, addedOn: '2026-01-04', deleteOn: null },
      { fileName: 'id-kopie-scan.jpg', kind: 'id-copy', mimeType: 'image/jpeg', sizeBytes: 912_000, addedOn: '2026-01-05', deleteOn: '2026-02-02' }
    ],
    employments: [
      { start: '2026-02-01', end: '2026-09-30', kind: 'uitzenden', client: 'Bakkerij Vermeulen BV' },
      { start: '2026-10-01', end: null, kind: 'detachering', client: 'Logistiek Centrum Zuid' }
    ],
    recruitment: [{ client: 'Techniek Partners NV', start: '2026-03-01', end: '2026-04-15' }],
    purposes: [
      { purpose: 'mediation', legalBasis: 'contract' },
      { purpose: 'payroll', legalBasis: 'legal-obligation' },
      { purpose: 'offers', legalBasis: 'legitimate-interest' }
    ],
    source: { kind: 'public-website', detail: 'werkzoeken.example' },
    statement: { version: 'PV-2025-03', shownOn: '2026-01-04' },
    consents: [
      {
        category: 'health',
        purpose: 'suitability',
        basis: 'consent',
        legalBasis: null,
        givenOn: '2026-01-06',
        how: 'Getekend formulier',
        endsOn: '2027-01-06',
        withdrawnOn: null,
        state: 'valid'
      },
      {
        category: 'union',
        purpose: 'personnel',
        basis: 'consent',
        legalBasis: null,
        givenOn: '2026-02-01',
        how: 'E-mail',
        endsOn: null,
        withdrawnOn: '2026-06-30',
        state: 'withdrawn'
      },
      {
        category: 'criminal',
        purpose: 'suitability',
        basis: 'legal-basis',
        legalBasis: 'UAVG art. 33',
        givenOn: null,
        how: null,
        endsOn: null,
        withdrawnOn: null,
        state: 'valid'
      }
    ],
    specialData: [{ category: 'health', purpose: 'suitability', value: 'Geen tilwerk boven 15 kg' }],
    disclosures: [
      {
        recipient: 'Bakkerij Vermeulen BV',
        disclosedOn: '2026-01-20',
        fields: ['givenName', 'familyName', 'city', 'education'],
        purpose: 'mediation',
        reason: null
      },
      {
        recipient: 'Logistiek Centrum Zuid',
        disclosedOn: '2026-09-15',
        fields: ['bsn'],
        purpose: 'client-identification',
        reason: 'Toegangspas terrein'
      }
    ],
    retention: {
      state: 'active',
      rule: 'worked-stopped',
      nextAction: 'reduce-to-legal-hold',
      nextRule: 'worked-stopped',
      dueDate: '2027-04-30',
      deletionDate: '2031-12-31'
    },
    retentionTerms: Object.fromEntries(Object.values(DEFAULT_POLICY.rules).map((r) => [r.id, r.term])) as AccessReportModel['retentionTerms'],
    requests: [{ kind: 'access', receivedOn: '2026-11-20', status: 'completed' }],
    ...overrides
  }
}

/** An access report with nothing in any list. */
export function emptyAccessReport(lang: Lang = 'nl'): AccessReportModel {
  return richAccessReport(lang, {
    person: { id: 'p-empty', ref: null, roles: [], registeredOn: '2026-11-01', state: 'shielded' },
    fields: [],
    attachments: [],
    employments: [],
    recruitment: [],
    purposes: [],
    source: { kind: 'walk-in', detail: null },
    statement: null,
    consents: [],
    specialData: [],
    disclosures: [],
    retention: { state: 'shielded', rule: null, nextAction: null, nextRule: null, dueDate: null, deletionDate: null },
    requests: []
  })
}

/** Decodes the few entities the renderers produce, to compare against plain text. */
export function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
