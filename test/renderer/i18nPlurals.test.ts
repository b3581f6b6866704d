import { describe, expect, it } from 'vitest'
import { RESOURCES } from '../../src/renderer/src/i18n'

type Tree = { [k: string]: string | Tree }

/** Every text with its dotted key. */
function texts(tree: Tree, prefix = ''): [key: string, text: string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : texts(v, `${prefix}${k}.`)))
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/**
 * Issue 16 point 7: a count on screen is an i18next plural ("1 regel", "2 regels"), never
 * "(1 gegeven(s))", "1 velden gewijzigd" or "1 dagen".
 */
describe('the screen texts count with plurals', () => {
  for (const lang of ['nl', 'en'] as const) {
    const all = texts(RESOURCES[lang] as Tree)

    it(`writes no "(s)"-style plural in ${lang}`, () => {
      expect(all.filter(([, text]) => /\w\((s|en|n|es|'s)\)/.test(text)).map(([key]) => key)).toEqual([])
    })

    it(`gives every text with {{count}} a singular and a plural form in ${lang}`, () => {
      const keys = new Set(all.map(([key]) => key))
      const missing = all
        .filter(([, text]) => text.includes('{{count}}'))
        .filter(([key]) => {
          const base = key.replace(PLURAL_SUFFIX, '')
          return !(keys.has(`${base}_one`) && keys.has(`${base}_other`))
        })
        .map(([key]) => key)
      expect(missing).toEqual([])
    })
  }
})
