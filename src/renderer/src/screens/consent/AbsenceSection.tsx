import { Alert, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ABSENCE_AVAILABILITY_MAX, ABSENCE_DURATIONS, type AbsenceView } from '../../../../shared/contract/consent'
import { ApiError, call } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDate } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

type Duration = (typeof ABSENCE_DURATIONS)[number]

/**
 * Absence (verzuim) registration with the reason it is so small: an employer keeps the dates, the
 * expected duration and the availability — never the diagnosis or cause (UAVG art. 30). There is
 * no field for them, and the main process refuses one if a caller sends it.
 */
export function AbsenceSection({ personId, today, hasEmployment, canWrite }: { personId: string; today: string; hasEmployment: boolean; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const absences = useQuery({ queryKey: queryKeys.absences(personId), queryFn: () => call('listAbsences', { personId }) })
  const [startOn, setStartOn] = useState(today)
  const [expectedDuration, setExpectedDuration] = useState<Duration | ''>('')
  const [availability, setAvailability] = useState('')
  const [ending, setEnding] = useState<AbsenceView | null>(null)
  const [endOn, setEndOn] = useState(today)
  const d = (date: string | null) => formatDate(date, i18n.language)
  const issues = (e: unknown, path: string) => (e instanceof ApiError ? e.issues.find((i) => i.path === path)?.key : undefined)
  const tr = (key: string | undefined) => (key ? t(key) : undefined)

  const record = useMutation({
    mutationFn: () =>
      call('recordAbsence', {
        personId,
        startOn,
        ...(expectedDuration ? { expectedDuration } : {}),
        ...(availability.trim() ? { availability } : {})
      }),
    onSuccess: async () => {
      setExpectedDuration('')
      setAvailability('')
      await qc.invalidateQueries({ queryKey: queryKeys.absences(personId) })
    }
  })
  const end = useMutation({
    mutationFn: (a: AbsenceView) => call('endAbsence', { absenceId: a.id, endOn }),
    onSuccess: async () => {
      setEnding(null)
      await qc.invalidateQueries({ queryKey: queryKeys.absences(personId) })
    }
  })

  return (
    <Stack gap="sm" data-testid="absence-section">
      <Title order={4}>{t('consent.absence.title')}</Title>
      <Alert color="blue" variant="light" data-testid="absence-why">
        {t('consent.absence.why')}
      </Alert>
      <ErrorAlert error={absences.error} />
      {absences.data && absences.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consent.absence.empty')}
        </Text>
      )}
      {absences.data && absences.data.length > 0 && (
        <Table withTableBorder verticalSpacing={4} data-testid="absence-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('consent.absence.startOn')}</Table.Th>
              <Table.Th w={160}>{t('consent.absence.endOn')}</Table.Th>
              <Table.Th w={180}>{t('consent.absence.expectedDuration')}</Table.Th>
              <Table.Th>{t('consent.absence.availability')}</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {absences.data.map((a) => (
              <Table.Tr key={a.id} data-testid="absence-row">
                <Table.Td>{d(a.startOn)}</Table.Td>
                <Table.Td>{a.endOn ? d(a.endOn) : <Text size="sm" c="orange">{t('consent.absence.ongoing')}</Text>}</Table.Td>
                <Table.Td>{a.expectedDuration ? t(`consent.absence.duration.${a.expectedDuration}`) : ''}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.availability ?? ''}</Table.Td>
                <Table.Td>
                  {canWrite && a.endOn === null && (
                    <Button size="compact-sm" variant="light" onClick={() => setEnding(a)} data-testid="absence-end">
                      {t('consent.absence.end')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {canWrite && !hasEmployment && (
        <Text size="sm" c="dimmed">
          {t('consent.absence.noEmployment')}
        </Text>
      )}
      {canWrite && hasEmployment && (
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            record.mutate()
          }}
          data-testid="absence-form"
        >
          <Group align="flex-start" gap="sm">
            <DateField label={t('consent.absence.startOn')} required value={startOn} onChange={setStartOn} error={tr(issues(record.error, 'startOn'))} w={200} data-testid="absence-start" />
            <NativeSelect
              label={t('consent.absence.expectedDuration')}
              value={expectedDuration}
              onChange={(e) => setExpectedDuration(e.currentTarget.value as Duration | '')}
              data={[{ value: '', label: t('consent.choose') }, ...ABSENCE_DURATIONS.map((x) => ({ value: x, label: t(`consent.absence.duration.${x}`) }))]}
              w={200}
              data-testid="absence-duration"
            />
            <TextInput
              label={t('consent.absence.availability')}
              description={t('consent.absence.availabilityHint')}
              value={availability}
              maxLength={ABSENCE_AVAILABILITY_MAX}
              onChange={(e) => setAvailability(e.currentTarget.value)}
              error={tr(issues(record.error, 'availability'))}
              style={{ flex: 1 }}
              data-testid="absence-availability"
            />
            <Button type="submit" mt={48} loading={record.isPending} data-testid="absence-save">
              {t('consent.absence.record')}
            </Button>
          </Group>
          {!(record.error instanceof ApiError && record.error.code === 'VALIDATION_FAILED') && <ErrorAlert error={record.error} />}
        </form>
      )}

      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('consent.absence.endTitle')} centered>
        <Stack>
          <DateField label={t('consent.absence.endOn')} required value={endOn} onChange={setEndOn} error={tr(issues(end.error, 'endOn'))} data-testid="absence-end-on" />
          {!(end.error instanceof ApiError && end.error.code === 'VALIDATION_FAILED') && <ErrorAlert error={end.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEnding(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={end.isPending} onClick={() => ending && end.mutate(ending)} data-testid="absence-end-confirm">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
