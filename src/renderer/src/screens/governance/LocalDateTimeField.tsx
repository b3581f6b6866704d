import { Group, Input, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../components/DateField'

/** `9:5`, `0930`, `9.30` → `09:30`; anything else unchanged (the service then reports it). */
export function toTime(text: string): string {
  const t = text.trim()
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(t)
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t
}

function split(value: string): { date: string; time: string } {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value)
  return m ? { date: m[1]!, time: m[2]! } : { date: '', time: '' }
}

export interface LocalDateTimeFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  error?: React.ReactNode
  required?: boolean
  testId: string
}

/**
 * A moment in Dutch wall-clock time, typed the way the office types it: a date (`26-11-2026`)
 * and a time (`14:30`). The value is `YYYY-MM-DDTHH:mm`, read as Europe/Amsterdam time by the
 * main process; a native date-time picker would show the operating system's locale instead.
 */
export function LocalDateTimeField({ label, value, onChange, error, required, testId }: LocalDateTimeFieldProps) {
  const { t } = useTranslation()
  const [parts, setParts] = useState(() => split(value))
  const update = (next: { date: string; time: string }) => {
    setParts(next)
    if (!next.date && !next.time) onChange('')
    else onChange(`${next.date}T${toTime(next.time)}`)
  }
  return (
    <Input.Wrapper label={label} required={required} error={error}>
      <Group gap="xs" wrap="nowrap" mt={4}>
        <DateField value={parts.date} onChange={(date) => update({ ...parts, date })} error={!!error} w={150} aria-label={label} data-testid={`${testId}-date`} />
        <TextInput
          value={parts.time}
          onChange={(e) => update({ ...parts, time: e.currentTarget.value })}
          onBlur={() => setParts((p) => ({ ...p, time: toTime(p.time) }))}
          placeholder={t('governance.common.timePlaceholder')}
          error={!!error}
          w={90}
          aria-label={`${label} (${t('governance.common.time')})`}
          autoComplete="off"
          data-testid={`${testId}-time`}
        />
      </Group>
    </Input.Wrapper>
  )
}
