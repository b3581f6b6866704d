/**
 * The domain's closed vocabularies (REQUIREMENTS ..R-8, R-11..R-21), each defined
 * once with its Dutch and English labels, for the main process (printed documents), the renderer
 * (screens, i18n/vocabulary.ts) and the contract's zod enums alike. Values are the wire and import
 * format values. test/shared/vocabulary.test.ts checks every member has its labels and that the
 * contract, the policy files and the documents name no value a list lacks.
 */
export * from './labels'
export * from './staffRoles'
export * from './person'
export * from './personFields'
export * from './purposes'
export * from './consent'
export * from './grounds'
export * from './retention'
export * from './retentionTerms'
export * from './requests'
export * from './disclosures'
export * from './inform'
export * from './processingLimits'
export * from './audit'
