import type { VocabularyLabels } from './labels'

/**
 * why data goes to a client. `presentation`: presenting a candidate in a mediation or
 * recruitment procedure; `assignment`: the client the person is placed with; `client-identification`:
 * the client's legal duty to identify the worker (R-9: only the BSN).
 */
export const DISCLOSURE_PURPOSES = ['presentation', 'assignment', 'client-identification'] as const
export type DisclosurePurpose = (typeof DISCLOSURE_PURPOSES)[number]

/** As the shared profile prints it, and as the disclosure records it. */
export const DISCLOSURE_PURPOSE_LABELS = {
  nl: {
    presentation: 'Voorstellen van een kandidaat (bemiddeling of werving en selectie)',
    assignment: 'Uitvoering van de opdracht waarvoor de kandidaat is geplaatst',
    'client-identification': 'Identificatieplicht van de opdrachtgever (alleen BSN)'
  },
  en: {
    presentation: 'Presenting a candidate (mediation or recruitment and selection)',
    assignment: 'Carrying out the work the candidate is placed with the client for',
    'client-identification': "Client's duty to identify the worker (BSN only)"
  }
} as const satisfies VocabularyLabels<DisclosurePurpose>

export const DISCLOSURE_PURPOSE_SCREEN_LABELS = {
  nl: { presentation: 'Kandidaat voorstellen', assignment: 'Na plaatsing (opdracht)', 'client-identification': 'Identificatieplicht (alleen BSN)' },
  en: { presentation: 'Present the candidate', assignment: 'After placement (assignment)', 'client-identification': 'Identification duty (BSN only)' }
} as const satisfies VocabularyLabels<DisclosurePurpose>
