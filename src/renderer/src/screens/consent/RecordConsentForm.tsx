import { Alert, Autocomplete, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONSENT_METHODS, type ConsentBasis, type RecordConsentInput } from '../../../../shared/contract/consent'
import { PURPOSES, SPECIAL_CATEGORIES } from '../../../../shared/domain'
import { ApiError, call, fieldErrors } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ConsentFormPreview } from './ConsentFormPreview'
import { queryKeys } from '../../api/queryKeys'
import { contract } from '../../../../shared/contract'
import { schemaResolver } from '../../forms/schemaResolver'

const validateConsent = schemaResolver(contract.recordConsent.input)

interface Values {
  basis: ConsentBasis
  category: string
  purpose: string
  wording: string
  how: string
  givenOn: string
  statementVersion: string
  endsOn: string
  legalBasisKey: string
}

/**
 * Record explicit consent (the exact wording, how and when it was given, the statement version,
 * an optional end date) or a legal basis from the privacy officer's list, for ONE category and
 * ONE purpose. The wording can be printed as the form the person signs before saving.
 * Every rule is checked again in the main process; its field issues are shown at the fields.
 */
export function RecordConsentForm({ personId, today, hasEmployment, onDone }: { personId: string; today: string; hasEmployment: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [formHtml, setFormHtml] = useState<string | null>(null)
  const bases = useQuery({ queryKey: queryKeys.legalBases, queryFn: () => call('listLegalBases', {}) })
  const versions = useQuery({ queryKey: queryKeys.statementVersions, queryFn: () => call('listStatementVersions', {}), retry: false })
  const current = versions.data?.find((v) => v.current)?.version ?? ''
  const form = useForm<Values>({
    initialValues: { basis: 'consent', category: '', purpose: '', wording: '', how: 'signed-form', givenOn: today, statementVersion: current, endsOn: '', legalBasisKey: '' },
    // recordConsent's own rules (R-4: wording, how, date and statement version, or a legal basis) before any save.
    validate: (values) => validateConsent(input(values))
  })
  const v = form.values
  // offer the statement version in force once the register has answered.
  useEffect(() => {
    if (current && form.values.statementVersion === '') form.setFieldValue('statementVersion', current)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current])
  const tr = (path: string) => {
    const e = form.errors[path]
    return typeof e === 'string' ? t(e) : undefined
  }

  const input = (v: Values): RecordConsentInput =>
    v.basis === 'consent'
      ? {
          personId,
          basis: 'consent',
          category: v.category as RecordConsentInput['category'],
          purpose: v.purpose as RecordConsentInput['purpose'],
          wording: v.wording,
          how: v.how as (typeof CONSENT_METHODS)[number],
          givenOn: v.givenOn,
          statementVersion: v.statementVersion,
          ...(v.endsOn ? { endsOn: v.endsOn } : {})
        }
      : {
          personId,
          basis: 'legal-basis',
          category: v.category as RecordConsentInput['category'],
          purpose: v.purpose as RecordConsentInput['purpose'],
          legalBasisKey: v.legalBasisKey,
          ...(v.endsOn ? { endsOn: v.endsOn } : {})
        }

  const save = useMutation({
    mutationFn: () => call('recordConsent', input(form.values)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.consents(personId) })
      onDone()
    },
    onError: (e) => form.setErrors(fieldErrors(e, (k) => k))
  })
  const preview = useMutation({
    mutationFn: () =>
      call('getConsentFormHtml', {
        personId,
        category: v.category as RecordConsentInput['category'],
        purpose: v.purpose as RecordConsentInput['purpose'],
        wording: v.wording,
        statementVersion: v.statementVersion,
        lang: i18n.language === 'en' ? 'en' : 'nl'
      }),
    onSuccess: (r) => setFormHtml(r.html),
    onError: (e) => form.setErrors(fieldErrors(e, (k) => k))
  })

  /** Offer the template once category and purpose are chosen and nothing was typed yet. */
  const fillTemplate = (category: string, purpose: string) => {
    if (v.wording.trim() !== '' || !category || !purpose) return
    form.setFieldValue('wording', t('consent.form.wordingTemplate', { category: t(`consent.category.${category}`).toLowerCase(), purpose: t(`people.purpose.${purpose}`) }))
  }
  const activeBases = (bases.data ?? []).filter((b) => b.active)
  // R-4a refusals carry their field too (category, purpose, legal basis): shown there, not as an alert.
  const isValidation = (e: unknown) => e instanceof ApiError && (e.code === 'VALIDATION_FAILED' || e.code === 'GROUND_DOES_NOT_FIT')
  const otherError = [save.error, preview.error].find((e) => e && !isValidation(e)) ?? null

  return (
    <Paper withBorder p="md" data-testid="consent-record-form">
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save.reset()
          if (!form.validate().hasErrors) save.mutate()
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('consent.form.title')}</Title>
          <SegmentedControl
            value={v.basis}
            onChange={(b) => form.setFieldValue('basis', b as ConsentBasis)}
            data={[
              { value: 'consent', label: t('consent.basis.consent') },
              { value: 'legal-basis', label: t('consent.basis.legal-basis') }
            ]}
            w={360}
            data-testid="consent-basis"
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('consent.form.category')}
              required
              value={v.category}
              onChange={(e) => {
                form.setFieldValue('category', e.currentTarget.value)
                fillTemplate(e.currentTarget.value, v.purpose)
              }}
              data={[{ value: '', label: t('consent.choose') }, ...SPECIAL_CATEGORIES.map((c) => ({ value: c, label: t(`consent.category.${c}`) }))]}
              error={tr('category')}
              data-testid="consent-category"
            />
            <NativeSelect
              label={t('consent.form.purpose')}
              required
              value={v.purpose}
              onChange={(e) => {
                form.setFieldValue('purpose', e.currentTarget.value)
                fillTemplate(v.category, e.currentTarget.value)
              }}
              data={[{ value: '', label: t('consent.choose') }, ...PURPOSES.map((p) => ({ value: p, label: t(`people.purpose.${p}`) }))]}
              error={tr('purpose')}
              data-testid="consent-purpose"
            />
          </Group>
          {v.category === 'health' && (
            <Alert color="orange" variant="light" data-testid="consent-health-note">
              {t(hasEmployment ? 'consent.form.healthEmployee' : 'consent.form.healthNeedsEmployment')}
            </Alert>
          )}
          {v.basis === 'consent' ? (
            <>
              <Textarea
                label={t('consent.form.wording')}
                description={t('consent.form.wordingHint')}
                required
                autosize
                minRows={3}
                maxRows={10}
                {...form.getInputProps('wording')}
                error={tr('wording')}
                data-testid="consent-wording"
              />
              <Group grow align="flex-start">
                <NativeSelect
                  label={t('consent.form.how')}
                  value={v.how}
                  onChange={(e) => form.setFieldValue('how', e.currentTarget.value)}
                  data={CONSENT_METHODS.map((h) => ({ value: h, label: t(`consent.how.${h}`) }))}
                  error={tr('how')}
                  data-testid="consent-how"
                />
                <DateField label={t('consent.form.givenOn')} required value={v.givenOn} onChange={(d) => form.setFieldValue('givenOn', d)} error={tr('givenOn')} data-testid="consent-given-on" />
                <Autocomplete
                  label={t('consent.form.statementVersion')}
                  required
                  data={(versions.data ?? []).map((s) => s.version)}
                  value={v.statementVersion}
                  onChange={(s) => form.setFieldValue('statementVersion', s)}
                  error={tr('statementVersion')}
                  data-testid="consent-statement-version"
                />
              </Group>
            </>
          ) : (
            <NativeSelect
              label={t('consent.form.legalBasis')}
              description={t('consent.form.legalBasisHint')}
              required
              value={v.legalBasisKey}
              onChange={(e) => form.setFieldValue('legalBasisKey', e.currentTarget.value)}
              data={[{ value: '', label: t('consent.choose') }, ...activeBases.map((b) => ({ value: b.key, label: b.label }))]}
              error={tr('legalBasisKey')}
              data-testid="consent-legal-basis"
            />
          )}
          <DateField label={t('consent.form.endsOn')} description={t('consent.form.endsOnHint')} value={v.endsOn} onChange={(d) => form.setFieldValue('endsOn', d)} error={tr('endsOn')} maw={360} data-testid="consent-ends-on" />
          <ErrorAlert error={otherError} />
          {(isValidation(save.error) || isValidation(preview.error)) && (
            <Text size="sm" c="red">
              {t('errors.VALIDATION_FAILED')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            {v.basis === 'consent' && (
              <Button variant="light" onClick={() => preview.mutate()} loading={preview.isPending} data-testid="consent-preview">
                {t('consent.form.preview')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending} data-testid="consent-save">
              {t('consent.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConsentFormPreview html={formHtml} onClose={() => setFormHtml(null)} />
    </Paper>
  )
}
