import { Button, Modal, Radio, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import { SUBJECT_REQUEST_KINDS, type SubjectRequestKind } from '../../../../shared/contract/rights'
import { call, fieldErrors } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PersonPicker } from '../../components/PersonPicker'
import { translatedErrors } from '../../forms/translatedErrors'
import { amsterdamToday, formatDate } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'

const validateRequest = schemaResolver(contract.createRequest.input)

type Who = 'person' | 'pending'
interface Values {
  kind: SubjectRequestKind
  receivedOn: string
  identityCheck: string
  who: Who
  personId: string | null
}

/**
 * Registers a data-subject request (GDPR art. 12(3)): kind, received date, and whom it concerns —
 * a person chosen by name or reference, or "identity being checked" (R-29; the person is linked
 * later). From a person's screen (`personId`) the person is given. With `kinds` limited to
 * `access`, office staff log a request made at the desk.
 */
export function NewRequestModal({
  opened,
  onClose,
  personId,
  kinds = SUBJECT_REQUEST_KINDS
}: {
  opened: boolean
  onClose: () => void
  personId?: string | undefined
  kinds?: readonly SubjectRequestKind[]
}) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [today] = useState(() => amsterdamToday(Date.now()))
  const input = (v: Values) => {
    const chosen = personId ?? (v.who === 'person' ? v.personId : null)
    return { kind: v.kind, receivedOn: v.receivedOn, ...(v.identityCheck.trim() ? { identityCheck: v.identityCheck } : {}), ...(chosen ? { personId: chosen } : {}) }
  }
  // createRequest's own rules (a calendar date, a known kind), and a person when one is to be named, before any save.
  const form = useForm<Values>({
    initialValues: { kind: kinds[0] ?? 'access', receivedOn: today, identityCheck: '', who: 'person', personId: null },
    validate: (v) => ({
      ...translatedErrors(validateRequest(input(v)), t),
      ...(!personId && v.who === 'person' && !v.personId ? { personId: t('rights.requests.personRequired') } : {})
    })
  })
  const create = useMutation({
    mutationFn: (v: Values) => call('createRequest', input(v)),
    onSuccess: (created) => {
      notifications.show({ color: 'teal', message: t('rights.requests.created', { date: formatDate(created.deadline, i18n.language) }) })
      void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
      form.reset()
      onClose()
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  return (
    <Modal opened={opened} onClose={onClose} title={t('rights.requests.newTitle')} centered size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack>
          <ErrorAlert error={create.error} />
          <Select
            label={t('rights.requests.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`rights.requests.kinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            data-testid="request-kind"
          />
          {!personId && (
            <>
              <Radio.Group label={t('rights.requests.who')} {...form.getInputProps('who')} data-testid="request-who">
                <Stack gap={6} mt={6}>
                  <Radio value="person" label={t('rights.requests.whoPerson')} data-testid="request-who-person" />
                  <Radio value="pending" label={t('rights.requests.whoPending')} data-testid="request-who-pending" />
                </Stack>
              </Radio.Group>
              {form.values.who === 'person' && (
                <PersonPicker
                  label={t('rights.requests.person')}
                  value={form.values.personId}
                  onChange={(v) => form.setFieldValue('personId', v)}
                  error={form.errors['personId'] as string | undefined}
                  includeShielded
                  required
                  testId="request-person"
                />
              )}
            </>
          )}
          <DateField
            label={t('rights.requests.receivedOn')}
            required
            value={form.values.receivedOn}
            onChange={(v) => form.setFieldValue('receivedOn', v)}
            error={form.errors['receivedOn']}
            data-testid="request-received"
          />
          <TextInput
            label={form.values.who === 'pending' && !personId ? t('rights.requests.identityPendingNote') : t('rights.requests.identityCheck')}
            placeholder={t('rights.requests.identityPlaceholder')}
            {...form.getInputProps('identityCheck')}
            data-testid="request-identity"
          />
          <Button type="submit" loading={create.isPending} data-testid="request-submit">
            {t('rights.requests.newSubmit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  )
}
