import type { peopleOperations } from '../../shared/contract/people'
import { addAttachment, deleteAttachment, getAttachmentContent, listAttachments } from '../people/attachments'
import { createPerson } from '../people/createPerson'
import { checkDoNotContact, liftDoNotContact, markDoNotContact } from '../people/doNotContact'
import { checkIntakeMatch } from '../people/checkIntakeMatch'
import { addEmployment, endEmployment } from '../people/employmentPeriods'
import { getPerson, getPersonHistory } from '../people/getPerson'
import { importPersons } from '../people/importPersons'
import { recordEmploymentData } from '../people/recordEmploymentData'
import { addRecruitmentProcedure, endRecruitmentProcedure } from '../people/recruitmentProcedures'
import { searchPersons } from '../people/searchPersons'
import { setUnsubscribed } from '../people/setUnsubscribed'
import { updatePerson } from '../people/updatePerson'
import type { Handlers } from './handlerTypes'

/** The people capability: thin handlers over main/people (the rules live there). */
export const peopleHandlers = {
  createPerson: (input, app) => createPerson(app, input),
  updatePerson: (input, app) => updatePerson(app, input),
  recordEmploymentData: (input, app) => recordEmploymentData(app, input),
  addEmployment: (input, app) => addEmployment(app, input),
  endEmployment: (input, app) => endEmployment(app, input),
  addRecruitmentProcedure: (input, app) => addRecruitmentProcedure(app, input),
  endRecruitmentProcedure: (input, app) => endRecruitmentProcedure(app, input),
  setUnsubscribed: (input, app) => setUnsubscribed(app, input),
  getPerson: (input, app) => getPerson(app, input),
  searchPersons: (input, app) => searchPersons(app, input),
  getPersonHistory: (input, app) => getPersonHistory(app, input),
  addAttachment: (input, app) => addAttachment(app, input),
  listAttachments: (input, app) => listAttachments(app, input),
  getAttachmentContent: (input, app) => getAttachmentContent(app, input),
  deleteAttachment: (input, app) => deleteAttachment(app, input),
  markDoNotContact: (input, app) => markDoNotContact(app, input),
  checkDoNotContact: (input, app) => checkDoNotContact(app, input),
  checkIntakeMatch: (input, app) => checkIntakeMatch(app, input),
  liftDoNotContact: (input, app) => liftDoNotContact(app, input),
  importPersons: (input, app) => importPersons(app, input.text)
} satisfies Handlers<keyof typeof peopleOperations>
