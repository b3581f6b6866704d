import type { VocabularyLabels } from './labels'

/** Staff roles. An account may hold several. */
export const STAFF_ROLES = ['staff', 'privacy_officer', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS = {
  nl: { staff: 'Medewerker', privacy_officer: 'Privacy officer', admin: 'Beheerder' },
  en: { staff: 'Staff', privacy_officer: 'Privacy officer', admin: 'Administrator' }
} as const satisfies VocabularyLabels<StaffRole>
