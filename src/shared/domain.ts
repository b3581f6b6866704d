/**
 * The domain's closed vocabularies (REQUIREMENTS) and calendar-date type, for the
 * main process, the renderer and the import format. The lists and their labels live in
 * `./vocabulary`; this module re-exports the ones most code names.
 */
export {
  ATTACHMENT_KINDS,
  BSN_PURPOSES,
  EMPLOYMENT_KINDS,
  GENDERS,
  PERSON_DATA_FIELDS,
  PERSON_ROLES,
  PURPOSES,
  RETENTION_STATES,
  SOURCE_KINDS,
  SPECIAL_CATEGORIES,
  STAFF_ROLES
} from './vocabulary'
export type {
  AttachmentKind,
  EmploymentKind,
  Gender,
  PersonDataField,
  PersonRole,
  Purpose,
  RetentionState,
  SourceKind,
  SpecialCategory,
  StaffRole
} from './vocabulary'

/** A calendar date in Europe/Amsterdam, `YYYY-MM-DD`. Never a `Date`. */
export type CalendarDate = string
