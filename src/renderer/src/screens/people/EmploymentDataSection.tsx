/**
 * R-3 employment data: nationality, BSN (11-proof, shown masked; "toon" reveals it and the service
 * audits that view), identity-document record, work permit, VOG date, IBAN, marital status.
 * Recorded only once the person has an employment (R-3a); the BSN only with a BSN purpose
 * (UAVG art. 46). Changing a value recorded earlier is a rectification and needs a reason.
 */
import { Alert, Button, Grid, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePersonReadOnly } from './PersonReadOnly'
import type { PersonDetail } from '../../../../shared/contract/people'
import { ID_DOCUMENT_TYPES, MARITAL_STATUSES, hasBsnPurpose, makeEmploymentDataSchema } from '../../../../shared/person/personSchema'
import { ApiError, call } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { serverFieldErrors, useFieldProps } from './fieldErrors'
import { amsterdamToday, formatDate } from '../../../../shared/time'
import { Field } from './Field'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'
import { type EmploymentBase, type EmploymentDataValues, type EmploymentField, EMPLOYMENT_FIELDS, employmentConflict, toInput, valueAt, valuesOf } from './employmentForm'
import { type ConflictRow, EditConflictPanel } from './EditConflict'
import { useEditConflict } from './useEditConflict'

/** Shown instead of the employment data while there is no employment (R-3a). */
function IntakeGateNotice() {
  const { t } = useTranslation()
  return (
    <Alert color="blue" variant="light" data-testid="intake-gate-notice">
      {t('person.work.gate')}
    </Alert>
  )
}

export function EmploymentDataSection({ person, openReason }: { person: PersonDetail; openReason: string | undefined }) {
  const { t, i18n } = useTranslation()
  const [editing, setEditing] = useState<{ bsn: string | null } | null>(null)
  const [revealed, setRevealed] = useState<string | null>(null)
  const readOnly = usePersonReadOnly()
  const reveal = useMutation({
    // R-3: the unmasked BSN is fetched on request only; the service audits this view.
    mutationFn: () => call('getPerson', { personId: person.id, revealBsn: true, ...(openReason ? { reason: openReason } : {}) }),
    onSuccess: (p) => setRevealed(p.employmentData.bsn)
  })
  if (person.employments.length === 0) {
    return (
      <Stack gap="xs">
        <Title order={5}>{t('person.work.employmentData')}</Title>
        <IntakeGateNotice />
      </Stack>
    )
  }
  if (editing) return <EmploymentDataForm person={person} bsn={editing.bsn} openReason={openReason} onDone={() => setEditing(null)} />
  // Issue 16: the form opens with the BSN masked; only a BSN revealed here (audited) goes into it.
  const startEdit = () => setEditing({ bsn: revealed })
  const e = person.employmentData
  const d = (date: string | null) => formatDate(date, i18n.language)
  return (
    <Stack gap="sm" data-testid="employment-data">
      <Group justify="space-between">
        <Title order={5}>{t('person.work.employmentData')}</Title>
        {!readOnly && (
          <Button size="xs" variant="default" onClick={startEdit} data-testid="employment-data-edit">
            {e.nationality ? t('person.edit') : t('person.work.recordData')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={reveal.error} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Field label={t('person.field.nationality')}>{e.nationality}</Field>
        <Field label={t('person.field.bsn')} testId="bsn">
          {e.bsn && (
            <Group gap="xs">
              <Text size="sm" ff="monospace" data-testid="bsn-value">
                {revealed ?? e.bsn}
              </Text>
              {revealed ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setRevealed(null)}>
                  {t('person.bsn.hide')}
                </Button>
              ) : (
                <Button size="compact-xs" variant="subtle" onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="bsn-reveal">
                  {t('person.bsn.show')}
                </Button>
              )}
            </Group>
          )}
        </Field>
        <Field label={t('person.field.idDocument')}>
          {e.idDocument ? `${t(`people.idDocument.${e.idDocument.type}`)} ${e.idDocument.number}${e.idDocument.expiry ? ` · ${t('person.validUntil', { date: d(e.idDocument.expiry) })}` : ''}` : ''}
        </Field>
        <Field label={t('person.field.idVerifiedOn')}>{d(e.idVerifiedOn)}</Field>
        <Field label={t('person.field.workPermit')}>
          {e.workPermit ? [e.workPermit.number, e.workPermit.expiry ? t('person.validUntil', { date: d(e.workPermit.expiry) }) : ''].filter(Boolean).join(' · ') : ''}
        </Field>
        <Field label={t('person.field.vogDate')}>{d(e.vogDate)}</Field>
        <Field label={t('person.field.iban')}>{e.iban}</Field>
        <Field label={t('person.field.maritalStatus')}>{e.maritalStatus ? t(`people.maritalStatus.${e.maritalStatus}`) : ''}</Field>
      </SimpleGrid>
      {revealed && (
        <Text size="xs" c="dimmed">
          {t('person.bsn.audited')}
        </Text>
      )}
    </Stack>
  )
}

/**
 * The R-3 record's form. A stored BSN stays masked (`keepBsn`: kept as it is) unless it was
 * revealed — before the form opened or with the form's own "Toon" — an audited view (issue 16).
 */
function EmploymentDataForm({ person, bsn, openReason, onDone }: { person: PersonDetail; bsn: string | null; openReason: string | undefined; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const stored = person.employmentData.bsn
  const [bsnMasked, setBsnMasked] = useState(stored !== null && bsn === null)
  const [today] = useState(() => amsterdamToday(Date.now()))
  const purposes = person.purposes.map((p) => p.purpose)
  const [reason, setReason] = useState(openReason ?? '')
  const [validateInput] = useState(() => schemaResolver(makeEmploymentDataSchema({ today, purposes, employmentStarts: person.employments.map((e) => e.start) })))
  // The contract's rules for recordEmploymentData (BSN only for a BSN purpose and an employment
  // started or starting within 4 weeks, dates against today).
  const form = useForm<EmploymentDataValues>({ initialValues: valuesOf(person, bsn), validate: (values) => validateInput(toInput(values)) })
  // What the form started from (issue 17 point 4), and the record as saved by someone else meanwhile.
  const edit = useEditConflict<EmploymentBase>(
    () => ({ values: valuesOf(person, bsn), version: person.version, maskedBsn: person.employmentData.bsn }),
    async () => {
      // The record as it is now, its BSN masked.
      const saved = await call('getPerson', { personId: person.id, ...(openReason ? { reason: openReason } : {}) })
      return { values: valuesOf(saved, null), version: saved.version, maskedBsn: saved.employmentData.bsn }
    }
  )
  const { base, conflict } = edit
  const field = useFieldProps(form)
  const reveal = useMutation({
    mutationFn: () => call('getPerson', { personId: person.id, revealBsn: true, ...(openReason ? { reason: openReason } : {}) }),
    onSuccess: (p) => {
      form.setFieldValue('bsn', p.employmentData.bsn ?? '')
      setBsnMasked(false)
    }
  })
  /** The input the service gets: without the BSN (kept as stored) while it is masked. */
  const inputOf = (values: EmploymentDataValues) => {
    const { bsn: typed, ...rest } = toInput(values)
    return bsnMasked ? { ...rest, keepBsn: true as const } : { ...rest, bsn: typed }
  }
  const save = useMutation({
    mutationFn: ({ from, values }: { from: EmploymentBase; values: EmploymentDataValues }) =>
      call('recordEmploymentData', { personId: person.id, ...inputOf(values), ...(reason.trim() ? { reason: reason.trim() } : {}), expectedVersion: from.version }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.person.all(person.id) })
      void qc.invalidateQueries({ queryKey: queryKeys.personHistory(person.id) })
      void qc.invalidateQueries({ queryKey: queryKeys.personRetention(person.id) })
      onDone()
    },
    onError: async (e) => {
      if (await edit.recordChanged(e)) return
      form.setErrors(serverFieldErrors(e))
    }
  })
  const submit = () => {
    if (!form.validate().hasErrors) save.mutate({ from: base, values: form.values })
  }
  const merged = conflict ? employmentConflict(base, form.values, conflict, !bsnMasked) : null
  const keepMine = () => {
    if (!merged) return
    const saved = edit.takeSaved()
    if (!saved) return
    form.setValues(merged.values)
    save.mutate({ from: saved, values: merged.values })
  }
  const discardMine = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.person.all(person.id) })
    onDone()
  }
  const conflictRows = (): { both: ConflictRow[]; theirs: ConflictRow[] } => {
    if (!conflict || !merged) return { both: [], theirs: [] }
    const empty = t('person.conflict.empty')
    const show = (field: EmploymentField, v: EmploymentDataValues): string => {
      const value = valueAt(v, field)
      if (value.trim() === '') return empty
      if (field === 'idDocument.type') return t(`people.idDocument.${value}`)
      if (field === 'maritalStatus') return t(`people.maritalStatus.${value}`)
      if (field.endsWith('xpiry') || field === 'idVerifiedOn' || field === 'vogDate') return formatDate(value, i18n.language)
      return value
    }
    const label = (field: string) => t(`person.field.${EMPLOYMENT_FIELDS.find(([f]) => f === field)?.[1] ?? field}`)
    const row = (field: EmploymentField): ConflictRow => ({ field, label: label(field), mine: show(field, form.values), saved: show(field, conflict.values) })
    const bsnRow: ConflictRow = { field: 'bsn', label: t('person.field.bsn'), mine: form.values.bsn || empty, saved: conflict.maskedBsn ?? empty }
    return {
      both: [...(merged.bsn === 'both' ? [bsnRow] : []), ...merged.both.map(row)],
      theirs: [...(merged.bsn === 'theirs' ? [bsnRow] : []), ...merged.theirs.map(row)]
    }
  }
  const date = (path: string) => field(path) as { value: string; onChange: (v: string) => void; error?: string }
  const reasonError = form.errors['reason']
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
      data-testid="employment-data-form"
    >
      <Stack gap="sm">
        <Title order={5}>{t('person.work.employmentData')}</Title>
        <Grid align="flex-start">
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('person.field.nationality')} placeholder={t('person.hint.nationality')} required autoFocus {...field('nationality')} data-testid="field-nationality" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            {bsnMasked ? (
              <TextInput
                label={t('person.field.bsn')}
                value={stored ?? ''}
                readOnly
                description={t('person.bsnMasked.hint')}
                styles={{ input: { fontFamily: 'monospace' } }}
                rightSectionWidth={80}
                rightSection={
                  <Button size="compact-xs" variant="subtle" onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="field-bsn-reveal">
                    {t('person.bsnMasked.show')}
                  </Button>
                }
                error={reveal.error ? t(`errors.${reveal.error instanceof ApiError ? reveal.error.code : 'INTERNAL'}`) : undefined}
                data-testid="field-bsn-masked"
              />
            ) : (
              <TextInput
                label={t('person.field.bsn')}
                placeholder={hasBsnPurpose(purposes) ? t('person.hint.bsn') : undefined}
                disabled={!hasBsnPurpose(purposes) && !form.values.bsn}
                autoComplete="off"
                {...field('bsn')}
                data-testid="field-bsn"
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <NativeSelect
              label={t('person.field.maritalStatus')}
              data={[{ value: '', label: t('people.choose') }, ...MARITAL_STATUSES.map((m) => ({ value: m, label: t(`people.maritalStatus.${m}`) }))]}
              {...field('maritalStatus')} data-testid="field-maritalStatus"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('person.field.iban')} autoComplete="off" {...field('iban')} data-testid="field-iban" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <NativeSelect
              label={t('person.field.idDocumentType')}
              required
              data={[{ value: '', label: t('people.choose') }, ...ID_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`people.idDocument.${d}`) }))]}
              {...field('idDocument.type')} data-testid="field-idDocument.type"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('person.field.idDocumentNumber')} required autoComplete="off" {...field('idDocument.number')} data-testid="field-idDocument.number" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('person.field.idDocumentExpiry')} required {...date('idDocument.expiry')} data-testid="field-idDocument.expiry" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('person.field.idVerifiedOn')} required {...date('idVerifiedOn')} data-testid="field-idVerifiedOn" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('person.field.workPermitNumber')} placeholder={t('person.hint.workPermit')} autoComplete="off" {...field('workPermit.number')} data-testid="field-workPermit.number" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('person.field.workPermitExpiry')} {...date('workPermit.expiry')} data-testid="field-workPermit.expiry" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('person.field.vogDate')} {...date('vogDate')} data-testid="field-vogDate" />
          </Grid.Col>
        </Grid>
        {!hasBsnPurpose(purposes) && (
          <Text size="xs" c="dimmed">
            {t('person.hint.bsnNoPurpose')}
          </Text>
        )}
        <TextInput
          label={t('person.rectifyReason')}
          description={t('person.work.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={typeof reasonError === 'string' ? t(reasonError) : undefined}
        />
        {conflict ? (
          <EditConflictPanel {...conflictRows()} saving={save.isPending} onKeepMine={keepMine} onDiscard={discardMine} />
        ) : (
          <>
            {!Object.keys(form.errors).length && <ErrorAlert error={save.error} />}
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="employment-data-save">
                {t('common.save')}
              </Button>
              <Button variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  )
}
