import { Button, Modal, Select, Stack, TextInput } from '@mantine/core'
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
import { translatedErrors } from '../../forms/translatedErrors'
import { amsterdamToday, formatDate } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'

const validateRequest = schemaResolver(contract.createRequest.input)

/**
 * Registers a data-subject request (GDPR art. 12(3)): kind, received date, how the identity was
 * checked. With `kinds` limited to `access`, office staff log a request made at the desk.
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
  const input = (v: { kind: SubjectRequestKind; receivedOn: string; identityCheck: string }) => ({ ...v, ...(personId ? { personId } : {}) })
  const [today] = useState(() => amsterdamToday(Date.now()))
  // createRequest's own rules (a calendar date, the identity check written down), before any save.
  const form = useForm({
    initialValues: { kind: kinds[0] ?? 'access', receivedOn: today, identityCheck: '' },
    validate: (v) => translatedErrors(validateRequest(input(v)), t)
  })
  const create = useMutation({
    mutationFn: (v: typeof form.values) => call('createRequest', input(v)),
    onSuccess: (created) => {
      notifications.show({ color: 'teal', message: t('rights.requests.created', { date: formatDate(created.deadline, i18n.language) }) })
      void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
      form.reset()
      onClose()
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  return (
    <Modal opened={opened} onClose={onClose} title={t('rights.requests.newTitle')} centered>
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
          <DateField
            label={t('rights.requests.receivedOn')}
            required
            value={form.values.receivedOn}
            onChange={(v) => form.setFieldValue('receivedOn', v)}
            error={form.errors['receivedOn']}
            data-testid="request-received"
          />
          <TextInput
            label={t('rights.requests.identityCheck')}
            placeholder={t('rights.requests.identityPlaceholder')}
            required
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
