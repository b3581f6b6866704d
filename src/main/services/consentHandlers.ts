import type { consentOperations } from '../../shared/contract/consent'
import { endAbsence, listAbsences, recordAbsence } from '../consent/absence'
import { consentFormHtml } from '../consent/consentFormHtml'
import { getConsentReview } from '../consent/consentReview'
import { GROUNDS_POLICY } from '../consent/groundsPolicy'
import { listLegalBases, saveLegalBasis } from '../consent/legalBases'
import { listConsents } from '../consent/listConsents'
import { listProcessingConsents, recordProcessingConsent, withdrawProcessingConsent } from '../consent/processingConsent'
import { recordConsent } from '../consent/recordConsent'
import { saveSpecialData } from '../consent/saveSpecialData'
import { deleteSpecialData, viewSpecialData } from '../consent/specialDataAccess'
import { withdrawConsent } from '../consent/withdrawConsent'
import type { Handlers } from './handlerTypes'

/** The consent capability: thin handlers over main/consent (the rules live there). */
export const consentHandlers = {
  listConsents: (input, app) => listConsents(app, input.personId),
  recordConsent: (input, app) => recordConsent(app, input),
  withdrawConsent: (input, app) => withdrawConsent(app, input),
  saveSpecialData: (input, app) => saveSpecialData(app, input),
  viewSpecialData: (input, app) => viewSpecialData(app, input.personId),
  deleteSpecialData: (input, app) => deleteSpecialData(app, input.specialDataId),
  listLegalBases: (_input, app) => listLegalBases(app),
  saveLegalBasis: (input, app) => saveLegalBasis(app, input),
  getConsentReview: (_input, app) => getConsentReview(app),
  getSpecialCategoryGrounds: async () => GROUNDS_POLICY,
  getConsentFormHtml: (input, app) => consentFormHtml(app, input),
  recordAbsence: (input, app) => recordAbsence(app, input),
  endAbsence: (input, app) => endAbsence(app, input),
  listAbsences: (input, app) => listAbsences(app, input.personId),
  recordProcessingConsent: (input, app) => recordProcessingConsent(app, input),
  withdrawProcessingConsent: (input, app) => withdrawProcessingConsent(app, input.consentId),
  listProcessingConsents: (input, app) => listProcessingConsents(app, input.personId)
} satisfies Handlers<keyof typeof consentOperations>
