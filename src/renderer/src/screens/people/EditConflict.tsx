/**
 * Issue 17 point 4, "changed by someone else": shown in an edit form of the person (the personal
 * data, the employment data) when the save was refused because the record changed after the form
 * loaded it (RECORD_CHANGED). Nothing of the user's is lost — the form keeps every value — and
 * nothing of the other desk's is overwritten unseen: the fields both changed are shown with both
 * values, the fields only the other desk changed with the saved value (they stay). The user saves
 * theirs over the saved values, or discards them.
 */
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../../shared/time'
import { type ChangeField, editConflict, type PersonFormValues } from './personForm'

/** One field of the conflict as shown: its label, the user's value and the saved one, as text. */
export interface ConflictRow {
  field: string
  label: string
  mine: string
  saved: string
}

export function EditConflictPanel({
  both,
  theirs,
  saving,
  onKeepMine,
  onDiscard
}: {
  both: ConflictRow[]
  theirs: ConflictRow[]
  saving: boolean
  onKeepMine: () => void
  onDiscard: () => void
}) {
  const { t } = useTranslation()
  return (
    <Alert color="orange" title={t('person.conflict.title')} data-testid="edit-conflict">
      <Stack gap="sm">
        <Text size="sm">{t('person.conflict.intro')}</Text>
        {both.length > 0 ? (
          <>
            <Text size="sm">{t('person.conflict.both')}</Text>
            <ConflictTable rows={both} withMine testId="edit-conflict-both" />
          </>
        ) : (
          <Text size="sm">{t('person.conflict.none')}</Text>
        )}
        {theirs.length > 0 && (
          <>
            <Text size="sm">{t('person.conflict.theirs')}</Text>
            <ConflictTable rows={theirs} withMine={false} testId="edit-conflict-theirs" />
          </>
        )}
        <Group>
          <Button onClick={onKeepMine} loading={saving} data-testid="conflict-keep-mine">
            {t('person.conflict.keepMine')}
          </Button>
          <Button variant="default" onClick={onDiscard} disabled={saving} data-testid="conflict-discard">
            {t('person.conflict.discardMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

/** The fields as a table: label, the user's value (when `withMine`), the saved value. */
function ConflictTable({ rows, withMine, testId }: { rows: ConflictRow[]; withMine: boolean; testId: string }) {
  const { t } = useTranslation()
  return (
    <Table withTableBorder verticalSpacing={4} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('person.conflict.field')}</Table.Th>
          {withMine && <Table.Th>{t('person.conflict.mine')}</Table.Th>}
          <Table.Th>{t('person.conflict.saved')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field} data-field={row.field}>
            <Table.Td>{row.label}</Table.Td>
            {withMine && <Table.Td data-testid={`conflict-mine-${row.field}`}>{row.mine}</Table.Td>}
            <Table.Td data-testid={withMine ? `conflict-saved-${row.field}` : undefined}>{row.saved}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

const DATE_FIELDS: readonly ChangeField[] = ['birthDate', 'statementShownOn', 'registeredOn']

/** The personal form's conflict (`editConflict`) as rows, each value in words. */
export function personConflictRows(base: PersonFormValues, mine: PersonFormValues, saved: PersonFormValues, t: TFunction, language: string): { both: ConflictRow[]; theirs: ConflictRow[] } {
  const empty = t('person.conflict.empty')
  const text = (value: string) => (value.trim() === '' ? empty : value)
  const show = (field: ChangeField, v: PersonFormValues): string => {
    switch (field) {
      case 'gender':
        return v.gender ? t(`people.gender.${v.gender}`) : empty
      case 'address':
        return text([[v.address.street, v.address.houseNumber].filter(Boolean).join(' '), [v.address.postcode, v.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', '))
      case 'source':
        return [t(`people.source.${v.source.kind}`), v.source.detail].filter(Boolean).join(': ')
      case 'roles':
        return text(v.roles.map((r) => t(`people.role.${r}`)).join(', '))
      case 'purposes':
        return text(v.purposes.map((p) => t(`people.purpose.${p}`)).join(', '))
      default: {
        const value = v[field]
        return DATE_FIELDS.includes(field) && value ? formatDate(value, language) : text(value)
      }
    }
  }
  const row = (field: ChangeField): ConflictRow => ({ field, label: t(`person.field.${field}`), mine: show(field, mine), saved: show(field, saved) })
  const { both, theirs } = editConflict(base, mine, saved)
  return { both: both.map(row), theirs: theirs.map(row) }
}
