import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/shared/errors'
import { VALIDATION_MESSAGE_KEYS } from '../../src/shared/validation/messages'
import { RESOURCES } from '../../src/renderer/src/i18n'

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
})
