import { Badge, Group, Table, Text } from '@mantine/core'
import { type Ref, useImperativeHandle, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonListItem } from '../../../../shared/contract/people'
import { formatDate } from '../../../../shared/time'
import { StateBadge } from './StateBadge'

export interface PersonTableHandle {
  focus(index: number): void
}

/**
 * The search results as a table you drive with the keyboard: each row is focusable, ArrowUp and
 * ArrowDown move, Home/End jump, Enter opens; ArrowUp on the first row returns to the search box.
 */
export function PersonTable({
  items,
  onOpen,
  onLeaveTop,
  showState,
  ref
}: {
  items: PersonListItem[]
  onOpen: (id: string) => void
  onLeaveTop: () => void
  showState: boolean
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
    <Table highlightOnHover withTableBorder verticalSpacing={6} data-testid="records-table" aria-label={t('records.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('records.col.name')}</Table.Th>
          <Table.Th w={120}>{t('records.col.birthDate')}</Table.Th>
          <Table.Th>{t('records.col.city')}</Table.Th>
          <Table.Th>{t('records.col.roles')}</Table.Th>
          <Table.Th w={130}>{t('records.col.ref')}</Table.Th>
          {showState && <Table.Th w={160}>{t('records.col.state')}</Table.Th>}
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
              <Text size="sm" fw={500}>
                {p.familyName}, {p.givenName}
              </Text>
            </Table.Td>
            <Table.Td>{formatDate(p.birthDate, i18n.language)}</Table.Td>
            <Table.Td>{p.city ?? ''}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {p.roles.map((r) => (
                  <Badge key={r} size="sm" variant="light">
                    {t(`people.role.${r}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{p.ref ?? ''}</Table.Td>
            {showState && (
              <Table.Td>
                <StateBadge state={p.state} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
