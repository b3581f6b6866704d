import { useTranslation } from 'react-i18next'

/**
 * A field path as words: `address.postcode` → "Adres › Postcode", `employments.2.end` →
 * "Dienstverbanden › 2 › Einde". Each segment is looked up under `person.field`; an unknown one
 * is shown as it is (a list position, a future field).
 */
export function useFieldLabel(): (path: string) => string {
  const { t, i18n } = useTranslation()
  return (path: string) =>
    path
      .split('.')
      .filter(Boolean)
      .map((segment) => (i18n.exists(`person.field.${segment}`) ? t(`person.field.${segment}`) : segment))
      .join(' › ')
}
