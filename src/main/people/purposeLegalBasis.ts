import type { LegalBasis } from '../../shared/contract/people'
import type { Purpose } from '../../shared/domain'

/**
 * the legal ground (GDPR art. 6(1)) of each purpose, as the privacy statement states it.
 * Stored with every person's purpose row, so the access report can say why data is kept.
 */
export const PURPOSE_LEGAL_BASIS: Readonly<Record<Purpose, LegalBasis>> = {
  mediation: 'contract', // bemiddeling: the registration agreement
  temping: 'contract', // uitzendovereenkomst
  secondment: 'contract', // detacheringsovereenkomst
  payroll: 'contract',
  personnel: 'contract',
  'client-identification': 'legal-obligation', // identification duties (Wet LB, WAV)
  recruitment: 'legitimate-interest',
  development: 'legitimate-interest',
  suitability: 'legitimate-interest',
  quality: 'legitimate-interest', // audit, certification
  offers: 'consent' // aanbiedingen en informatie
}

export function purposeLegalBasis(purpose: Purpose): LegalBasis {
  return PURPOSE_LEGAL_BASIS[purpose]
}
