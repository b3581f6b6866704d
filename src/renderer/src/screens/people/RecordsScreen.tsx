/**
 * The records list (home): search by name, e-mail, phone, postcode or reference — never by BSN
 * (UAVG art. 46; the service ignores BSN digits) — and filter by role; privacy officers may also
 * filter by retention state and so include shielded records. Keyboard: the search box has
 * focus, ArrowDown moves into the list, Enter opens, Alt+N starts a new intake.
 */
import { Alert, Button, Group, Kbd, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonSearch, PersonSortKey } from '../../../../shared/contract/people'
import { PERSON_ROLES, type PersonRole, RETENTION_STATES } from '../../../../shared/domain'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { LiftDoNotContactAction } from './LiftDoNotContactAction'
import { useHasDraft } from './intakeDraft'
import { PersonTable, type PersonTableHandle } from './PersonTable'
import { DEFAULT_SEARCH, type StateFilter, keepSearch, keptSearch } from './recordsSearch'
import { queryKeys } from '../../api/queryKeys'

const PAGE = 50

export function searchInput(query: string, role: PersonRole | '', state: StateFilter): PersonSearch {
  return {
    ...(query.trim() ? { query: query.trim() } : {}),
    ...(role ? { roles: [role] } : {}),
    ...(state === 'active' ? {} : { includeShielded: true }),
    ...(state !== 'active' && state !== 'all' ? { states: [state] } : {})
  }
}

export function RecordsScreen({ session, navigate, params }: ScreenProps) {
  const { t } = useTranslation()
  // Issue 16: "back to the search results" gives the search as it was left; the navigation a fresh one.
  const [restored] = useState(() => (params['restore'] === '1' ? keptSearch(session.accountId) : DEFAULT_SEARCH))
  const [query, setQuery] = useState(restored.query)
  const [role, setRole] = useState<PersonRole | ''>(restored.role)
  const [state, setState] = useState<StateFilter>(restored.state)
  const [sort, setSort] = useState<{ by: PersonSortKey; direction: 'asc' | 'desc' }>({ by: restored.sort, direction: restored.direction })
  // A restored query is searched at once, not after the debounce.
  const [debounced] = useDebouncedValue(query, query === restored.query ? 0 : 200)
  const table = useRef<PersonTableHandle>(null)
  const search = useRef<HTMLInputElement>(null)
  const hasDraft = useHasDraft(session.accountId)
  const privacyOfficer = session.roles.includes('privacy_officer')
  const input = searchInput(debounced, role, privacyOfficer ? state : 'active')

  const ordered = { ...input, sort: sort.by, direction: sort.direction }
  const results = useInfiniteQuery({
    queryKey: queryKeys.persons.search(ordered),
    // The first page also counts every match (the result count); later pages do not count again.
    queryFn: ({ pageParam }) => call('searchPersons', { ...ordered, limit: PAGE, offset: pageParam, ...(pageParam === 0 ? { withTotal: true } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length * PAGE : undefined),
    placeholderData: keepPreviousData
  })
  const items = results.data?.pages.flatMap((p) => p.items) ?? []
  const total = results.data?.pages[0]?.total

  useEffect(() => {
    keepSearch(session.accountId, { query, role, state, sort: sort.by, direction: sort.direction, scrollY: 0 })
  }, [session.accountId, query, role, state, sort])
  // Back from a person: where the list was scrolled to, once the (cached) rows are there again.
  const scrollRestored = useRef(restored.scrollY === 0)
  useEffect(() => {
    if (scrollRestored.current || !results.isSuccess) return
    scrollRestored.current = true
    requestAnimationFrame(() => window.scrollTo(0, restored.scrollY))
  }, [results.isSuccess, restored.scrollY])

  // Alt+N works from the search box too (no tags ignored); the physical key, whatever the layout.
  useHotkeys([['alt+N', () => navigate('intake'), { usePhysicalKeys: true }]], [])

  const open = (personId: string) => {
    keepSearch(session.accountId, { query, role, state, sort: sort.by, direction: sort.direction, scrollY: window.scrollY })
    navigate('person', { personId, from: 'records' })
  }
  const onSort = (by: PersonSortKey) => setSort((s) => ({ by, direction: s.by === by && s.direction === 'asc' ? 'desc' : 'asc' }))
  const filtered = Boolean(input.query || input.roles || input.states || state === 'all')

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('records.title')}</Title>
        <Group gap="xs">
          {privacyOfficer && <LiftDoNotContactAction />}
          <Button onClick={() => navigate('intake')} data-testid="new-intake" rightSection={<Kbd size="xs">Alt+N</Kbd>}>
            {t('records.newIntake')}
          </Button>
        </Group>
      </Group>

      {hasDraft && (
        <Alert color="yellow" variant="light" data-testid="draft-notice">
          <Group justify="space-between">
            <Text size="sm">{t('records.draft')}</Text>
            <Button size="xs" variant="light" color="yellow" onClick={() => navigate('intake')} data-testid="draft-continue">
              {t('records.draftContinue')}
            </Button>
          </Group>
        </Alert>
      )}

      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          ref={search}
          style={{ flex: 1 }}
          label={t('records.searchLabel')}
          placeholder={t('records.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          autoFocus
          autoComplete="off"
          data-testid="records-search"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && items.length > 0) {
              e.preventDefault()
              table.current?.focus(0)
            } else if (e.key === 'Enter' && items.length > 0) {
              e.preventDefault()
              open(items[0]!.id)
            }
          }}
        />
        <NativeSelect
          label={t('records.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as PersonRole | '')}
          data={[{ value: '', label: t('records.allRoles') }, ...PERSON_ROLES.map((r) => ({ value: r, label: t(`people.role.${r}`) }))]}
          data-testid="records-role"
          w={190}
        />
        {privacyOfficer && (
          <NativeSelect
            label={t('records.state')}
            value={state}
            onChange={(e) => setState(e.currentTarget.value as StateFilter)}
            data={[
              { value: 'active', label: t('records.stateActive') },
              { value: 'all', label: t('records.stateAll') },
              ...RETENTION_STATES.filter((s) => s !== 'active').map((s) => ({ value: s, label: t(`people.state.${s}`) }))
            ]}
            data-testid="records-state"
            w={220}
          />
        )}
      </Group>

      <ErrorAlert error={results.error} />
      {total !== undefined && total > 0 && (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="records-count" mb={-8}>
          {t('records.count', { count: total })}
        </Text>
      )}
      <PersonTable ref={table} items={items} onOpen={open} onLeaveTop={() => search.current?.focus()} showState={privacyOfficer} sort={sort} onSort={onSort} />
      {results.isSuccess && items.length === 0 && (
        <Text c="dimmed" data-testid="records-empty">
          {filtered ? t('records.noResults') : t('records.empty')}
        </Text>
      )}
      {results.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage} data-testid="records-more">
            {t('records.more')}
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        <Kbd size="xs">↓</Kbd> <Kbd size="xs">↑</Kbd> {t('records.keys.move')} · <Kbd size="xs">Enter</Kbd> {t('records.keys.open')} · <Kbd size="xs">Alt+N</Kbd>{' '}
        {t('records.keys.new')}
      </Text>
    </Stack>
  )
}
