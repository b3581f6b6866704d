import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import allowedFieldsJson from '../../resources/disclosure-allowed-fields.json'
import policyJson from '../../resources/retention-policy.json'
import groundsJson from '../../resources/special-category-grounds.json'
import { governanceLabels } from '../../src/main/governance/governanceLabels'
import { LABELS } from '../../src/main/documents/labels'
import { PURPOSE_GROUNDS } from '../../src/main/people/purposeLegalBasis'
import { RULE_ACTIONS } from '../../src/main/retention/policy'
import { valueLabels } from '../../src/main/rights/valueLabels'
import { contract } from '../../src/shared/contract'
import { DO_NOT_CONTACT_IDENTIFIERS } from '../../src/shared/contract/people'
import { RETENTION_TRIGGERS } from '../../src/shared/contract/retention'
import { DISCLOSURE_FIELDS } from '../../src/shared/contract/relations'
import * as vocabulary from '../../src/shared/vocabulary'
import {
  ATTACHMENT_KINDS,
  AUDIT_DETAIL_KEYS,
  AUDIT_FIELD_NAMES,
  AUDIT_REASONS,
  AUDIT_TRIGGERS,
  CONSENT_BASES,
  CONSENT_METHODS,
  CONSENT_STATES,
  INTAKE_MATCH_KINDS,
  DISCLOSURE_PURPOSES,
  EMPLOYMENT_KINDS,
  GENDERS,
  GROUND_MISFIT_REASONS,
  GROUND_ROLES,
  GROUND_VALUE_SHAPES,
  INFORM_METHODS,
  ID_DOCUMENT_TYPES,
  LANGS,
  LEGAL_BASES,
  MARITAL_STATUSES,
  OBJECTION_PURPOSES,
  PERSON_DATA_FIELDS,
  PROCESSING_LIMIT_KINDS,
  PERSON_ROLES,
  PURPOSES,
  REPORTED_CONSENT_STATES,
  REPORTED_REQUEST_STATUSES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  ACTIVITY_KINDS,
  RECONFIRMATION_METHODS,
  RECONFIRMATION_OUTCOMES,
  RETENTION_ACTION_KINDS,
  RETENTION_RULE_IDS,
  RETENTION_STATES,
  RETENTION_TERM_UNITS,
  RETENTION_TERM_WORDS,
  SOURCE_KINDS,
  SPECIAL_CATEGORIES,
  SPECIAL_DATA_GROUNDS,
  STAFF_ROLES
} from '../../src/shared/vocabulary'

type Table = Readonly<Record<string, Readonly<Record<string, string>>>>

/** Every closed list with each of its label tables, by the tables' exported names. */
const VOCABULARIES: [name: string, members: readonly string[], labelTables: string[]][] = [
  ['STAFF_ROLES', STAFF_ROLES, ['STAFF_ROLE_LABELS']],
  ['PERSON_ROLES', PERSON_ROLES, ['PERSON_ROLE_LABELS', 'PERSON_ROLE_SCREEN_LABELS']],
  ['SOURCE_KINDS', SOURCE_KINDS, ['SOURCE_KIND_LABELS', 'SOURCE_KIND_SCREEN_LABELS']],
  ['GENDERS', GENDERS, ['GENDER_LABELS']],
  ['ID_DOCUMENT_TYPES', ID_DOCUMENT_TYPES, ['ID_DOCUMENT_TYPE_LABELS', 'ID_DOCUMENT_TYPE_SCREEN_LABELS']],
  ['MARITAL_STATUSES', MARITAL_STATUSES, ['MARITAL_STATUS_LABELS']],
  ['EMPLOYMENT_KINDS', EMPLOYMENT_KINDS, ['EMPLOYMENT_KIND_LABELS', 'EMPLOYMENT_KIND_SCREEN_LABELS']],
  ['ATTACHMENT_KINDS', ATTACHMENT_KINDS, ['ATTACHMENT_KIND_LABELS', 'ATTACHMENT_KIND_SCREEN_LABELS']],
  ['PERSON_DATA_FIELDS', [...PERSON_DATA_FIELDS, 'registeredOn', 'unsubscribedOn'], ['PERSON_FIELD_LABELS']],
  ['PURPOSES', PURPOSES, ['PURPOSE_LABELS', 'PURPOSE_SCREEN_LABELS']],
  ['LEGAL_BASES', LEGAL_BASES, ['LEGAL_BASIS_LABELS', 'LEGAL_BASIS_SCREEN_LABELS']],
  ['SPECIAL_CATEGORIES', SPECIAL_CATEGORIES, ['SPECIAL_CATEGORY_LABELS', 'SPECIAL_CATEGORY_SCREEN_LABELS']],
  ['CONSENT_BASES', CONSENT_BASES, ['CONSENT_BASIS_LABELS', 'CONSENT_BASIS_SCREEN_LABELS']],
  ['CONSENT_METHODS', CONSENT_METHODS, ['CONSENT_METHOD_LABELS', 'CONSENT_METHOD_SCREEN_LABELS']],
  ['CONSENT_STATES', CONSENT_STATES, ['CONSENT_STATE_SCREEN_LABELS']],
  ['REPORTED_CONSENT_STATES', REPORTED_CONSENT_STATES, ['REPORTED_CONSENT_STATE_LABELS']],
  ['RETENTION_STATES', RETENTION_STATES, ['RETENTION_STATE_LABELS', 'RETENTION_STATE_SCREEN_LABELS']],
  ['RETENTION_RULE_IDS', RETENTION_RULE_IDS, ['RETENTION_RULE_LABELS']],
  ['RETENTION_ACTION_KINDS', RETENTION_ACTION_KINDS, ['RETENTION_ACTION_LABELS', 'RETENTION_ACTION_SCREEN_LABELS']],
  ['RETENTION_TERM_UNITS', RETENTION_TERM_UNITS, ['RETENTION_TERM_UNIT_SCREEN_LABELS', 'RETENTION_TERM_UNIT_ONE_SCREEN_LABELS']],
  ['ACTIVITY_KINDS', ACTIVITY_KINDS, ['ACTIVITY_LABELS']],
  ['RECONFIRMATION_METHODS', RECONFIRMATION_METHODS, ['RECONFIRMATION_METHOD_LABELS']],
  ['RECONFIRMATION_OUTCOMES', RECONFIRMATION_OUTCOMES, ['RECONFIRMATION_OUTCOME_LABELS']],
  ['REQUEST_KINDS', REQUEST_KINDS, ['REQUEST_KIND_LABELS']],
  ['REQUEST_STATUSES', REQUEST_STATUSES, ['REQUEST_STATUS_SCREEN_LABELS']],
  ['REPORTED_REQUEST_STATUSES', REPORTED_REQUEST_STATUSES, ['REPORTED_REQUEST_STATUS_LABELS']],
  ['DISCLOSURE_PURPOSES', DISCLOSURE_PURPOSES, ['DISCLOSURE_PURPOSE_LABELS', 'DISCLOSURE_PURPOSE_SCREEN_LABELS']],
  ['SPECIAL_DATA_GROUNDS', SPECIAL_DATA_GROUNDS, ['SPECIAL_DATA_GROUND_LABELS']],
  ['GROUND_ROLES', GROUND_ROLES, ['GROUND_ROLE_LABELS']],
  ['GROUND_VALUE_SHAPES', GROUND_VALUE_SHAPES, ['GROUND_VALUE_SHAPE_LABELS']],
  ['GROUND_MISFIT_REASONS', GROUND_MISFIT_REASONS, ['GROUND_MISFIT_REASON_LABELS']],
  ['INFORM_METHODS', INFORM_METHODS, ['INFORM_METHOD_LABELS']],
  ['PROCESSING_LIMIT_KINDS', PROCESSING_LIMIT_KINDS, ['PROCESSING_LIMIT_KIND_LABELS']],
  ['OBJECTION_PURPOSES', OBJECTION_PURPOSES, ['OBJECTION_PURPOSE_LABELS']],
  ['AUDIT_DETAIL_KEYS', AUDIT_DETAIL_KEYS, ['AUDIT_DETAIL_KEY_LABELS']],
  ['AUDIT_TRIGGERS', AUDIT_TRIGGERS, ['AUDIT_TRIGGER_LABELS']],
  ['AUDIT_FIELD_NAMES', AUDIT_FIELD_NAMES, ['AUDIT_FIELD_LABELS']],
  ['AUDIT_REASONS', AUDIT_REASONS, ['AUDIT_REASON_LABELS']]
]

const exported = vocabulary as unknown as Record<string, unknown>
const tableNamed = (name: string): Table => exported[name] as Table

/** Every `z.enum` in a schema, however deeply nested (objects, arrays, unions, optionals, pipes…). */
function enumsIn(schema: z.ZodType, found: string[][] = [], seen = new Set<unknown>()): string[][] {
  if (seen.has(schema)) return found
  seen.add(schema)
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def
  if (def['type'] === 'enum') found.push(Object.values(def['entries'] as Record<string, string>))
  const children: unknown[] = []
  if (def['type'] === 'object') children.push(...Object.values(def['shape'] as object))
  for (const key of ['element', 'innerType', 'in', 'out', 'left', 'right', 'valueType', 'keyType']) if (def[key]) children.push(def[key])
  if (Array.isArray(def['options'])) children.push(...(def['options'] as unknown[]))
  if (Array.isArray(def['items'])) children.push(...(def['items'] as unknown[]))
  for (const child of children) if (child && typeof child === 'object' && '_zod' in child) enumsIn(child as z.ZodType, found, seen)
  return found
}

/** Values an enum may add to a list it otherwise draws from, and why. */
const KNOWN_EXTRAS: Record<string, readonly string[]> = {
  // A request outlives its person: the register shows the record as deleted.
  RETENTION_STATES: ['deleted']
}

describe('the closed vocabularies (one definition each, labelled in Dutch and English)', () => {
  it('labels every member of every list in both languages, and nothing else', () => {
    for (const [name, members, tables] of VOCABULARIES) {
      for (const tableName of tables) {
        const table = tableNamed(tableName)
        expect(table, tableName).toBeDefined()
        for (const lang of LANGS) {
          expect(Object.keys(table[lang] ?? {}).sort(), `${tableName}.${lang} (${name})`).toEqual([...members].sort())
          for (const member of members) expect((table[lang]?.[member] ?? '').trim(), `${tableName}.${lang}.${member}`).not.toBe('')
        }
      }
    }
  })

  it('words the audit trail\'s retention triggers exactly as the contract lists them', () => {
    expect([...AUDIT_TRIGGERS]).toEqual([...RETENTION_TRIGGERS])
  })

  it('covers every label table shared/vocabulary exports', () => {
    const covered = new Set(VOCABULARIES.flatMap(([, , tables]) => tables))
    const labelTables = Object.keys(exported).filter((name) => name.endsWith('_LABELS'))
    expect(labelTables.filter((name) => !covered.has(name))).toEqual([])
  })

  it('lets the grounds policy (R-4a) name no category, ground, role, purpose or form a list lacks', () => {
    const problems: string[] = []
    const check = (list: readonly string[], value: string, what: string) => void (list.includes(value) || problems.push(`${what} ${value}`))
    for (const c of groundsJson.categories) {
      check(SPECIAL_CATEGORIES, c.category, 'category')
      for (const g of c.grounds) {
        check(SPECIAL_DATA_GROUNDS, g.ground, 'ground')
        for (const r of g.roles) check(GROUND_ROLES, r, 'role')
        for (const p of g.purposes) check(PURPOSES, p, 'purpose')
        for (const f of g.shapes) check(GROUND_VALUE_SHAPES, f, 'form')
      }
    }
    expect(problems).toEqual([])
  })

  it('lets the contract name no member a list lacks', () => {
    // The audit's field names label what entries name; no operation's enum draws on them.
    const lists = VOCABULARIES.filter(([name]) => name !== 'AUDIT_FIELD_NAMES').map(([name, members]) => [name, new Set(members)] as const)
    // Lists of the contract's own that draw on a vocabulary: the person fields a disclosure may name.
    const ownLists = [...lists, ['DISCLOSURE_FIELDS', new Set<string>(DISCLOSURE_FIELDS)] as const, ['DO_NOT_CONTACT_IDENTIFIERS', new Set<string>(DO_NOT_CONTACT_IDENTIFIERS)] as const, ['INTAKE_MATCH_KINDS', new Set<string>(INTAKE_MATCH_KINDS)] as const]
    const problems: string[] = []
    for (const [operation, def] of Object.entries(contract)) {
      for (const schema of [def.input, def.output] as z.ZodType[]) {
        for (const values of enumsIn(schema)) {
          if (ownLists.some(([, members]) => values.every((v) => members.has(v)))) continue
          // An enum drawing on a list (most of its values are the list's) must not add to it.
          for (const [name, members] of lists) {
            const shared = values.filter((v) => members.has(v))
            const extra = values.filter((v) => !members.has(v) && !(KNOWN_EXTRAS[name] ?? []).includes(v))
            if (shared.length >= 2 && shared.length * 2 >= values.length && extra.length > 0) {
              problems.push(`${operation}: [${values.join(', ')}] adds ${extra.join(', ')} to ${name}`)
            }
          }
        }
      }
      if (Array.isArray(def.access)) for (const role of def.access) if (!(STAFF_ROLES as readonly string[]).includes(role)) problems.push(`${operation}: role ${role}`)
    }
    expect(problems).toEqual([])
  })

  it('finds the contract’s enums at all (the walk above is not vacuous)', () => {
    const all = Object.values(contract).flatMap((def) => [...enumsIn(def.input as z.ZodType), ...enumsIn(def.output as z.ZodType)])
    expect(all.some((values) => values.includes('ws-candidate'))).toBe(true)
    expect(all.some((values) => values.includes('legal-hold-payroll'))).toBe(true)
    expect(all.some((values) => values.includes('client-identification') && values.includes('presentation'))).toBe(true)
  })

  it('lets the retention policy file name only the list’s rules, actions and units, each rule once', () => {
    const rules = policyJson.rules
    expect(rules.map((r) => r.id).sort()).toEqual([...RETENTION_RULE_IDS].sort())
    for (const r of rules) {
      expect(RETENTION_ACTION_KINDS, r.id).toContain(r.action)
      expect(RETENTION_TERM_UNITS, r.id).toContain(r.term.unit)
    }
  })

  it('lets the disclosure rules file name only disclosure purposes, person fields and purposes of the lists', () => {
    const fields: readonly string[] = DISCLOSURE_FIELDS
    expect(Object.keys(allowedFieldsJson.purposes).sort()).toEqual([...DISCLOSURE_PURPOSES].sort())
    for (const [purpose, rule] of Object.entries(allowedFieldsJson.purposes)) {
      for (const f of rule.allowed) expect(fields, `${purpose}.allowed`).toContain(f)
      for (const p of rule.personPurposes) expect(PURPOSES, `${purpose}.personPurposes`).toContain(p)
    }
    for (const f of [...allowedFieldsJson.neverWithoutConsent, ...allowedFieldsJson.never]) expect(fields).toContain(f)
  })

  it('derives the disclosable fields from the one list of person fields', () => {
    const dataFields: readonly string[] = PERSON_DATA_FIELDS
    expect(DISCLOSURE_FIELDS.filter((f) => dataFields.includes(f))).toEqual(PERSON_DATA_FIELDS.filter((f) => f !== 'idVerifiedOn'))
    expect(DISCLOSURE_FIELDS.slice(-2)).toEqual(['idCopy', 'specialData'])
  })

  it('lets the documents and the engine name only members of the lists', () => {
    const keysOf = (t: object) => Object.keys(t).sort()
    for (const lang of LANGS) {
      const L = LABELS[lang]
      const tables: [string, object, readonly string[]][] = [
        ['role', L.role, PERSON_ROLES],
        ['purpose', L.purpose, PURPOSES],
        ['sourceKind', L.sourceKind, SOURCE_KINDS],
        ['specialCategory', L.specialCategory, SPECIAL_CATEGORIES],
        ['retentionState', L.retentionState, RETENTION_STATES],
        ['employmentKind', L.employmentKind, EMPLOYMENT_KINDS],
        ['attachmentKind', L.attachmentKind, ATTACHMENT_KINDS],
        ['retentionRule', L.retentionRule, RETENTION_RULE_IDS],
        ['retentionAction', L.retentionAction, RETENTION_ACTION_KINDS],
        ['legalBasis', L.legalBasis, LEGAL_BASES],
        ['consentBasis', L.consentBasis, CONSENT_BASES],
        ['consentState', L.consentState, REPORTED_CONSENT_STATES],
        ['requestKind', L.requestKind, REQUEST_KINDS],
        ['requestStatus', L.requestStatus, REPORTED_REQUEST_STATUSES],
        ['governance.ruleTrigger', governanceLabels(lang).ruleTrigger, RETENTION_RULE_IDS],
        ['describeTerm', RETENTION_TERM_WORDS[lang], RETENTION_TERM_UNITS],
        ['value.gender', valueLabels(lang).gender, GENDERS],
        ['value.maritalStatus', valueLabels(lang).maritalStatus, MARITAL_STATUSES],
        ['value.idDocumentType', valueLabels(lang).idDocumentType, ID_DOCUMENT_TYPES],
        ['value.consentHow', valueLabels(lang).consentHow, CONSENT_METHODS]
      ]
      for (const [name, table, members] of tables) expect(keysOf(table), `${lang} ${name}`).toEqual([...members].sort())
    }
    expect(keysOf(RULE_ACTIONS)).toEqual([...RETENTION_RULE_IDS].sort())
    for (const action of Object.values(RULE_ACTIONS)) expect(RETENTION_ACTION_KINDS).toContain(action)
    expect(keysOf(PURPOSE_GROUNDS)).toEqual([...PURPOSES].sort())
    for (const grounds of Object.values(PURPOSE_GROUNDS)) for (const { bases } of Object.values(grounds)) for (const basis of bases) expect(LEGAL_BASES).toContain(basis)
  })
})
