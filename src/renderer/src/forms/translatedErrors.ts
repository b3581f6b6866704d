/**
 * Form errors as i18n keys (from schemaResolver) in the user's language, for forms that keep
 * their errors as text, as they keep the service's issues (`fieldErrors(e, t)`).
 */
export function translatedErrors(errors: Record<string, string>, t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, key]) => [path, t(key)]))
}
