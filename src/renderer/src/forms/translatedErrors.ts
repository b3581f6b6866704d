/**
 * Form errors whose messages are i18n keys (the shared zod schemas' messages, as a
 * mantine-form-zod-resolver returns them) in the user's language, for forms that show their
 * errors as text rather than translating at each field.
 */
export function translatedErrors(errors: Record<string, unknown>, t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([path, key]) => (typeof key === 'string' ? [[path, t(key)]] : [])))
}
