import { Alert, Anchor, Badge, Button, Group, Loader, Modal, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InformTaskView } from '../../../../shared/contract/inform'
import { formatDate } from '../../../../shared/time'
import { INFORM_METHODS, type InformMethod } from '../../../../shared/vocabulary'
import { call, fieldErrors } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'

/**
 * R-27 (GDPR art. 14(3)): the persons whose data came from a public website or a third party and
 * who still have to be told, overdue ones first and marked; staff record how and when they were
 * informed (the row then leaves the list). Keyboard: each row's name link and "record" button are
 * in tab order; the dialog opens on the way, the date defaults to the service's today.
 */
export function InformTaskList({ navigate }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const lang = i18n.language
  const tasks = useQuery({ queryKey: queryKeys.informTasks, queryFn: () => call('listInformTasks', { limit: 200 }) })
  const [recording, setRecording] = useState<{ task: InformTaskView; how: InformMethod; informedOn: string } | null>(null)
  const record = useMutation({
    mutationFn: (input: { personId: string; how: InformMethod; informedOn: string; name: string }) =>
      call('recordInformed', { personId: input.personId, how: input.how, informedOn: input.informedOn }),
    onSuccess: () => {
      setRecording(null)
      void qc.invalidateQueries({ queryKey: queryKeys.informTasks })
    }
  })
  const data = tasks.data
  const nameOf = (task: InformTaskView) => `${task.givenName} ${task.familyName}`
  // A refused date is shown next to the field; anything else above the buttons.
  const dateError = fieldErrors(record.error, t)['informedOn']

  return (
    <Paper withBorder p="md" data-testid="inform-tasks">
      <Title order={1} mb={4}>
        {t('inform.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('inform.intro')}
      </Text>
      <ErrorAlert error={tasks.error ?? (recording ? null : record.error)} />
      {record.isSuccess && record.variables && (
        <Alert color="green" mb="sm" data-testid="inform-saved">
          {t('inform.saved', { name: record.variables.name, how: t(`inform.how.${record.variables.how}`), date: formatDate(record.variables.informedOn, lang) })}
        </Alert>
      )}
      {!data ? (
        !tasks.error && <Loader size="sm" role="status" aria-label={t('inform.title')} />
      ) : data.items.length === 0 ? (
        <Text data-testid="inform-none">{t('inform.none')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="inform-count">
            {t('inform.count', { count: data.total })}
            {data.overdue > 0 ? `, ${t('inform.overdueCount', { count: data.overdue })}` : ''}
          </Text>
          <Table withTableBorder data-testid="inform-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inform.name')}</Table.Th>
                <Table.Th>{t('inform.ref')}</Table.Th>
                <Table.Th>{t('inform.source')}</Table.Th>
                <Table.Th>{t('inform.obtainedOn')}</Table.Th>
                <Table.Th>{t('inform.dueOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((task) => {
                const name = nameOf(task)
                return (
                  <Table.Tr key={task.personId} data-testid="inform-row" data-overdue={task.overdue} bg={task.overdue ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => navigate('person', { personId: task.personId })}>
                        {name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{task.ref ?? '—'}</Table.Td>
                    <Table.Td>{t(`people.source.${task.sourceKind}`)}</Table.Td>
                    <Table.Td>{formatDate(task.obtainedOn, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={task.overdue ? 700 : undefined}>
                          {formatDate(task.dueOn, lang)}
                        </Text>
                        {task.overdue && (
                          <Badge color="red" variant="filled" size="sm" data-testid="inform-overdue">
                            {t('inform.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        data-testid="inform-record"
                        aria-label={t('inform.recordFor', { name })}
                        onClick={() => {
                          record.reset()
                          setRecording({ task, how: 'email', informedOn: data.asOf })
                        }}
                      >
                        {t('inform.record')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          {data.total > data.items.length && (
            <Text size="sm" c="dimmed">
              {t('inform.shown', { shown: data.items.length, total: data.total })}
            </Text>
          )}
        </Stack>
      )}
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={recording ? t('inform.dialogTitle', { name: nameOf(recording.task) }) : ''}>
        {recording && (
          <form noValidate
            onSubmit={(e) => {
              e.preventDefault()
              record.mutate({ personId: recording.task.personId, how: recording.how, informedOn: recording.informedOn, name: nameOf(recording.task) })
            }}
          >
            <Stack>
              <Text size="sm">{t('inform.dialogText', { name: nameOf(recording.task) })}</Text>
              <NativeSelect
                label={t('inform.howLabel')}
                data-testid="inform-how"
                value={recording.how}
                onChange={(e) => setRecording({ ...recording, how: e.currentTarget.value as InformMethod })}
                data={INFORM_METHODS.map((m) => ({ value: m, label: t(`inform.how.${m}`) }))}
              />
              <DateField
                label={t('inform.informedOn')}
                required
                value={recording.informedOn}
                onChange={(v) => setRecording({ ...recording, informedOn: v })}
                error={dateError}
                data-testid="inform-date"
              />
              {record.error && !dateError && <ErrorAlert error={record.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setRecording(null)} data-testid="inform-cancel">
                  {t('inform.cancel')}
                </Button>
                <Button type="submit" loading={record.isPending} data-testid="inform-save">
                  {t('inform.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Paper>
  )
}
