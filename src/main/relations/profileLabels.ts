import type { DisclosurePurpose } from '../../shared/contract/relations'
import type { Lang } from '../documents/labels'

/**
 * Words the shared profile prints that `documents/labels.ts` does not have: the disclosure
 * purposes. The values of the person's closed vocabularies (gender, ID document, marital
 * status) come from `rights/valueLabels.ts`, as in the access report. Same keys in both languages
 * (the types enforce it).
 */
interface ProfileLabels {
  disclosurePurpose: Record<DisclosurePurpose, string>
}

const nl: ProfileLabels = {
  disclosurePurpose: {
    presentation: 'Voorstellen van een kandidaat (bemiddeling of werving en selectie)',
    assignment: 'Uitvoering van de opdracht waarvoor de kandidaat is geplaatst',
    'client-identification': 'Identificatieplicht van de opdrachtgever (alleen BSN)'
  }
}

const en: ProfileLabels = {
  disclosurePurpose: {
    presentation: 'Presenting a candidate (mediation or recruitment and selection)',
    assignment: 'Carrying out the assignment the candidate is placed on',
    'client-identification': "Client's duty to identify the worker (BSN only)"
  }
}

export const PROFILE_LABELS: Readonly<Record<Lang, ProfileLabels>> = { nl, en }
