import type { DataCategory } from '../../shared/contract/governance'
import type { Purpose } from '../../shared/domain'
import type { RecipientKind } from '../governance/recipientKinds'
import type { RetentionRuleId } from '../retention/policy'

/**
 * GDPR art. 30(1)(c)-(f) per purpose: which data categories it uses, who may receive them
 * and which retention rules end it (R-11..R-16). The legal basis comes from
 * `people/purposeLegalBasis.ts`, the terms from the retention policy in force, so the register
 * printed by `processingRegister.ts` always says what the app really does.
 */

export interface PurposeRegisterEntry {
  categories: DataCategory[]
  recipients: RecipientKind[]
  /** Retention rules that end this processing; none for the audit trail, which holds no values. */
  rules: RetentionRuleId[]
}

export const PURPOSE_REGISTER: Readonly<Record<Purpose, PurposeRegisterEntry>> = {
  mediation: { categories: ['identity', 'contact', 'cv', 'availability'], recipients: ['clients', 'legal-order'], rules: ['unsubscribed-never-worked', 'worked-stopped', 'id-copy-registration'] },
  temping: { categories: ['identity', 'contact', 'cv', 'availability', 'employment', 'absence'], recipients: ['clients', 'subcontractors', 'legal-order'], rules: ['worked-stopped'] },
  secondment: { categories: ['identity', 'contact', 'cv', 'availability', 'employment', 'absence'], recipients: ['clients', 'subcontractors', 'legal-order'], rules: ['worked-stopped'] },
  recruitment: { categories: ['identity', 'contact', 'cv'], recipients: ['clients'], rules: ['ws-procedure-ended'] },
  development: { categories: ['identity', 'cv', 'availability'], recipients: [], rules: ['unsubscribed-never-worked', 'worked-stopped'] },
  suitability: { categories: ['identity', 'cv', 'availability', 'special'], recipients: [], rules: ['unsubscribed-never-worked', 'worked-stopped', 'consent-expired'] },
  payroll: { categories: ['identity', 'contact', 'bsn', 'id-document', 'employment', 'financial', 'absence'], recipients: ['tax-authorities', 'legal-order'], rules: ['legal-hold-payroll', 'legal-hold-id-bsn'] },
  personnel: { categories: ['identity', 'contact', 'employment', 'absence', 'financial'], recipients: ['tax-authorities', 'legal-order'], rules: ['worked-stopped'] },
  'client-identification': { categories: ['identity', 'bsn'], recipients: ['clients-bsn-only'], rules: ['legal-hold-id-bsn'] },
  offers: { categories: ['identity', 'contact'], recipients: [], rules: ['unsubscribed-never-worked', 'worked-stopped'] },
  quality: { categories: [], recipients: ['auditors'], rules: [] }
}
