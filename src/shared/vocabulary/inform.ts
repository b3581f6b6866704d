import type { VocabularyLabels } from './labels'
import type { SourceKind } from './person'

/**
 * R-27 (GDPR art. 14(3)): data that did not come from the person themselves — found on a public
 * website or passed on by a third party. The person is informed within one month, at the latest
 * at the first contact; the app keeps that task until it is recorded as done.
 */
export const INFORM_SOURCE_KINDS = ['public-website', 'third-party'] as const satisfies readonly SourceKind[]

export function mustBeInformed(kind: SourceKind): boolean {
  return (INFORM_SOURCE_KINDS as readonly SourceKind[]).includes(kind)
}

/** How the person was informed. */
export const INFORM_METHODS = ['email', 'phone', 'in-person', 'letter'] as const
export type InformMethod = (typeof INFORM_METHODS)[number]

export const INFORM_METHOD_LABELS = {
  nl: { email: 'Per e-mail', phone: 'Telefonisch', 'in-person': 'Persoonlijk', letter: 'Per brief' },
  en: { email: 'By e-mail', phone: 'By phone', 'in-person': 'In person', letter: 'By letter' }
} as const satisfies VocabularyLabels<InformMethod>
