import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { BREACH_RISKS, BREACH_STATUSES, DATA_CATEGORIES, type BreachInput, type BreachView } from '../../../../shared/contract/governance'
import { call, fieldErrors } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PersonPicker } from '../../components/PersonPicker'
import { LocalDateTimeField } from './LocalDateTimeField'
import { queryKeys } from '../../api/queryKeys'
import { contract } from '../../../../shared/contract'
import { schemaResolver } from '../../forms/schemaResolver'
import { translatedErrors } from '../../forms/translatedErrors'

type Values = {
  discoveredAtLocal: string
  description: string
  dataCategories: string[]
  personsAffected: number | string
  risk: string
  status: string
  reportedToRegulatorAtLocal: string
  reportedToPersonsAtLocal: string
  measures: string
  lateReason: string
  /** Art. 34; null: follows the risk (high → the persons are told). */
  informPersons: boolean | null
  affected: { personId: string; label: string; note: string }[]
}

function initialValues(b: BreachView | null): Values {
  return {
    discoveredAtLocal: b?.discoveredAtLocal ?? '',
    description: b?.description ?? '',
    dataCategories: b?.dataCategories ?? [],
    personsAffected: b?.personsAffected ?? '',
    risk: b?.risk ?? '',
    status: b?.status ?? 'suspected',
    reportedToRegulatorAtLocal: b?.reportedToRegulatorAtLocal ?? '',
    reportedToPersonsAtLocal: b?.reportedToPersonsAtLocal ?? '',
    measures: b?.measures ?? '',
    lateReason: b?.lateReason ?? '',
    informPersons: b ? b.informPersons : null,
    affected: (b?.affected ?? []).map((a) => ({ personId: a.personId, label: a.personName ? [a.personName, a.personRef && `(${a.personRef})`].filter(Boolean).join(' ') : (a.personRef ?? a.personId), note: a.note ?? '' }))
  }
}

function toInput(v: Values): BreachInput {
  return {
    discoveredAtLocal: v.discoveredAtLocal,
    description: v.description,
    dataCategories: v.dataCategories as BreachInput['dataCategories'],
    personsAffected: typeof v.personsAffected === 'number' ? v.personsAffected : (undefined as unknown as number),
    risk: v.risk as BreachInput['risk'],
    status: v.status as BreachInput['status'],
    reportedToRegulatorAtLocal: v.reportedToRegulatorAtLocal || null,
    reportedToPersonsAtLocal: v.reportedToPersonsAtLocal || null,
    measures: v.measures,
    lateReason: v.lateReason,
    ...(v.informPersons !== null ? { informPersons: v.informPersons } : {}),
    affected: v.affected.map((a) => ({ personId: a.personId, note: a.note }))
  }
}

const validateBreach = schemaResolver(contract.createBreach.input)

/**
 * Register a breach or update one: times are typed as Dutch wall-clock time; a report after
 * 72 hours says why (art. 33(1)); whether the persons must be told (art. 34); the persons affected,
 * chosen by name or reference, each with a note.
 */
export function BreachForm({ breach, onDone }: { breach: BreachView | null; onDone: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  // The contract's rules for a breach (createBreach; updateBreach adds only the id) before any save.
  const form = useForm<Values>({ initialValues: initialValues(breach), validate: (v) => translatedErrors(validateBreach(toInput(v)), t) })
  const save = useMutation({
    mutationFn: (v: Values) => (breach ? call('updateBreach', { id: breach.id, ...toInput(v) }) : call('createBreach', toInput(v))),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.breaches })
      onDone()
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  const L = 'governance.breaches'
  const dateTime = (path: 'discoveredAtLocal' | 'reportedToRegulatorAtLocal' | 'reportedToPersonsAtLocal') => ({
    value: form.values[path],
    onChange: (v: string) => form.setFieldValue(path, v),
    error: form.errors[path]
  })
  return (
    <Paper withBorder p="md" data-testid="breach-form">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <Title order={4}>{t(breach ? `${L}.formTitleEdit` : `${L}.formTitleNew`)}</Title>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <LocalDateTimeField label={t(`${L}.discoveredAt`)} required {...dateTime('discoveredAtLocal')} testId="breach-discovered" />
            <NativeSelect
              label={t(`${L}.risk`)}
              required
              data={[{ value: '', label: '' }, ...BREACH_RISKS.map((r) => ({ value: r, label: t(`${L}.riskValue.${r}`) }))]}
              {...form.getInputProps('risk')}
              data-testid="breach-risk"
            />
            <NativeSelect
              label={t(`${L}.status`)}
              required
              data={BREACH_STATUSES.map((s) => ({ value: s, label: t(`${L}.statusValue.${s}`) }))}
              {...form.getInputProps('status')}
              data-testid="breach-status"
            />
          </SimpleGrid>
          <Textarea label={t(`${L}.description`)} required autosize minRows={2} {...form.getInputProps('description')} data-testid="breach-description" />
          <Checkbox.Group label={t(`${L}.dataCategories`)} required {...form.getInputProps('dataCategories')} data-testid="breach-categories">
            <SimpleGrid cols={{ base: 2, md: 4 }} mt={6} spacing={6}>
              {DATA_CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`${L}.category.${c}`)} data-testid={`breach-category-${c}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <NumberInput label={t(`${L}.personsAffected`)} required min={0} allowDecimal={false} allowNegative={false} maw={280} {...form.getInputProps('personsAffected')} data-testid="breach-persons" />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <LocalDateTimeField label={t(`${L}.reportedToRegulatorAt`)} {...dateTime('reportedToRegulatorAtLocal')} testId="breach-reported-regulator" />
            <LocalDateTimeField label={t(`${L}.reportedToPersonsAt`)} {...dateTime('reportedToPersonsAtLocal')} testId="breach-reported-persons" />
          </SimpleGrid>
          {form.values.reportedToRegulatorAtLocal !== '' && (
            <Textarea label={t(`${L}.lateReason`)} description={t(`${L}.lateReasonHelp`)} autosize minRows={2} {...form.getInputProps('lateReason')} data-testid="breach-late-reason" />
          )}
          <Checkbox
            label={t(`${L}.informPersons`)}
            description={t(`${L}.informPersonsHelp`)}
            checked={form.values.informPersons ?? form.values.risk === 'high'}
            onChange={(e) => form.setFieldValue('informPersons', e.currentTarget.checked)}
            data-testid="breach-inform-persons"
          />
          <Stack gap={6}>
            <PersonPicker
              label={t(`${L}.affected`)}
              value={null}
              onChange={(personId, label) => {
                if (personId && !form.values.affected.some((a) => a.personId === personId)) form.insertListItem('affected', { personId, label: label ?? personId, note: '' })
              }}
              error={form.errors['personsAffected'] as string | undefined}
              includeShielded
              resetAfterChoice
              testId="breach-affected-picker"
            />
            {form.values.affected.map((a, i) => (
              <Group key={a.personId} align="flex-end" wrap="nowrap" data-testid="breach-affected-row">
                <TextInput label={i === 0 ? t(`${L}.affectedPerson`) : undefined} value={a.label} readOnly w={260} />
                <TextInput
                  label={i === 0 ? t(`${L}.affectedNote`) : undefined}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`affected.${i}.note`)}
                  error={form.errors[`affected.${i}.personId`]}
                  data-testid="breach-affected-note"
                />
                <Button variant="subtle" color="red" onClick={() => form.removeListItem('affected', i)} aria-label={t(`${L}.affectedRemove`, { name: a.label })}>
                  {t(`${L}.remove`)}
                </Button>
              </Group>
            ))}
          </Stack>
          <Textarea label={t(`${L}.measures`)} autosize minRows={2} {...form.getInputProps('measures')} data-testid="breach-measures" />
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="breach-save">
              {t('governance.common.save')}
            </Button>
            <Button variant="subtle" onClick={onDone}>
              {t('governance.common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
