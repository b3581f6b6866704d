/**
 * `resources/dossier-import-1.schema.json` is generated from the zod schema, never edited by hand.
 * This test regenerates it in memory and fails when the committed file differs, so the published
 * JSON Schema cannot drift from what the importer accepts. To regenerate after a schema change:
 *   UPDATE_SCHEMAS=1 npx vitest run test/shared/import/importSchemaFile.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { makeImportSchema } from '../../../src/shared/import/importFormat'

const SCHEMA_FILE = join(__dirname, '../../../resources/dossier-import-1.schema.json')

/** The JSON Schema of what a file may contain (`io: 'input'`: before normalisation). */
function generateImportJsonSchema(): Record<string, unknown> {
  // `today` only affects the refinements, which JSON Schema does not carry.
  return z.toJSONSchema(makeImportSchema('2000-01-01'), { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>
}

function serialise(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`
}

describe('resources/dossier-import-1.schema.json', () => {
  it('is the JSON Schema generated from the import format', () => {
    const generated = serialise(generateImportJsonSchema())
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(SCHEMA_FILE, generated)
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated)
  })

  it('closes every object, so unknown fields such as a BSN at registration are refused (R-3a)', () => {
    const objects: Record<string, unknown>[] = []
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>
        if (record.type === 'object') objects.push(record)
        Object.values(record).forEach(walk)
      }
    }
    walk(generateImportJsonSchema())
    expect(objects.length).toBeGreaterThan(5)
    for (const object of objects) expect(object.additionalProperties).toBe(false)
  })
})
