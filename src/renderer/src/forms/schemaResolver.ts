import type { z } from 'zod'
import { issueKey } from '../../../shared/validation/messages'

/**
 * A form's `validate` from a contract schema: errors by field path (`address.postcode`) as i18n
 * keys — the same keys the dispatcher reports when the service rejects that input, so an error
 * found before the save reads as one found by the service. (mantine-form-zod-resolver's
 * `zod4Resolver` would return zod's own English text for a check the schema does not key.)
 */
export function schemaResolver(schema: z.ZodType): (values: unknown) => Record<string, string> {
  return (values) => {
    const parsed = schema.safeParse(values)
    if (parsed.success) return {}
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.')] = issueKey(issue)
    return errors
  }
}
