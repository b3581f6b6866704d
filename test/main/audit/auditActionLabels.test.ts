import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../../../src/main/audit/auditActions'

type Actions = Record<string, Record<string, string>>
type Texts = { governance: { audit: { actions: Actions } } }

/**
 * The audit screen shows every action in words (R-22: usable in an audit by people, not only by
 * tools). The renderer's text file is loaded by path: it belongs to the web project, not this one.
 */
describe('audit action labels', () => {
  let nl: Actions
  let en: Actions
  beforeAll(async () => {
    const path = resolve(__dirname, '../../../src/renderer/src/i18n/governance.ts')
    const mod = (await import(path)) as { governanceNl: Texts; governanceEn: Texts }
    nl = mod.governanceNl.governance.audit.actions
    en = mod.governanceEn.governance.audit.actions
  })
  const label = (tree: Actions, action: string): unknown => {
    const [head, ...rest] = action.split('.')
    return tree[head!]?.[rest.join('.')]
  }

  it('every audit action has a Dutch and an English label', () => {
    for (const [lang, actions] of [['nl', nl], ['en', en]] as const) {
      const missing = AUDIT_ACTIONS.filter((a) => typeof label(actions, a) !== 'string' || (label(actions, a) as string).trim() === '')
      expect(missing, lang).toEqual([])
    }
  })

  it('has no labels for actions that do not exist', () => {
    const known = new Set<string>(AUDIT_ACTIONS)
    const labelled = Object.entries(nl).flatMap(([group, names]) => Object.keys(names).map((n) => `${group}.${n}`))
    expect(labelled.filter((a) => !known.has(a))).toEqual([])
  })
})
