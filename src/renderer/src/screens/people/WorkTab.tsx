/**
 * Work (R-3, R-3a, R-11, R-13): employment periods and W&S procedures (retention counts from their
 * ends) and the employment data, which exist only once the person has an employment (the intake
 * gate: no BSN, ID record or work permit before that).
 */
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePersonReadOnly } from './PersonReadOnly'
import type { PersonDetail } from '../../../../shared/contract/people'
import { EMPLOYMENT_KINDS, type EmploymentKind } from '../../../../shared/domain'
import { call } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { EmploymentDataSection } from './EmploymentDataSection'
import { serverFieldErrors } from './fieldErrors'
import { amsterdamToday, formatDate } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

export function WorkTab({ person, openReason }: { person: PersonDetail; openReason: string | undefined }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xl">
      <Periods
        title={t('person.work.employments')}
        empty={t('person.work.noEmployments')}
        testId="employments"
        personId={person.id}
        rows={person.employments.map((e) => ({ id: e.id, label: t(`people.employmentKind.${e.kind}`), start: e.start, end: e.end }))}
        labelHeader={t('person.work.kind')}
        onEnd={(id, end) => call('endEmployment', { employmentId: id, end })}
        addForm={(done) => <AddEmployment personId={person.id} onDone={done} />}
      />
      <Periods
        title={t('person.work.recruitment')}
        empty={t('person.work.noRecruitment')}
        testId="recruitment"
        personId={person.id}
        rows={person.recruitment.map((r) => ({ id: r.id, label: r.clientName, start: r.start, end: r.end }))}
        labelHeader={t('person.work.client')}
        onEnd={(id, end) => call('endRecruitmentProcedure', { procedureId: id, end })}
        addForm={(done) => <AddRecruitment personId={person.id} onDone={done} />}
      />
      <EmploymentDataSection person={person} openReason={openReason} />
    </Stack>
  )
}

interface PeriodRow {
  id: string
  label: string
  start: string
  end: string | null
}

function Periods(props: {
  title: string
  empty: string
  testId: string
  personId: string
  rows: PeriodRow[]
  labelHeader: string
  onEnd: (id: string, end: string) => Promise<unknown>
  addForm: (done: () => void) => ReactNode
}) {
  const { t, i18n } = useTranslation()
  const [adding, setAdding] = useState(false)
  const readOnly = usePersonReadOnly()
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Group justify="space-between">
        <Title order={5}>{props.title}</Title>
        {!adding && !readOnly && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)} data-testid={`${props.testId}-add`}>
            {t('person.work.add')}
          </Button>
        )}
      </Group>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{props.labelHeader}</Table.Th>
              <Table.Th w={130}>{t('person.work.start')}</Table.Th>
              <Table.Th w={300}>{t('person.work.end')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td>{formatDate(row.start, i18n.language)}</Table.Td>
                <Table.Td>{row.end ? formatDate(row.end, i18n.language) : <EndPeriod personId={props.personId} start={row.start} onEnd={(end) => props.onEnd(row.id, end)} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && props.addForm(() => setAdding(false))}
    </Stack>
  )
}

/** A running period: "loopt" and a date field to end it (retention counts from the end). */
function EndPeriod({ personId, start, onEnd }: { personId: string; start: string; onEnd: (end: string) => Promise<unknown> }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [end, setEnd] = useState(() => amsterdamToday(Date.now()))
  const save = useMutation({
    mutationFn: () => onEnd(end),
    onSuccess: async () => {
      setOpen(false)
      await qc.invalidateQueries({ queryKey: queryKeys.person.all(personId) })
      void qc.invalidateQueries({ queryKey: queryKeys.personRetention(personId) })
    }
  })
  const error = end < start ? 'validation.period.endBeforeStart' : serverFieldErrors(save.error)['end']
  const readOnly = usePersonReadOnly()
  if (!open)
    return (
      <Group gap="xs">
        <Text size="sm">{t('person.work.running')}</Text>
        {!readOnly && (
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
            {t('person.work.endAction')}
          </Button>
        )}
      </Group>
    )
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (!error) save.mutate()
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <DateField size="xs" value={end} onChange={setEnd} autoFocus error={error ? t(error) : undefined} aria-label={t('person.work.end')} w={130} />
        <Button size="xs" type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  )
}

function AddEmployment({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<EmploymentKind>('uitzenden')
  return (
    <AddPeriod personId={personId} onDone={onDone} testId="employment" submit={(period) => call('addEmployment', { personId, kind, ...period })}>
      {() => (
        <NativeSelect
          label={t('person.work.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as EmploymentKind)}
          data={EMPLOYMENT_KINDS.map((k) => ({ value: k, label: t(`people.employmentKind.${k}`) }))}
          autoFocus
          w={180}
        />
      )}
    </AddPeriod>
  )
}

function AddRecruitment({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [clientName, setClientName] = useState('')
  return (
    <AddPeriod personId={personId} onDone={onDone} testId="recruitment" submit={(period) => call('addRecruitmentProcedure', { personId, clientName, ...period })}>
      {(errors) => (
        <TextInput
          label={t('person.work.client')}
          value={clientName}
          onChange={(e) => setClientName(e.currentTarget.value)}
          error={errors['clientName'] ? t(errors['clientName']) : undefined}
          autoFocus
          required
          w={260}
          data-testid="recruitment-client"
        />
      )}
    </AddPeriod>
  )
}

/**
 * Adds a period to the person (an employment, a W&S procedure): the caller's leading field, then
 * start and end (empty: still running). Errors from the service stand next to their field.
 */
function AddPeriod({
  personId,
  onDone,
  testId,
  submit,
  children
}: {
  personId: string
  onDone: () => void
  testId: string
  submit: (period: { start: string; end: string | null }) => Promise<unknown>
  children: (errors: Record<string, string>) => ReactNode
}) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [start, setStart] = useState(() => amsterdamToday(Date.now()))
  const [end, setEnd] = useState('')
  const save = useMutation({
    mutationFn: () => submit({ start, end: end.trim() ? end : null }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.person.all(personId) })
      void qc.invalidateQueries({ queryKey: queryKeys.personRetention(personId) })
      onDone()
    }
  })
  const errors = serverFieldErrors(save.error)
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate()
      }}
      data-testid={`${testId}-form`}
    >
      <Group align="flex-start" gap="sm">
        {children(errors)}
        <DateField label={t('person.work.start')} value={start} onChange={setStart} error={errors['start'] ? t(errors['start']) : undefined} w={150} required data-testid={`${testId}-start`} />
        <DateField label={t('person.work.end')} description={t('person.work.endHint')} value={end} onChange={setEnd} error={errors['end'] ? t(errors['end']) : undefined} w={170} data-testid={`${testId}-end`} />
        <Group gap="xs" mt={24}>
          <Button type="submit" loading={save.isPending} data-testid={`${testId}-save`}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Group>
      {Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
    </form>
  )
}
