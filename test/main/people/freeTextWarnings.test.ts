import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { type TestApp, create, fullIntake } from './peopleFixtures'

/**
 * R-4a: free text is not a back door. The forms warn before saving; when staff save anyway (the
 * detector can be wrong) main records which field looked like which category — never the text.
 * The import imports the row and reports the field as a warning.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

interface AuditRow {
  action: string
  subjectId: string | null
  fields: string
  reason: string | null
}
function warningsAudited(): Promise<AuditRow[]> {
  return t.sql<AuditRow>('SELECT "action", "subjectId", "fields", "reason" FROM "audit_entry" WHERE "action" = :action ORDER BY "seq"', { action: 'person.special-data-warning' })
}
async function wholeAuditTrail(): Promise<string> {
  return JSON.stringify(await t.sql('SELECT * FROM "audit_entry"'))
}

describe('free text that looks like special data (R-4a)', () => {
  it('intake saved anyway: the audit trail names field and category, never the text', async () => {
    const personId = await create(t, fullIntake({ particulars: 'Hernia…; zwanger; lid FNV', leave: 'Zwangerschapsverlof vanaf maart' }))
    expect(await warningsAudited()).toEqual([{ action: 'person.special-data-warning', subjectId: personId, fields: JSON.stringify(['leave:health', 'particulars:health', 'particulars:union']), reason: null }])
    expect(await wholeAuditTrail()).not.toMatch(/hernia|zwanger|fnv/i)
  })

  it('an ordinary intake records no warning', async () => {
    await create(t, fullIntake())
    expect(await warningsAudited()).toEqual([])
  })

  it('a rectification warns only for the free text it writes', async () => {
    const personId = await create(t, fullIntake())
    await t.call('updatePerson', { personId, changes: { availability: 'Niet op vrijdag: moskee' }, reason: 'Beschikbaarheid bijgewerkt' })
    await t.call('updatePerson', { personId, changes: { phone: '0612345679' }, reason: 'Nieuw nummer' })
    expect(await warningsAudited()).toEqual([{ action: 'person.special-data-warning', subjectId: personId, fields: JSON.stringify(['availability:religion']), reason: null }])
    expect(await wholeAuditTrail()).not.toMatch(/moskee/i)
  })

  it('the import imports the row and reports row, field and category as a warning (not a refusal)', async () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../../resources/examples/import-example.json'), 'utf8')) as { persons: Record<string, unknown>[] }
    for (const p of file.persons) delete p['special']
    file.persons[1]!['particulars'] = 'Strafblad; lid CNV'
    file.persons[0]!['workExperience'] = 'Vijf jaar orderpicker'
    const summary = await t.call('importPersons', { text: JSON.stringify(file) })
    expect(summary.persons).toBe(2)
    expect(summary.warnings).toEqual([
      { path: 'persons[1].particulars', key: 'warning.specialDataInFreeText', category: 'union' },
      { path: 'persons[1].particulars', key: 'warning.specialDataInFreeText', category: 'criminal' }
    ])
    expect((await warningsAudited()).map((r) => r.fields)).toEqual([JSON.stringify(['particulars:criminal', 'particulars:union'])])
    expect(JSON.stringify(summary)).not.toMatch(/strafblad|cnv/i)
    expect(await wholeAuditTrail()).not.toMatch(/strafblad|cnv/i)
  })
})
