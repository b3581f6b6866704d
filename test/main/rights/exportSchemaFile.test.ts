/**
 * `resources/dossier-export-1.schema.json` is generated from the contract's zod schema, never
 * edited by hand. This test regenerates it in memory and fails when the committed file differs,
 * so the published JSON Schema cannot drift from what `exportPerson` produces. To regenerate:
 *   UPDATE_SCHEMAS=1 npx vitest run test/main/rights/exportSchemaFile.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { personExportSchema } from '../../../src/shared/contract/rights'

const SCHEMA_FILE = join(__dirname, '../../../resources/dossier-export-1.schema.json')

export function generateExportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(personExportSchema, { io: 'output', unrepresentable: 'throw' }) as Record<string, unknown>
}

describe('resources/dossier-export-1.schema.json (R-20)', () => {
  it('is the JSON Schema generated from the export format', () => {
    const generated = `${JSON.stringify(generateExportJsonSchema(), null, 2)}\n`
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(SCHEMA_FILE, generated)
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated)
  })

  it('documents a closed format: every object lists its properties and allows no others', () => {
    const objects: Record<string, unknown>[] = []
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>
        if (record.type === 'object') objects.push(record)
        Object.values(record).forEach(walk)
      }
    }
    const schema = generateExportJsonSchema()
    walk(schema)
    expect(schema.title).toBe('dossier-export/1')
    expect(objects.length).toBeGreaterThan(10)
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false)
      expect(Object.keys(object.properties as object).sort()).toEqual([...((object.required as string[]) ?? [])].sort())
    }
  })
})
