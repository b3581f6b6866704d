import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../api/call'
import { queryKeys } from '../api/queryKeys'

/**
 * Choose a person by name or reference (the records search, at most 20 hits): type, arrow keys,
 * Enter. The options show the name and the reference, so two people with one name are told apart.
 * With `includeShielded` (privacy officers) shielded and legal-hold records are found too; they
 * show their reference only.
 */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  includeShielded = false,
  required = false,
  resetAfterChoice = false,
  testId
}: {
  label: string
  value: string | null
  /** The chosen person's id and the label shown for them (name and reference). */
  onChange: (personId: string | null, label: string | null) => void
  error?: string | undefined
  includeShielded?: boolean
  required?: boolean
  /** Adding to a list: the box empties after each choice. */
  resetAfterChoice?: boolean
  testId: string
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 200)
  // The label of the chosen person stays while the search text changes.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null)
  const input = { query, limit: 20, ...(includeShielded ? { includeShielded: true } : {}) }
  const found = useQuery({
    queryKey: queryKeys.persons.search(input),
    queryFn: () => call('searchPersons', input),
    enabled: query.length >= 2
  })
  const options = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: [p.state === 'active' ? `${p.givenName} ${p.familyName}` : t('personPicker.notActive'), p.ref ? `(${p.ref})` : null].filter(Boolean).join(' ')
  }))
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options
  return (
    <Select
      label={label}
      placeholder={t('personPicker.placeholder')}
      description={t('personPicker.description')}
      data={data}
      value={value}
      onChange={(v, option) => {
        const shown = option?.label ?? null
        onChange(v, v ? shown : null)
        if (resetAfterChoice) {
          setSearch('')
          setChosen(null)
        } else setChosen(v && shown ? { value: v, label: shown } : null)
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The vault's search already matched; do not filter its answers again by the typed text.
      filter={({ options: all }) => all}
      nothingFoundMessage={query.length >= 2 && found.isSuccess ? t('personPicker.nothingFound') : t('personPicker.typeMore')}
      clearable
      required={required}
      error={error}
      data-testid={testId}
    />
  )
}
