import { describe, expect, it } from 'vitest'
import {
  ATTACHMENT_KINDS,
  CONSENT_BASES,
  EMPLOYMENT_KINDS,
  LEGAL_BASES,
  PERSON_ROLES,
  PURPOSES,
  REPORTED_CONSENT_STATES as CONSENT_STATES,
  REPORTED_REQUEST_STATUSES as REQUEST_STATUSES,
  REQUEST_KINDS,
  RETENTION_ACTION_KINDS,
  RETENTION_RULE_IDS,
  RETENTION_STATES,
  SOURCE_KINDS,
  SPECIAL_CATEGORIES
} from '../../../src/shared/vocabulary'
import { FIELD_KEYS, fieldLabel, LABELS, LANGS, type Labels } from '../../../src/main/documents/labels'
import { formatBytes } from '../../../src/main/documents/formatBytes'

/** Every leaf path of a label table, e.g. `accessReport.title`, `rights.access.text`. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key))
  }
  return [prefix]
}

function leafValues(value: unknown): unknown[] {
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leafValues)
  return [value]
}

describe('document labels', () => {
  it('has the same keys in Dutch and English', () => {
    expect(leafPaths(LABELS.en).sort()).toEqual(leafPaths(LABELS.nl).sort())
    expect(leafPaths(LABELS.nl).length).toBeGreaterThan(200)
  })

  it('has a non-empty text for every key in both languages', () => {
    for (const lang of LANGS) {
      for (const value of leafValues(LABELS[lang])) {
        expect(typeof value).toBe('string')
        expect((value as string).trim()).not.toBe('')
      }
    }
  })

  it('labels every value of the domain vocabularies and every id the reports print', () => {
    const vocabularies: [keyof Labels, readonly string[]][] = [
      ['field', FIELD_KEYS],
      ['role', PERSON_ROLES],
      ['purpose', PURPOSES],
      ['sourceKind', SOURCE_KINDS],
      ['specialCategory', SPECIAL_CATEGORIES],
      ['retentionState', RETENTION_STATES],
      ['employmentKind', EMPLOYMENT_KINDS],
      ['attachmentKind', ATTACHMENT_KINDS],
      ['retentionRule', RETENTION_RULE_IDS],
      ['retentionAction', RETENTION_ACTION_KINDS],
      ['legalBasis', LEGAL_BASES],
      ['consentBasis', CONSENT_BASES],
      ['consentState', CONSENT_STATES],
      ['requestKind', REQUEST_KINDS],
      ['requestStatus', REQUEST_STATUSES]
    ]
    for (const lang of LANGS) {
      for (const [table, values] of vocabularies) {
        expect(Object.keys(LABELS[lang][table]).sort(), `${lang}.${table}`).toEqual([...values].sort())
      }
    }
  })

  it('labels the field keys the access report uses, and shows an unknown key as itself', () => {
    expect(fieldLabel('postcode', 'nl')).toBe('Postcode')
    expect(fieldLabel('bsn', 'en')).toBe('BSN (citizen service number)')
    expect(fieldLabel('shoeSize', 'nl')).toBe('shoeSize')
    expect(fieldLabel('constructor', 'en')).toBe('constructor')
    expect(fieldLabel('__proto__', 'nl')).toBe('__proto__')
  })
})

describe('sizes in documents', () => {
  it('prints file sizes with the language’s decimal separator', () => {
    expect(formatBytes(184_320, 'nl')).toBe('184,3 kB')
    expect(formatBytes(184_320, 'en')).toBe('184.3 kB')
    expect(formatBytes(512, 'en')).toBe('512 B')
    expect(formatBytes(2_500_000, 'nl')).toBe('2,5 MB')
  })
})
