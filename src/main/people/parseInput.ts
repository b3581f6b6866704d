import type { z } from 'zod'
import { DossierError, type ErrorIssue } from '../../shared/errors'

/**
 * Parse with a date- or person-aware schema inside a service (the contract already checked the
 * static shape). Failures become VALIDATION_FAILED with the same issue form as the dispatcher's:
 * dotted paths and i18n keys, never values.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues: issuesOf(parsed.error) })
}

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    key: i.message.startsWith('validation.') ? i.message : `validation.${i.code}`
  }))
}

export function validationFailed(issues: ErrorIssue[]): DossierError {
  return new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues })
}
