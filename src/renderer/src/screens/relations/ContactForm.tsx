import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '../../../../shared/validation/phone'
import { type ContactView, contactChangesSchema, contactInputSchema } from '../../../../shared/contract/relations'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { translatedErrors } from '../../forms/translatedErrors'
import { issueErrors } from './issueErrors'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'

const EMPTY = { givenName: '', familyName: '', function: '', email: '', phone: '' }
type Values = typeof EMPTY

/** a contact person of a client — name, function, e-mail, phone; new or changed. */
export function ContactForm({ clientId, contact, onDone }: { clientId: string; contact?: ContactView; onDone: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  // The contract's rules for a new contact or its changes (names, e-mail, phone…), before any save; the service checks again.
  const validate = schemaResolver(contact ? contactChangesSchema : contactInputSchema)
  const form = useForm<Values>({
    initialValues: contact
      ? { givenName: contact.givenName, familyName: contact.familyName, function: contact.function ?? '', email: contact.email ?? '', phone: formatPhone(contact.phone) }
      : EMPTY,
    validate: (v) => translatedErrors(validate(v), t)
  })
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (contact) await call('updateClientContact', { contactId: contact.id, changes: v })
      else await call('addClientContact', { clientId, ...v })
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.client(clientId) })
      void qc.invalidateQueries({ queryKey: queryKeys.clients.all })
      onDone()
    },
    onError: (e) => form.setErrors(issueErrors(e, t, contact ? 'changes.' : ''))
  })
  const field = (name: keyof Values) => ({ label: t(`relations.contacts.${name}`), 'data-testid': `contact-${name}`, ...form.getInputProps(name) })
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <Group grow align="flex-start">
          <TextInput {...field('givenName')} required autoFocus />
          <TextInput {...field('familyName')} required />
        </Group>
        <TextInput {...field('function')} />
        <TextInput {...field('email')} type="email" />
        <TextInput {...field('phone')} type="tel" />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="contact-save">
            {t('relations.contacts.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
