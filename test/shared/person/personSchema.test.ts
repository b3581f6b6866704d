import { describe, expect, it } from 'vitest'
import {
  employmentDataSchema,
  employmentPeriodSchema,
  hasBsnEmployment,
  hasBsnPurpose,
  intakeSchema,
  makeEmploymentDataSchema,
  makeIntakeSchema,
  recruitmentProcedureSchema,
  type EmploymentDataInput,
  type IntakeInput
} from '../../../src/shared/person/personSchema'

const TODAY = '2026-06-15'
const intake = makeIntakeSchema(TODAY)

function validIntake(overrides: Partial<Record<keyof IntakeInput | string, unknown>> = {}): Record<string, unknown> {
  return {
    givenName: ' Sanne ',
    familyName: 'van den Berg',
    birthDate: '1994-03-12',
    gender: 'female',
    address: { street: 'Voorbeeldstraat', houseNumber: '12a', postcode: '1234ab', city: 'Utrecht' },
    email: ' Sanne@Example.ORG ',
    phone: '06 12345678',
    education: 'MBO Logistiek',
    source: { kind: 'walk-in' },
    registeredOn: '2026-06-15',
    roles: ['candidate'],
    purposes: ['mediation', 'temping'],
    statementVersion: '2026-01',
    statementShownOn: '2026-06-15',
    ...overrides
  }
}

/** `path: message` of every issue, for compact assertions. */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('intake (R-2)', () => {
  it('accepts a registration and normalises contact data', () => {
    const parsed = intake.parse(validIntake())
    expect(parsed.givenName).toBe('Sanne')
    expect(parsed.email).toBe('sanne@example.org')
    expect(parsed.phone).toBe('+31612345678')
    expect(parsed.address?.postcode).toBe('1234 AB')
  })

  it('treats blank optional fields from the form as absent', () => {
    const parsed = intake.parse(validIntake({ education: '  ', particulars: '', address: { street: '', postcode: ' ' }, phone: '' }))
    expect(parsed.education).toBeUndefined()
    expect(parsed.particulars).toBeUndefined()
    expect(parsed.phone).toBeUndefined()
    expect(parsed.address).toEqual({})
  })

  it('reports missing and too long names with i18n keys', () => {
    expect(issuesOf(intake.safeParse(validIntake({ givenName: '   ', familyName: undefined })))).toEqual([
      'givenName: validation.required',
      'familyName: validation.required'
    ])
    expect(issuesOf(intake.safeParse(validIntake({ familyName: 'x'.repeat(101) })))).toEqual(['familyName: validation.tooLong'])
  })

  it('validates a postcode when one is given', () => {
    expect(issuesOf(intake.safeParse(validIntake({ address: { postcode: '0123 AB' } })))).toEqual(['address.postcode: validation.postcode.invalid'])
  })

  it('refuses a registration or statement date in the future and an implausible birth date', () => {
    expect(issuesOf(intake.safeParse(validIntake({ registeredOn: '2026-06-16', statementShownOn: '2026-07-01', birthDate: '2020-01-01' })))).toEqual([
      'birthDate: validation.birthDate.age',
      'registeredOn: validation.date.future',
      'statementShownOn: validation.date.future'
    ])
  })

  it('requires one or more distinct roles and purposes from the closed lists (R-1, R-7)', () => {
    expect(issuesOf(intake.safeParse(validIntake({ roles: [] })))).toEqual(['roles: validation.required'])
    expect(issuesOf(intake.safeParse(validIntake({ roles: ['candidate', 'candidate'] })))).toEqual(['roles.1: validation.duplicate'])
    expect(issuesOf(intake.safeParse(validIntake({ purposes: ['mediation', 'marketing'] })))).toEqual(['purposes.1: validation.option'])
  })

  it('requires the public website a prospect was found on (R-6)', () => {
    expect(issuesOf(intake.safeParse(validIntake({ source: { kind: 'public-website' } })))).toEqual(['source.detail: validation.source.detailRequired'])
    expect(intake.safeParse(validIntake({ source: { kind: 'public-website', detail: 'linkedin.com' } })).success).toBe(true)
  })

  it('requires a birth date and an e-mail address or phone number for a candidate', () => {
    expect(issuesOf(intake.safeParse(validIntake({ birthDate: undefined, email: '', phone: undefined })))).toEqual([
      'birthDate: validation.required',
      'email: validation.contact.required'
    ])
    expect(intake.safeParse(validIntake({ email: undefined })).success).toBe(true)
  })

  it('lets a prospect be registered with only a profile address and no birth date', () => {
    const prospect = validIntake({
      roles: ['prospect'],
      birthDate: undefined,
      email: undefined,
      phone: undefined,
      otherContact: 'https://www.linkedin.com/in/voorbeeld',
      source: { kind: 'public-website', detail: 'linkedin.com' }
    })
    expect(intake.safeParse(prospect).success).toBe(true)
    expect(issuesOf(intake.safeParse({ ...prospect, otherContact: undefined }))).toEqual(['email: validation.contact.required'])
  })

  it('rejects a BSN at registration instead of dropping it (R-3a)', () => {
    const result = intake.safeParse(validIntake({ bsn: '111222333' }))
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['bsn'], message: 'validation.unknownField' })])
  })

  it('rejects health and other special data at registration (R-3a, R-4)', () => {
    for (const field of ['special', 'health', 'idDocument', 'nationality']) {
      const result = intake.safeParse(validIntake({ [field]: 'anything' }))
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(['validation.unknownField'])
    }
    const nested = intake.safeParse(validIntake({ address: { street: 'Voorbeeldstraat', bsn: '111222333' } }))
    expect(issuesOf(nested)).toEqual(['address: validation.unknownField'])
  })

  it('never puts a rejected value into the error', () => {
    const result = intake.safeParse(validIntake({ email: 'sanne-at-example.org', phone: '06 9999', bsn: '111222333' }))
    const serialised = JSON.stringify(result.error)
    expect(serialised).not.toContain('sanne-at-example.org')
    expect(serialised).not.toContain('06 9999')
    expect(serialised).not.toContain('111222333')
  })

  it('refuses to build with a malformed today', () => {
    expect(() => makeIntakeSchema('2026-13-01')).toThrow()
  })

  it('has a static variant for the IPC contract: same shape and rules, no date-relative checks', () => {
    expect(intakeSchema.safeParse(validIntake({ registeredOn: '2030-01-01' })).success).toBe(true)
    expect(issuesOf(intakeSchema.safeParse(validIntake({ registeredOn: '2030-02-30' })))).toEqual(['registeredOn: validation.date.invalid'])
    expect(issuesOf(intakeSchema.safeParse(validIntake({ bsn: '111222333' })))).toEqual([': validation.unknownField'])
    expect(issuesOf(intakeSchema.safeParse(validIntake({ email: undefined, phone: undefined })))).toEqual(['email: validation.contact.required'])
  })
})

describe('employment data (R-3)', () => {
  const data = (overrides: Partial<Record<keyof EmploymentDataInput | string, unknown>> = {}): Record<string, unknown> => ({
    nationality: ' nl ',
    bsn: '1112.22.333',
    idDocument: { type: 'id-card', number: 'ab12 cd345', expiry: '2030-01-31' },
    idVerifiedOn: '2026-06-01',
    iban: 'nl91 abna 0417 1643 00',
    maritalStatus: 'unmarried',
    ...overrides
  })
  const employmentStarts = ['2026-06-01']
  const withPayroll = makeEmploymentDataSchema({ today: TODAY, purposes: ['temping', 'payroll'], employmentStarts })
  const withoutBsnPurpose = makeEmploymentDataSchema({ today: TODAY, purposes: ['temping', 'mediation'], employmentStarts })

  it('accepts employment data and normalises it', () => {
    const parsed = withPayroll.parse(data())
    expect(parsed).toEqual({
      nationality: 'NL',
      bsn: '111222333',
      idDocument: { type: 'id-card', number: 'AB12CD345', expiry: '2030-01-31' },
      idVerifiedOn: '2026-06-01',
      iban: 'NL91ABNA0417164300',
      maritalStatus: 'unmarried'
    })
  })

  it('refuses a BSN when the person has no BSN purpose (UAVG art. 46)', () => {
    expect(hasBsnPurpose(['temping', 'mediation'])).toBe(false)
    expect(hasBsnPurpose(['client-identification'])).toBe(true)
    expect(issuesOf(withoutBsnPurpose.safeParse(data()))).toEqual(['bsn: validation.bsn.purpose'])
    expect(withoutBsnPurpose.safeParse(data({ bsn: undefined })).success).toBe(true)
  })

  it('accepts a BSN only for an employment that has started or starts within 4 weeks (R-16a)', () => {
    const startingOn = (...starts: string[]) => makeEmploymentDataSchema({ today: TODAY, purposes: ['payroll'], employmentStarts: starts })
    expect(startingOn('2025-03-01').safeParse(data()).success).toBe(true) // started last year
    expect(startingOn('2026-07-06').safeParse(data()).success).toBe(true) // in 3 weeks
    expect(startingOn('2026-07-13').safeParse(data()).success).toBe(true) // in exactly 4 weeks
    expect(issuesOf(startingOn('2026-07-14').safeParse(data()))).toEqual(['bsn: validation.bsn.employmentNotStarted'])
    expect(issuesOf(startingOn('2031-01-05').safeParse(data()))).toEqual(['bsn: validation.bsn.employmentNotStarted'])
    expect(startingOn('2031-01-05', '2026-06-20').safeParse(data()).success).toBe(true) // one qualifying employment suffices
    expect(startingOn('2031-01-05').safeParse(data({ bsn: undefined })).success).toBe(true) // the rest of R-3 is not gated
    expect(hasBsnEmployment([], TODAY)).toBe(false) // R-3a: never at registration
  })

  it('refuses an invalid BSN and IBAN', () => {
    expect(issuesOf(withPayroll.safeParse(data({ bsn: '123456789', iban: 'NL91ABNA0417164301' })))).toEqual([
      'bsn: validation.bsn.invalid',
      'iban: validation.iban.invalid'
    ])
  })

  it('refuses an identity document that had expired when it was verified', () => {
    expect(issuesOf(withPayroll.safeParse(data({ idDocument: { type: 'passport', number: 'X1', expiry: '2026-05-31' } })))).toEqual([
      'idDocument.expiry: validation.idDocument.expired'
    ])
  })

  it('refuses a verification or VOG date in the future, and an unknown document type', () => {
    expect(issuesOf(withPayroll.safeParse(data({ idVerifiedOn: '2026-06-16', vogDate: '2026-07-01' })))).toEqual([
      'idVerifiedOn: validation.date.future',
      'vogDate: validation.date.future'
    ])
    expect(issuesOf(withPayroll.safeParse(data({ idDocument: { type: 'library-card', number: 'X1', expiry: '2030-01-01' } })))).toEqual([
      'idDocument.type: validation.option'
    ])
  })

  it('does not accept an ID copy or other unknown fields (R-9)', () => {
    expect(issuesOf(withPayroll.safeParse(data({ idCopy: 'data:image/png;base64,AAAA' })))).toEqual([': validation.unknownField'])
  })

  it('accepts a work permit with its expiry', () => {
    expect(withPayroll.parse(data({ workPermit: { number: 'W123', expiry: '2027-01-01' } })).workPermit).toEqual({ number: 'W123', expiry: '2027-01-01' })
    expect(issuesOf(withPayroll.safeParse(data({ workPermit: { number: 'W123' } })))).toEqual(['workPermit.expiry: validation.required'])
  })

  it('has a static variant for the IPC contract that leaves the purpose and date rules to the service', () => {
    expect(employmentDataSchema.safeParse(data({ idVerifiedOn: '2030-01-01', idDocument: { type: 'passport', number: 'X1', expiry: '2031-01-01' } })).success).toBe(true)
    expect(issuesOf(employmentDataSchema.safeParse(data({ copy: 'x' })))).toEqual([': validation.unknownField'])
    expect(issuesOf(employmentDataSchema.safeParse(data({ bsn: '123456789' })))).toEqual(['bsn: validation.bsn.invalid'])
  })

  it('reports a malformed nationality', () => {
    expect(issuesOf(withPayroll.safeParse(data({ nationality: 'Dutch' })))).toEqual(['nationality: validation.nationality.invalid'])
  })
})

describe('periods (R-11, R-13)', () => {
  it('accepts an ongoing employment and refuses one that ends before it starts', () => {
    expect(employmentPeriodSchema.safeParse({ start: '2025-01-01', end: null, kind: 'uitzenden' }).success).toBe(true)
    expect(employmentPeriodSchema.safeParse({ start: '2025-01-01', end: '2025-01-01', kind: 'payroll' }).success).toBe(true)
    expect(issuesOf(employmentPeriodSchema.safeParse({ start: '2025-01-02', end: '2025-01-01', kind: 'payroll' }))).toEqual([
      'end: validation.period.endBeforeStart'
    ])
  })

  it('requires the end to be given, as null while the employment lasts', () => {
    expect(issuesOf(employmentPeriodSchema.safeParse({ start: '2025-01-01', kind: 'uitzenden' }))).toEqual(['end: validation.required'])
  })

  it('checks the client id of an employment', () => {
    expect(issuesOf(employmentPeriodSchema.safeParse({ start: '2025-01-01', end: null, kind: 'detachering', clientId: 'client-1' }))).toEqual([
      'clientId: validation.uuid.invalid'
    ])
    expect(
      employmentPeriodSchema.safeParse({ start: '2025-01-01', end: null, kind: 'detachering', clientId: '3f1c2a7e-4b5d-4c8e-9f00-1a2b3c4d5e6f' }).success
    ).toBe(true)
  })

  it('requires exactly one of client id and client name for a W&S procedure', () => {
    const base = { start: '2025-01-01', end: '2025-03-01' }
    expect(recruitmentProcedureSchema.safeParse({ ...base, clientName: 'Voorbeeld B.V.' }).success).toBe(true)
    expect(issuesOf(recruitmentProcedureSchema.safeParse(base))).toEqual(['clientName: validation.recruitment.client'])
    expect(
      issuesOf(recruitmentProcedureSchema.safeParse({ ...base, clientName: 'Voorbeeld B.V.', clientId: '3f1c2a7e-4b5d-4c8e-9f00-1a2b3c4d5e6f' }))
    ).toEqual(['clientName: validation.recruitment.client'])
  })
})
