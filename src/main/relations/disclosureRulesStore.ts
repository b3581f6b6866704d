import type { EntityManager } from 'typeorm'
import { DISCLOSURE_PURPOSES, type DisclosureRulesView } from '../../shared/contract/relations'
import type { Workspace } from '../workspace/Workspace'
import { SettingEntity } from '../vault/entities/Setting'
import { DEFAULT_DISCLOSURE_RULES, parseDisclosureRules, type DisclosureRules } from './disclosureRules'

/**
 * R-9a "configurable, defaults": the rules in force are the shipped default
 * (`resources/disclosure-allowed-fields.json`) until a privacy officer saves others, which are
 * kept in the `setting` table under `disclosureRules` with a version one higher. Stored rules are
 * parsed with the same legal limits as the default, so no stored document can lift them.
 */
export const DISCLOSURE_RULES_SETTING = 'disclosureRules'

export async function currentDisclosureRules(m: EntityManager): Promise<DisclosureRules> {
  const row = await m.getRepository(SettingEntity).findOneBy({ key: DISCLOSURE_RULES_SETTING })
  return row ? parseDisclosureRules(row.value) : DEFAULT_DISCLOSURE_RULES
}

export function toRulesView(rules: DisclosureRules): DisclosureRulesView {
  return {
    version: rules.version,
    purposes: DISCLOSURE_PURPOSES.map((purpose) => ({ purpose, ...rules.purposes[purpose], allowed: [...rules.purposes[purpose].allowed], personPurposes: [...rules.purposes[purpose].personPurposes] })),
    neverWithoutConsent: [...rules.neverWithoutConsent],
    never: [...rules.never]
  }
}

/** Saves new rules (privacy officer), audited `settings.change` with the reason given. */
export async function saveDisclosureRules(ws: Workspace, doc: Omit<DisclosureRules, 'version'>, reason: string): Promise<DisclosureRulesView> {
  return ws.write(async ({ manager: m, audit }) => {
    const current = await currentDisclosureRules(m)
    const next = parseDisclosureRules({ ...doc, version: current.version + 1 })
    await m.getRepository(SettingEntity).save({ key: DISCLOSURE_RULES_SETTING, value: next })
    await audit({ action: 'settings.change', subjectId: null, fields: [DISCLOSURE_RULES_SETTING], reason })
    return toRulesView(next)
  })
}
