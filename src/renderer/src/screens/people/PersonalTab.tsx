/**
 * Personal data (R-2, R-6, R-7, R-24) and its rectification (R-19): the edit form holds every
 * intake field, sends only what changed, and needs a reason; the service records which fields
 * changed, when, by whom and why (never the old values). Free text that looks like special data
 * is flagged and asked about before the save, with the way to the special-data section (R-4a).
 */
import { Badge, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePersonReadOnly } from './PersonReadOnly'
import { makePersonChangesSchema, type PersonDetail } from '../../../../shared/contract/people'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Field } from './Field'
import { serverFieldErrors } from './fieldErrors'
import { amsterdamToday, formatDate, formatTimestamp } from '../../../../shared/time'
import { AvailabilityFields, ContactFields, ExperienceFields, PersonalFields, SourceFields } from './PersonFields'
import { EditConflictPanel, personConflictRows } from './EditConflict'
import { useEditConflict } from './useEditConflict'
import { type PersonFormValues, personChanges, personFormFromDetail, rebaseEdit } from './personForm'
import { SpecialDataAlert, SpecialDataDialog } from './SpecialDataWarning'
import { detectSpecialDataInFields } from '../../../../shared/person/detectSpecialData'
import { formatPhone } from '../../../../shared/validation/phone'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'

export function PersonalTab({ person, openReason, onOpenSpecialData }: { person: PersonDetail; openReason: string | undefined; onOpenSpecialData?: () => void }) {
  const [editing, setEditing] = useState(false)
  return editing ? (
    <PersonEditForm person={person} openReason={openReason} onDone={() => setEditing(false)} onOpenSpecialData={onOpenSpecialData} />
  ) : (
    <PersonalView person={person} onEdit={() => setEditing(true)} />
  )
}

function PersonalView({ person: p, onEdit }: { person: PersonDetail; onEdit: () => void }) {
  const { t, i18n } = useTranslation()
  const readOnly = usePersonReadOnly()
  const d = (date: string | null) => formatDate(date, i18n.language)
  const address = [[p.address.street, p.address.houseNumber].filter(Boolean).join(' '), [p.address.postcode, p.address.city].filter(Boolean).join('  ')]
    .filter(Boolean)
    .join('\n')
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={4}>{t('person.tab.personal')}</Title>
        {!readOnly && (
          <Button variant="default" onClick={onEdit} data-testid="person-edit">
            {t('person.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Field label={t('person.field.givenName')}>{p.givenName}</Field>
        <Field label={t('person.field.familyName')}>{p.familyName}</Field>
        <Field label={t('person.field.birthDate')}>{p.birthDate ? `${d(p.birthDate)}${p.age !== null ? ` (${t('person.age', { age: p.age })})` : ''}` : ''}</Field>
        <Field label={t('person.field.gender')}>{p.gender ? t(`people.gender.${p.gender}`) : ''}</Field>
        <Field label={t('person.field.email')} testId="view-email">
          {p.email}
        </Field>
        <Field label={t('person.field.phone')} testId="view-phone">
          {formatPhone(p.phone)}
        </Field>
        <Field label={t('person.field.address')} testId="view-address">
          {address}
        </Field>
        <Field label={t('person.field.otherContact')}>{p.otherContact}</Field>
      </SimpleGrid>
      <Divider />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
        <Field label={t('person.field.education')}>{p.education}</Field>
        <Field label={t('person.field.internships')}>{p.internships}</Field>
        <Field label={t('person.field.workExperience')}>{p.workExperience}</Field>
        <Field label={t('person.field.availability')}>{p.availability}</Field>
        <Field label={t('person.field.deployability')}>{p.deployability}</Field>
        <Field label={t('person.field.leave')}>{p.leave}</Field>
        <Field label={t('person.field.particulars')}>{p.particulars}</Field>
      </SimpleGrid>
      <Divider />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Field label={t('person.field.source')}>{[t(`people.source.${p.source.kind}`), p.source.detail].filter(Boolean).join(': ')}</Field>
        <Field label={t('person.field.registeredOn')}>{d(p.registeredOn)}</Field>
        <Field label={t('person.field.statement')}>
          {p.statementVersion ? (p.statementShownOn ? t('person.statementShownLines', { version: p.statementVersion, date: d(p.statementShownOn) }) : t('person.statementVersionOnly', { version: p.statementVersion })) : ''}
        </Field>
        <Field label={t('person.field.createdBy')}>
          {[formatTimestamp(p.createdAt, i18n.language), p.createdBy].filter(Boolean).join(' · ')}
        </Field>
      </SimpleGrid>
      <Field label={t('person.field.purposes')}>
        <Group gap={6}>
          {p.purposes.map((x) => (
            <Badge key={x.purpose} variant="light" size="md" tt="none" title={t(`people.legalBasis.${x.legalBasis}`)}>
              {t(`people.purpose.${x.purpose}`)} · {t(`people.legalBasis.${x.legalBasis}`)}
            </Badge>
          ))}
        </Group>
      </Field>
    </Stack>
  )
}

function PersonEditForm({
  person,
  openReason,
  onDone,
  onOpenSpecialData
}: {
  person: PersonDetail
  openReason: string | undefined
  onDone: () => void
  onOpenSpecialData: (() => void) | undefined
}) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [today] = useState(() => amsterdamToday(Date.now()))
  // What the form started from: the record's values and its version (issue 17 point 4). After a
  // "changed by someone else" the user may save again on top of the record as saved then.
  const edit = useEditConflict<EditBase>(
    () => ({ values: personFormFromDetail(person), version: person.version }),
    async () => {
      const saved = await call('getPerson', { personId: person.id, ...(openReason ? { reason: openReason } : {}) })
      return { values: personFormFromDetail(saved), version: saved.version }
    }
  )
  const { base, baseRef, conflict } = edit
  const before = base.values
  const [reason, setReason] = useState(openReason ?? '')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [unchanged, setUnchanged] = useState(false)
  const validateChanges = useMemo(() => schemaResolver(makePersonChangesSchema(today)), [today])
  // The contract's rules for a rectification (date rules with today's date), on what changed only.
  const form = useForm<PersonFormValues>({ initialValues: before, validate: (values) => validateChanges(personChanges(baseRef.current.values, values)) })
  const save = useMutation({
    mutationFn: ({ from, values }: { from: EditBase; values: PersonFormValues }) =>
      call('updatePerson', { personId: person.id, changes: personChanges(from.values, values), reason: reason.trim(), expectedVersion: from.version }),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: t('person.rectified', { count: r.changedFields.length }) })
      await qc.invalidateQueries({ queryKey: queryKeys.person.all(person.id) })
      void qc.invalidateQueries({ queryKey: queryKeys.personHistory(person.id) })
      void qc.invalidateQueries({ queryKey: queryKeys.personRetention(person.id) })
      void qc.invalidateQueries({ queryKey: queryKeys.persons.all })
      onDone()
    },
    onError: async (e) => {
      if (await edit.recordChanged(e)) return
      const errors = serverFieldErrors(e, 'changes.')
      if (errors['reason']) setReasonError(errors['reason'])
      form.setErrors(errors)
    }
  })
  // R-4a: only the free text this rectification writes (as main checks it), flagged while typing.
  const specialHints = useMemo(() => detectSpecialDataInFields(personChanges(before, form.values)), [before, form.values])
  const [specialAsked, setSpecialAsked] = useState(false)
  const submit = () => {
    const changes = personChanges(before, form.values)
    setUnchanged(Object.keys(changes).length === 0)
    if (Object.keys(changes).length === 0) return
    const { hasErrors } = form.validate()
    setReasonError(reason.trim() ? null : 'validation.required')
    if (hasErrors || !reason.trim()) return
    if (specialHints.length > 0) setSpecialAsked(true)
    else save.mutate({ from: base, values: form.values })
  }
  const keepMine = () => {
    const mine = form.values
    const saved = edit.takeSaved()
    if (!saved) return
    const values = rebaseEdit(base.values, mine, saved.values)
    form.setValues(values)
    save.mutate({ from: saved, values })
  }
  const discardMine = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.person.all(person.id) })
    onDone()
  }
  const adjustSpecial = () => {
    setSpecialAsked(false)
    const first = specialHints[0]
    if (first) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="person-edit-form"] [data-testid="field-${first.field}"]`)?.focus())
  }
  const sectionProps = { form, today }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
      data-testid="person-edit-form"
    >
      <Stack gap="lg">
        <Title order={4}>{t('person.editTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('person.editHint')}
        </Text>
        <PersonalFields {...sectionProps} autoFocus />
        <Divider label={t('intake.step.contact')} labelPosition="left" />
        <ContactFields {...sectionProps} />
        <Divider label={t('intake.step.experience')} labelPosition="left" />
        <ExperienceFields {...sectionProps} />
        <Divider label={t('intake.step.availability')} labelPosition="left" />
        <AvailabilityFields {...sectionProps} />
        <Divider label={t('intake.step.source')} labelPosition="left" />
        <SourceFields {...sectionProps} />
        <SpecialDataAlert hints={specialHints} />
        <Divider />
        <TextInput
          label={t('person.rectifyReason')}
          description={t('person.rectifyReasonHint')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError ? t(reasonError) : undefined}
          data-testid="field-reason"
        />
        {unchanged && (
          <Text size="sm" c="dimmed" data-testid="edit-unchanged">
            {t('person.unchanged')}
          </Text>
        )}
        {conflict ? (
          <EditConflictPanel {...personConflictRows(base.values, form.values, conflict.values, t, i18n.language)} saving={save.isPending} onKeepMine={keepMine} onDiscard={discardMine} />
        ) : (
          <>
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="person-edit-save">
                {t('common.save')}
              </Button>
              <Button variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <SpecialDataDialog
        hints={specialAsked ? specialHints : null}
        onAdjust={adjustSpecial}
        onSaveAnyway={() => {
          setSpecialAsked(false)
          save.mutate({ from: base, values: form.values })
        }}
        {...(onOpenSpecialData ? { onOpenSpecialData } : {})}
      />
    </form>
  )
}

/** The values an edit started from and the record's version then. */
interface EditBase {
  values: PersonFormValues
  version: number
}
