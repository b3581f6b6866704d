/** Who may receive personal data, as the processing register names them (GDPR art. 30(1)(d)). */
export const RECIPIENT_KINDS = ['clients', 'clients-bsn-only', 'subcontractors', 'tax-authorities', 'legal-order', 'auditors'] as const
export type RecipientKind = (typeof RECIPIENT_KINDS)[number]
