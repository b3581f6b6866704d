import policyJson from '../../resources/retention-policy.json'
import { governanceLabels } from '../../src/main/governance/governanceLabels'
import { parseRetentionPolicy } from '../../src/main/retention/policy'
import { describeTerm, RETENTION_ACTION_LABELS, RETENTION_RULE_LABELS, type RetentionRuleId } from '../../src/shared/vocabulary'
import { markdownTable } from './markdown'

/**
 * README's "Retention" table, from `resources/retention-policy.json` (the shipped policy, version
 * 1): every rule the file holds, in the file's order, worded by the same tables the app prints
 * (rule names, triggers of the processing register, describeTerm, action labels). English, like
 * the README.
 */
export function retentionTable(json: unknown = policyJson): string {
  const policy = parseRetentionPolicy(json) // the app's own validation: a bad file fails here, not in the README
  const order = (json as { rules: { id: RetentionRuleId }[] }).rules.map((r) => r.id)
  const triggers = governanceLabels('en').ruleTrigger
  const rows = order.map((id) => {
    const rule = policy.rules[id]
    return [
      `${RETENTION_RULE_LABELS.en[id]} (\`${id}\`)`,
      triggers[id],
      describeTerm(rule.term, 'en'),
      RETENTION_ACTION_LABELS.en[rule.action],
      [rule.law, rule.requirement].filter(Boolean).join(', ')
    ]
  })
  return [
    `Policy version ${policy.version}, time zone ${policy.timeZone}. A privacy officer may shorten a term the privacy statement states (never lengthen it) and lengthen a statutory hold (never shorten it); see \`resources/statement-terms.json\`.`,
    '',
    markdownTable(['Rule', 'Starts', 'Term', 'Then', 'Law / requirement'], rows)
  ].join('\n')
}
