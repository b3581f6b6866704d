import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core'
import { type ReactNode, type Ref, useImperativeHandle, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonListItem, PersonSortKey } from '../../../../shared/contract/people'
import { formatDate } from '../../../../shared/time'
import { StateBadge } from './StateBadge'

export interface PersonTableHandle {
  focus(index: number): void
}

type Sort = { by: PersonSortKey; direction: 'asc' | 'desc' }

/** A column header that sorts the list (in the main-process query, the list is paged); aria-sort says how. */
function SortHeader({ column, sort, onSort, children, w }: { column: PersonSortKey; sort: Sort; onSort: (by: PersonSortKey) => void; children: ReactNode; w?: number }) {
  const { t } = useTranslation()
  const active = sort.by === column
  return (
    <Table.Th w={w} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => onSort(column)}
        fz="sm"
        fw={700}
        title={t('records.sortBy', { column: String(children) })}
        data-testid={`records-sort-${column}`}
        data-sorted={active ? sort.direction : undefined}
      >
        {children} <span aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  )
}

/**
 * The search results as a table you drive with the keyboard: each row is focusable, ArrowUp and
 * ArrowDown move, Home/End jump, Enter opens; ArrowUp on the first row returns to the search box.
 * Compact rows (issue 16: at least 15 visible at 1366×768), the reference and the state never
 * wrapped or cut, the sortable columns' headers are buttons.
 */
export function PersonTable({
  items,
  onOpen,
  onLeaveTop,
  showState,
  sort,
  onSort,
  ref
}: {
  items: PersonListItem[]
  onOpen: (id: string) => void
  onLeaveTop: () => void
  showState: boolean
  sort: Sort
  onSort: (by: PersonSortKey) => void
  ref?: Ref<PersonTableHandle>
}) {
  const { t, i18n } = useTranslation()
  const rows = useRef<(HTMLTableRowElement | null)[]>([])
  const [active, setActive] = useState(-1)
  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(items.length - 1, index))
    setActive(i)
    rows.current[i]?.focus()
  }
  useImperativeHandle(ref, () => ({ focus: focusRow }))

  if (items.length === 0) return null
  return (
    <Table highlightOnHover withTableBorder verticalSpacing={3} fz="sm" data-testid="records-table" aria-label={t('records.title')}>
      <Table.Thead>
        <Table.Tr>
          <SortHeader column="name" sort={sort} onSort={onSort}>
            {t('records.col.name')}
          </SortHeader>
          <SortHeader column="birthDate" sort={sort} onSort={onSort} w={130}>
            {t('records.col.birthDate')}
          </SortHeader>
          <SortHeader column="city" sort={sort} onSort={onSort}>
            {t('records.col.city')}
          </SortHeader>
          <Table.Th>{t('records.col.roles')}</Table.Th>
          <SortHeader column="ref" sort={sort} onSort={onSort}>
            {t('records.col.ref')}
          </SortHeader>
          {showState && (
            <SortHeader column="state" sort={sort} onSort={onSort}>
              {t('records.col.state')}
            </SortHeader>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((p, index) => (
          <Table.Tr
            key={p.id}
            ref={(el) => {
              rows.current[index] = el
            }}
            tabIndex={index === Math.max(active, 0) ? 0 : -1}
            aria-selected={index === active}
            data-testid="records-row"
            data-person-id={p.id}
            style={{ cursor: 'pointer', outlineOffset: -2 }}
            bg={index === active ? 'var(--mantine-primary-color-light)' : undefined}
            onFocus={() => setActive(index)}
            onClick={() => onOpen(p.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') focusRow(index + 1)
              else if (e.key === 'ArrowUp' && index === 0) onLeaveTop()
              else if (e.key === 'ArrowUp') focusRow(index - 1)
              else if (e.key === 'Home') focusRow(0)
              else if (e.key === 'End') focusRow(items.length - 1)
              else if (e.key === 'Enter') onOpen(p.id)
              else return
              e.preventDefault()
            }}
          >
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {p.familyName}, {p.givenName}
                </Text>
                {p.restricted && (
                  <Badge size="sm" color="red" variant="filled" data-testid="records-restricted">
                    {t('restrictions.restrictedBadge')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.birthDate, i18n.language)}</Table.Td>
            <Table.Td>{p.city ?? ''}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {p.roles.map((r) => (
                  <Badge key={r} size="sm" variant="light" style={{ flexShrink: 0 }}>
                    {t(`people.role.${r}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="records-ref">
              {p.ref ?? ''}
            </Table.Td>
            {showState && (
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StateBadge state={p.state} full />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
