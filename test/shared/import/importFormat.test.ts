import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatImportIssues, makeImportSchema, type ImportIssue } from '../../../src/shared/import/importFormat'
import { VALIDATION_MESSAGE_KEYS } from '../../../src/shared/validation/messages'

const TODAY = '2026-06-15'
const schema = makeImportSchema(TODAY)
const EXAMPLE_PATH = join(__dirname, '../../../resources/examples/import-example.json')

type Json = Record<string, any>
function example(): Json {
  return JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')) as Json
}

function issuesOf(file: unknown): ImportIssue[] {
  const result = schema.safeParse(file)
  if (result.success) return []
  return formatImportIssues(result.error)
}

describe('import format dossier-import/1', () => {
  it('accepts the example file and normalises its contact data', () => {
    const parsed = schema.parse(example())
    expect(parsed.persons).toHaveLength(3)
    expect(parsed.clients).toHaveLength(1)
    expect(parsed.persons[0]?.email).toBe('sanne.vandenberg@example.org')
    expect(parsed.persons[0]?.phone).toBe('+31612345678')
    expect(parsed.persons[0]?.address?.postcode).toBe('1234 AB')
    expect(parsed.persons[1]?.bsn).toBe('123456782')
    expect(parsed.clients?.[0]?.phone).toBe('+31101234567')
  })

  it('accepts a BSN for an employment that starts within 4 weeks (R-16a)', () => {
    const f = example()
    f.persons[1].employments = [{ start: '2026-07-06', end: null, kind: 'uitzenden' }] // in 3 weeks
    expect(schema.safeParse(f).success).toBe(true)
  })

  it('accepts a file with no clients and no persons', () => {
    expect(schema.safeParse({ format: 'dossier-import/1', persons: [] }).success).toBe(true)
  })

  it('refuses another format', () => {
    expect(issuesOf({ ...example(), format: 'dossier-import/2' })).toEqual([{ path: 'format', key: 'validation.import.format' }])
    expect(issuesOf({ persons: [] })).toEqual([{ path: 'format', key: 'validation.required' }])
  })

  it('refuses something that is not an import file at all', () => {
    expect(issuesOf(null)).toEqual([{ path: '', key: 'validation.type' }])
    expect(issuesOf([1, 2])).toEqual([{ path: '', key: 'validation.type' }])
  })

  it.each<[string, (file: Json) => void, ImportIssue[]]>([
    ['a bad e-mail address', (f) => void (f.persons[0].email = 'sanne-at-example'), [{ path: 'persons[0].email', key: 'validation.email.invalid' }]],
    ['a bad phone number', (f) => void (f.persons[1].phone = '06 1234'), [{ path: 'persons[1].phone', key: 'validation.phone.invalid' }]],
    ['a bad postcode', (f) => void (f.persons[0].address.postcode = '0123 AB'), [{ path: 'persons[0].address.postcode', key: 'validation.postcode.invalid' }]],
    ['a missing ref', (f) => void delete f.persons[2].ref, [{ path: 'persons[2].ref', key: 'validation.required' }]],
    ['a date that does not exist', (f) => void (f.persons[0].registeredOn = '2025-02-29'), [{ path: 'persons[0].registeredOn', key: 'validation.date.invalid' }]],
    [
      'a registration in the future (the last contact then lies before it)',
      (f) => void (f.persons[0].registeredOn = '2026-06-16'),
      [
        { path: 'persons[0].registeredOn', key: 'validation.date.future' },
        { path: 'persons[0].lastContactOn', key: 'validation.date.beforeRegistration' }
      ]
    ],
    ['a last contact before registration (R-11a)', (f) => void (f.persons[0].lastContactOn = '2025-08-31'), [{ path: 'persons[0].lastContactOn', key: 'validation.date.beforeRegistration' }]],
    ['a last contact in the future (R-11a)', (f) => void (f.persons[0].lastContactOn = '2026-06-16'), [{ path: 'persons[0].lastContactOn', key: 'validation.date.future' }]],
    ['an implausible birth date', (f) => void (f.persons[2].birthDate = '1900-01-01'), [{ path: 'persons[2].birthDate', key: 'validation.birthDate.age' }]],
    ['a birth date in the future', (f) => void (f.persons[2].birthDate = '2027-01-01'), [{ path: 'persons[2].birthDate', key: 'validation.birthDate.future' }]],
    ['an unknown role', (f) => void (f.persons[0].roles = ['candidate', 'blacklisted']), [{ path: 'persons[0].roles[1]', key: 'validation.option' }]],
    ['a repeated purpose', (f) => void f.persons[0].purposes.push('mediation'), [{ path: 'persons[0].purposes[2]', key: 'validation.duplicate' }]],
    ['a public website without its name', (f) => void delete f.persons[2].source.detail, [{ path: 'persons[2].source.detail', key: 'validation.source.detailRequired' }]],
    ['a candidate without e-mail or phone', (f) => void ((f.persons[0].email = ''), delete f.persons[0].phone), [{ path: 'persons[0].email', key: 'validation.contact.required' }]],
    ['an invalid BSN', (f) => void (f.persons[1].bsn = '123456789'), [{ path: 'persons[1].bsn', key: 'validation.bsn.invalid' }]],
    ['a BSN without a BSN purpose', (f) => void ((f.persons[1].purposes = ['mediation', 'temping', 'personnel']), (f.persons[1].special[0].purpose = 'personnel')), [{ path: 'persons[1].bsn', key: 'validation.bsn.purpose' }]],
    ['a BSN for someone who never worked (R-3a)', (f) => void (f.persons[0].bsn = '111222333', f.persons[0].purposes.push('payroll')), [{ path: 'persons[0].bsn', key: 'validation.bsn.notAtRegistration' }]],
    ['a BSN for an employment that starts in 2031 (R-16a)', (f) => void (f.persons[1].employments = [{ start: '2031-01-05', end: null, kind: 'uitzenden' }]), [{ path: 'persons[1].bsn', key: 'validation.bsn.employmentNotStarted' }]],
    ['a BSN for an employment that starts in 4 weeks and a day (R-16a)', (f) => void (f.persons[1].employments = [{ start: '2026-07-14', end: null, kind: 'uitzenden' }]), [{ path: 'persons[1].bsn', key: 'validation.bsn.employmentNotStarted' }]],
    ['an employment ending before it starts', (f) => void (f.persons[1].employments[0].end = '2024-02-01'), [{ path: 'persons[1].employments[0].end', key: 'validation.period.endBeforeStart' }]],
    ['an unknown employment kind', (f) => void (f.persons[1].employments[1].kind = 'freelance'), [{ path: 'persons[1].employments[1].kind', key: 'validation.option' }]],
    ['a W&S procedure ending before it starts', (f) => void (f.persons[2].recruitment[0].end = '2025-04-13'), [{ path: 'persons[2].recruitment[0].end', key: 'validation.period.endBeforeStart' }]],
    ['unsubscription before registration', (f) => void (f.persons[2].unsubscribedOn = '2025-04-13'), [{ path: 'persons[2].unsubscribedOn', key: 'validation.date.beforeRegistration' }]],
    ['doNotContact that is not a boolean', (f) => void (f.persons[2].doNotContact = 'yes'), [{ path: 'persons[2].doNotContact', key: 'validation.type' }]],
    ['special data with both consent and a legal basis', (f) => void (f.persons[0].special[0].legalBasis = 'uavg-30-absence'), [{ path: 'persons[0].special[0]', key: 'validation.special.basis' }]],
    ['special data with neither consent nor a legal basis', (f) => void delete f.persons[1].special[0].consent, [{ path: 'persons[1].special[0]', key: 'validation.special.basis' }]],
    ['an unknown special category', (f) => void (f.persons[0].special[0].category = 'opinion'), [{ path: 'persons[0].special[0].category', key: 'validation.option' }]],
    ['special data for a purpose the person does not have', (f) => void (f.persons[0].special[0].purpose = 'payroll'), [{ path: 'persons[0].special[0].purpose', key: 'validation.special.purpose' }]],
    ['health data for someone who never worked (R-3a)', (f) => void (f.persons[0].special[0].category = 'health'), [{ path: 'persons[0].special[0].category', key: 'validation.special.notAtRegistration' }]],
    ['consent given in the future', (f) => void (f.persons[0].special[0].consent.givenOn = '2026-07-01'), [{ path: 'persons[0].special[0].consent.givenOn', key: 'validation.date.future' }]],
    ['consent ending before it was given', (f) => void (f.persons[0].special[0].consent.endsOn = '2025-08-01'), [{ path: 'persons[0].special[0].consent.endsOn', key: 'validation.period.endBeforeStart' }]],
    ['an unknown way of giving consent', (f) => void (f.persons[0].special[0].consent.how = 'telepathy'), [{ path: 'persons[0].special[0].consent.how', key: 'validation.option' }]],
    ['a malformed legal basis', (f) => void (delete f.persons[1].special[0].consent, (f.persons[1].special[0].legalBasis = 'Art. 30 UAVG!')), [{ path: 'persons[1].special[0].legalBasis', key: 'validation.special.legalBasis' }]],
    ['an unknown person field', (f) => void (f.persons[0].nickname = 'San'), [{ path: 'persons[0].nickname', key: 'validation.unknownField' }]],
    ['an unknown top-level field', (f) => void (f.exportedBy = 'legacy'), [{ path: 'exportedBy', key: 'validation.unknownField' }]],
    ['a client without a name', (f) => void delete f.clients[0].name, [{ path: 'clients[0].name', key: 'validation.required' }]],
    ['a client contact with a bad e-mail address', (f) => void (f.clients[0].contacts[0].email = 'pieter@'), [{ path: 'clients[0].contacts[0].email', key: 'validation.email.invalid' }]],
    ['a client without its contacts list', (f) => void delete f.clients[0].contacts, [{ path: 'clients[0].contacts', key: 'validation.required' }]]
  ])('reports %s at its path', (_what, mutate, expected) => {
    const file = example()
    mutate(file)
    expect(issuesOf(file)).toEqual(expected)
  })

  it('reports a repeated ref at the second occurrence, also when other rows have errors', () => {
    const file = example()
    file.persons[2].ref = 'LEG-0001'
    file.persons[1].email = 'not-an-email'
    expect(issuesOf(file)).toEqual([
      { path: 'persons[1].email', key: 'validation.email.invalid' },
      { path: 'persons[2].ref', key: 'validation.import.duplicateRef' }
    ])
  })

  it('reports a repeated client name regardless of case', () => {
    const file = example()
    file.clients.push({ ...file.clients[0], name: ' voorbeeld logistiek b.v. ' })
    expect(issuesOf(file)).toEqual([{ path: 'clients[1].name', key: 'validation.import.duplicateClient' }])
  })

  it('reports every bad row in one run', () => {
    const file = example()
    file.persons[0].email = 'x'
    file.persons[1].bsn = '1'
    file.persons[2].gender = 'unknown'
    expect(issuesOf(file).map((issue) => issue.path)).toEqual(['persons[0].email', 'persons[1].bsn', 'persons[2].gender'])
  })

  it('reports positions and keys, never the rejected values (R-22)', () => {
    const file = example()
    file.persons[0].email = 'sanne.secret@@example.org'
    file.persons[1].bsn = '987654321'
    file.persons[2]['Noor El Amrani 0612345678'] = 'x'
    const issues = issuesOf(file)
    const serialised = JSON.stringify(issues)
    expect(serialised).not.toContain('sanne.secret')
    expect(serialised).not.toContain('987654321')
    expect(serialised).not.toContain('0612345678')
    expect(issues).toContainEqual({ path: 'persons[2].?', key: 'validation.unknownField' })
  })

  it('gives every issue an i18n key, whatever is put anywhere in the file', () => {
    const keys = new Set<string>(VALIDATION_MESSAGE_KEYS)
    const paths: (string | number)[][] = []
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path)
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]))
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
    }
    walk(example(), [])
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.option(fc.jsonValue(), { nil: undefined }), (path, replacement) => {
        const file = example()
        let parent: any = file
        for (const segment of path.slice(0, -1)) parent = parent[segment]
        parent[path[path.length - 1]!] = replacement
        const result = schema.safeParse(file)
        return result.success || result.error.issues.every((issue) => keys.has(issue.message))
      }),
      { numRuns: 500 }
    )
  })
})
