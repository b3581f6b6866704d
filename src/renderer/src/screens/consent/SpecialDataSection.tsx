import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentView, SpecialDataItem } from '../../../../shared/contract/consent'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDayOf } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

/**
 * R-4: special-category data on its own, behind an explicit "show" click — each click is one
 * audited `special.view` in the main process. Values are kept in component state only (never in
 * the query cache) and dropped when the consents change or the section is hidden. New items can
 * be recorded only under a valid ground; the main process refuses anything else anyway. Office
 * staff record values but cannot show them: values are sealed to the restricted key, which only
 * privacy officers' key slots hold (issue 15).
 */
export function SpecialDataSection({ personId, consents, canWrite, canView }: { personId: string; consents: ConsentView[]; canWrite: boolean; canView: boolean }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [revealed, setRevealed] = useState<{ key: string; items: SpecialDataItem[] } | null>(null)
  const [ground, setGround] = useState('')
  const [value, setValue] = useState('')
  const grounds = consents.filter((c) => c.state === 'valid')
  const groundKey = (c: { category: string; purpose: string }) => `${c.category}|${c.purpose}`
  const choices = [...new Map(grounds.map((c) => [groundKey(c), c])).values()]

  // What was revealed belongs to the consents as they were: a withdrawal, a new value or a new
  // consent hides it again, and showing it once more is a new (audited) click.
  const consentsKey = consents.map((c) => `${c.id}:${c.state}:${c.specialDataCount}`).join(',')
  const shown = revealed !== null && revealed.key === consentsKey ? revealed.items : null
  const setShown = (items: SpecialDataItem[] | null) => setRevealed(items === null ? null : { key: consentsKey, items })

  const view = useMutation({ mutationFn: () => call('viewSpecialData', { personId }), onSuccess: (r) => setShown(r.items) })
  const save = useMutation({
    mutationFn: () => {
      const [category, purpose] = ground.split('|') as [ConsentView['category'], ConsentView['purpose']]
      return call('saveSpecialData', { personId, category, purpose, value })
    },
    onSuccess: async () => {
      setValue('')
      await qc.invalidateQueries({ queryKey: queryKeys.consents(personId) })
    }
  })
  const remove = useMutation({
    mutationFn: (id: string) => call('deleteSpecialData', { specialDataId: id }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.consents(personId) })
    }
  })
  // A refused value or ground (R-4a: the category and the reason) is shown next to the value.
  const valueError =
    save.error instanceof ApiError && (save.error.code === 'VALIDATION_FAILED' || save.error.code === 'GROUND_DOES_NOT_FIT')
      ? t(save.error.issues[0]?.key ?? `errors.${save.error.code}`)
      : undefined

  return (
    <Stack gap="sm" data-testid="special-section">
      <Title order={4}>{t('consent.special.title')}</Title>
      {shown === null ? (
        <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed" data-testid="special-hidden-note">
              {t(canView ? 'consent.special.hiddenNote' : 'consent.special.officerOnlyNote')}
            </Text>
            {canView && (
              <Button variant="light" onClick={() => view.mutate()} loading={view.isPending} data-testid="special-show" style={{ flexShrink: 0 }}>
                {t('consent.special.show')}
              </Button>
            )}
          </Group>
        </Paper>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('consent.special.shownAudited')}
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => setShown(null)} data-testid="special-hide">
              {t('consent.special.hide')}
            </Button>
          </Group>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="special-empty">
              {t('consent.special.empty')}
            </Text>
          ) : (
            <Table withTableBorder verticalSpacing={4} data-testid="special-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{t('consent.list.category')}</Table.Th>
                  <Table.Th w={200}>{t('consent.list.purpose')}</Table.Th>
                  <Table.Th>{t('consent.special.value')}</Table.Th>
                  <Table.Th w={160}>{t('consent.special.createdAt')}</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <Table.Tr key={item.id} data-testid="special-row">
                    <Table.Td>{t(`consent.category.${item.category}`)}</Table.Td>
                    <Table.Td>{t(`people.purpose.${item.purpose}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.value}</Table.Td>
                    <Table.Td>{[formatDayOf(item.createdAt, i18n.language), item.createdBy].filter(Boolean).join(' · ')}</Table.Td>
                    <Table.Td>
                      {canWrite && (
                        <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending && remove.variables === item.id} onClick={() => remove.mutate(item.id)}>
                          {t('consent.special.delete')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
      <ErrorAlert error={view.error ?? remove.error} />

      {canWrite && (
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate()
          }}
          data-testid="special-add"
        >
          <Stack gap="xs">
            <Title order={5}>{t('consent.special.add')}</Title>
            {choices.length === 0 ? (
              <Alert color="gray" variant="light">
                {t('consent.special.noGround')}
              </Alert>
            ) : (
              <Group align="flex-start" gap="sm">
                <NativeSelect
                  label={t('consent.special.ground')}
                  value={ground}
                  onChange={(e) => setGround(e.currentTarget.value)}
                  data={[{ value: '', label: t('consent.choose') }, ...choices.map((c) => ({ value: groundKey(c), label: `${t(`consent.category.${c.category}`)} — ${t(`people.purpose.${c.purpose}`)}` }))]}
                  w={380}
                  required
                  data-testid="special-ground"
                />
                <Textarea
                  label={t('consent.special.value')}
                  description={t('consent.special.valueHint')}
                  value={value}
                  onChange={(e) => setValue(e.currentTarget.value)}
                  autosize
                  minRows={1}
                  style={{ flex: 1 }}
                  required
                  error={valueError}
                  data-testid="special-value"
                />
                <Button type="submit" mt={48} loading={save.isPending} disabled={ground === ''} data-testid="special-save">
                  {t('consent.special.save')}
                </Button>
              </Group>
            )}
            {!valueError && <ErrorAlert error={save.error} />}
          </Stack>
        </form>
      )}
    </Stack>
  )
}
