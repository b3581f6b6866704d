import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VALIDATION_MESSAGE_KEYS, isValidationMessageKey, keyed } from '../../../src/shared/validation/messages'

const SHARED = join(__dirname, '../../../src/shared')

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
}

describe('validation message keys (i18n, no personal data)', () => {
  it('are distinct, namespaced keys', () => {
    expect(new Set(VALIDATION_MESSAGE_KEYS).size).toBe(VALIDATION_MESSAGE_KEYS.length)
    for (const key of VALIDATION_MESSAGE_KEYS) expect(key).toMatch(/^validation(\.[a-zA-Z]+)+$/)
  })

  it('list every key the shared schemas use, and only those', () => {
    const used = new Set(sourcesUnder(SHARED).flatMap((source) => source.match(/'validation(?:\.[a-zA-Z]+)+'/g) ?? []).map((s) => s.slice(1, -1)))
    expect([...used].filter((key) => !isValidationMessageKey(key))).toEqual([])
    expect(VALIDATION_MESSAGE_KEYS.filter((key) => !used.has(key) && key !== 'validation.required' && key !== 'validation.type')).toEqual([])
  })

  it('keyed() reports an absent value as required and anything else with its key', () => {
    const { error } = keyed('validation.email.invalid')
    expect(error({ input: undefined })).toBe('validation.required')
    expect(error({ input: 42 })).toBe('validation.email.invalid')
    expect(error({ input: null })).toBe('validation.email.invalid')
  })
})
