import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '../../../../shared/validation/phone'
import { type ClientView, clientChangesSchema, clientInputSchema } from '../../../../shared/contract/relations'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { translatedErrors } from '../../forms/translatedErrors'
import { issueErrors } from './issueErrors'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'

const EMPTY = { name: '', street: '', houseNumber: '', postcode: '', city: '', email: '', phone: '' }
type Values = typeof EMPTY

/**
 * a client's name, NAW, e-mail and phone — new (`client` absent) or changed. The service
 * validates and normalises (postcode `1234 AB`, phone E.164, e-mail lower case) with the shared
 * schemas; its field issues appear next to the fields. A blank field is "not given" on create and
 * "cleared" on change.
 */
export function ClientForm({ client, onSaved, onCancel }: { client?: ClientView; onSaved: (clientId: string) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  // The contract's rules for a new client or its changes (postcode, e-mail, phone…), before any save; the service checks again.
  const validate = schemaResolver(client ? clientChangesSchema : clientInputSchema)
  const form = useForm<Values>({
    initialValues: client
      ? { name: client.name, street: client.street ?? '', houseNumber: client.houseNumber ?? '', postcode: client.postcode ?? '', city: client.city ?? '', email: client.email ?? '', phone: formatPhone(client.phone) }
      : EMPTY,
    validate: (v) => translatedErrors(validate(v), t)
  })
  const save = useMutation({
    mutationFn: async (v: Values) => (client ? (await call('updateClient', { clientId: client.id, changes: v })).clientId : (await call('createClient', v)).clientId),
    onSuccess: (clientId) => {
      void qc.invalidateQueries({ queryKey: queryKeys.clients.all })
      void qc.invalidateQueries({ queryKey: queryKeys.client(clientId) })
      onSaved(clientId)
    },
    onError: (e) => form.setErrors(issueErrors(e, t, client ? 'changes.' : ''))
  })
  const field = (name: keyof Values) => ({ label: t(`relations.client.${name}`), 'data-testid': `client-${name}`, ...form.getInputProps(name) })
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <TextInput {...field('name')} required autoFocus />
        <Group align="flex-start" wrap="nowrap">
          <TextInput {...field('street')} style={{ flex: 1 }} />
          <TextInput {...field('houseNumber')} w={140} />
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <TextInput {...field('postcode')} w={170} />
          <TextInput {...field('city')} style={{ flex: 1 }} />
        </Group>
        <TextInput {...field('email')} type="email" />
        <TextInput {...field('phone')} type="tel" />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="client-save">
            {client ? t('relations.client.save') : t('relations.client.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
