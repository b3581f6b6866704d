import { TextInput, type TextInputProps } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A calendar-date text field that office staff type the Dutch way (`15-03-1990`, `15031990`), the
 * English way (`15/03/1990`) or as `1990-03-15`; it shows the date as the screens of the language
 * do (issue 16: one format per language, the hint alike: nl dd-mm-jjjj, en dd/mm/yyyy); the form value is always `YYYY-MM-DD` once the text is a whole date, and the
 * text as typed otherwise (so the shared schema reports it as an invalid date next to the field).
 * Typing, not a date picker: fastest by keyboard and no popup to get lost in.
 */
export function toIsoDate(text: string): string {
  const t = text.trim()
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(t)
  if (dutch) return `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(t)
  if (compact) return `${compact[3]}-${compact[2]}-${compact[1]}`
  return t
}

/** `1990-03-15` → `15-03-1990` (nl) or `15/03/1990` (en); other text unchanged. */
export function toDisplayDate(value: string, lang = 'nl'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const sep = lang === 'en' ? '/' : '-'
  return m ? `${m[3]}${sep}${m[2]}${sep}${m[1]}` : value
}

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: string
  onChange: (value: string) => void
}

export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const [text, setText] = useState(() => toDisplayDate(value, lang))
  const [seen, setSeen] = useState(value)
  // Follow outside changes (a restored draft, a reset) without fighting the user's typing.
  if (value !== seen) {
    setSeen(value)
    if (toIsoDate(text) !== value) setText(toDisplayDate(value, lang))
  }
  return (
    <TextInput
      placeholder={t('dateField.placeholder')}
      autoComplete="off"
      {...props}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value
        setText(next)
        onChange(toIsoDate(next))
      }}
      onBlur={(e) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(toIsoDate(text))) setText(toDisplayDate(toIsoDate(text), lang))
        props.onBlur?.(e)
      }}
    />
  )
}
