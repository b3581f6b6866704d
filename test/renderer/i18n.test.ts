import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/shared/errors'
import { VALIDATION_MESSAGE_KEYS } from '../../src/shared/validation/messages'
import { RESOURCES } from '../../src/renderer/src/i18n'
import {
  ATTACHMENT_KINDS,
  CONSENT_STATES,
  DISCLOSURE_PURPOSES,
  GENDERS,
  LEGAL_BASES,
  PERSON_ROLES,
  PURPOSES,
  REQUEST_KINDS,
  RETENTION_ACTION_KINDS,
  RETENTION_RULE_IDS,
  SPECIAL_CATEGORIES,
  STAFF_ROLES
} from '../../src/shared/vocabulary'

type Tree = { [k: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}
function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

describe('translations', () => {
  it('has the same keys in Dutch and English', () => {
    expect(keys(RESOURCES.en).sort()).toEqual(keys(RESOURCES.nl).sort())
  })
  it('has a text for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(lookup(RESOURCES.nl, `errors.${code}`), code).toBeTruthy()
      expect(lookup(RESOURCES.en, `errors.${code}`), code).toBeTruthy()
    }
  })
  it('has a text for every validation message key in both languages', () => {
    for (const key of VALIDATION_MESSAGE_KEYS) {
      expect(lookup(RESOURCES.nl, key), key).toBeTruthy()
      expect(lookup(RESOURCES.en, key), key).toBeTruthy()
    }
  })
  it('has no empty texts', () => {
    for (const lang of [RESOURCES.nl, RESOURCES.en]) for (const k of keys(lang)) expect(lookup(lang, k), k).not.toBe('')
  })
  it('names every member of the closed vocabularies on screen, in both languages (from shared/vocabulary)', () => {
    const lists: [string, readonly string[]][] = [
      ['roles', STAFF_ROLES],
      ['people.role', PERSON_ROLES],
      ['people.purpose', PURPOSES],
      ['people.legalBasis', LEGAL_BASES],
      ['people.gender', GENDERS],
      ['people.attachmentKind', ATTACHMENT_KINDS],
      ['consent.category', SPECIAL_CATEGORIES],
      ['consent.state', CONSENT_STATES],
      ['retention.rule', RETENTION_RULE_IDS],
      ['retention.action', RETENTION_ACTION_KINDS],
      ['rights.requests.kinds', REQUEST_KINDS],
      ['relations.share.purposes', DISCLOSURE_PURPOSES]
    ]
    for (const lang of [RESOURCES.nl, RESOURCES.en]) {
      for (const [prefix, members] of lists) for (const m of members) expect(lookup(lang, `${prefix}.${m}`), `${prefix}.${m}`).toBeTruthy()
    }
  })
})
