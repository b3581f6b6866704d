import { Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientView, ContactView } from '../../../../shared/contract/relations'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { ClientForm } from './ClientForm'
import { ContactForm } from './ContactForm'
import { formatDate } from '../../../../shared/time'
import { formatPhone } from '../../../../shared/validation/phone'
import { queryKeys } from '../../api/queryKeys'

/**
 * one client — its details (editable), its contact persons with their function, and the
 * persons placed with it. Opening it is audited (`client.view`): contact persons are people too.
 */
export function ClientDetailScreen({ clientId, navigate }: { clientId: string } & Pick<ScreenProps, 'navigate'>) {
  const { t, i18n } = useTranslation()
  const [editing, setEditing] = useState(false)
  const detail = useQuery({ queryKey: queryKeys.client(clientId), queryFn: () => call('getClient', { clientId }), enabled: clientId !== '' })
  const back = (
    <Button variant="default" onClick={() => navigate('clients')} data-testid="client-back">
      {t('relations.client.back')}
    </Button>
  )
  if (detail.isPending) return <Loader />
  if (detail.error) {
    return (
      <Stack maw={640}>
        <ErrorAlert error={detail.error} />
        <Group>{back}</Group>
      </Stack>
    )
  }
  const { client, contacts, assignments } = detail.data

  return (
    <Stack gap="md" data-testid="client-screen">
      <Group justify="space-between">
        <Title order={1} data-testid="client-title">
          {client.name}
        </Title>
        {back}
      </Group>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('relations.client.details')}</Title>
          {!editing && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="client-edit">
              {t('relations.client.edit')}
            </Button>
          )}
        </Group>
        {editing ? <ClientForm client={client} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} /> : <ClientDetails client={client} />}
      </Paper>
      <ContactsSection clientId={client.id} contacts={contacts} />
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('relations.assignments.title')}
        </Title>
        {assignments.length === 0 ? (
          <Text c="dimmed">{t('relations.assignments.empty')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} data-testid="client-assignments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('relations.assignments.person')}</Table.Th>
                <Table.Th>{t('relations.assignments.kind')}</Table.Th>
                <Table.Th>{t('relations.assignments.start')}</Table.Th>
                <Table.Th>{t('relations.assignments.end')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.map((a) => (
                <Table.Tr key={a.employmentId}>
                  <Table.Td>{a.personName}</Table.Td>
                  <Table.Td>{t(`people.employmentKind.${a.kind}`)}</Table.Td>
                  <Table.Td>{formatDate(a.start, i18n.language)}</Table.Td>
                  <Table.Td>{a.end ? formatDate(a.end, i18n.language) : t('relations.assignments.ongoing')}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button size="compact-xs" variant="subtle" onClick={() => navigate('share-person', { personId: a.personId, clientId: client.id })} data-testid={`assignment-share-${a.employmentId}`}>
                        {t('relations.share.button')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}

function ClientDetails({ client }: { client: ClientView }) {
  const { t } = useTranslation()
  const address = [[client.street, client.houseNumber].filter(Boolean).join(' '), [client.postcode, client.city].filter(Boolean).join(' ')].filter(Boolean)
  const rows: [string, string][] = [
    [t('relations.client.address'), address.join('\n')],
    [t('relations.client.email'), client.email ?? ''],
    [t('relations.client.phone'), formatPhone(client.phone)]
  ]
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="client-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{value || '—'}</Text>
        </div>
      ))}
    </SimpleGrid>
  )
}

function ContactsSection({ clientId, contacts }: { clientId: string; contacts: ContactView[] }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  // `contact` is kept while the dialog closes, so its title does not change during the fade-out
  const [dialog, setDialog] = useState<{ open: boolean; contact: ContactView | null }>({ open: false, contact: null })
  const closeDialog = () => setDialog((d) => ({ ...d, open: false }))
  const [removing, setRemoving] = useState<ContactView | null>(null)
  const remove = useMutation({
    mutationFn: (contactId: string) => call('removeClientContact', { contactId }),
    onSuccess: () => {
      setRemoving(null)
      void qc.invalidateQueries({ queryKey: queryKeys.client(clientId) })
      void qc.invalidateQueries({ queryKey: queryKeys.clients.all })
    }
  })
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('relations.contacts.title')}</Title>
        <Button size="xs" variant="light" onClick={() => setDialog({ open: true, contact: null })} data-testid="contact-add">
          {t('relations.contacts.add')}
        </Button>
      </Group>
      {contacts.length === 0 ? (
        <Text c="dimmed">{t('relations.contacts.empty')}</Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="client-contacts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.contacts.name')}</Table.Th>
              <Table.Th>{t('relations.contacts.function')}</Table.Th>
              <Table.Th>{t('relations.contacts.email')}</Table.Th>
              <Table.Th>{t('relations.contacts.phone')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.givenName} {c.familyName}
                </Table.Td>
                <Table.Td>{c.function ?? ''}</Table.Td>
                <Table.Td>{c.email ?? ''}</Table.Td>
                <Table.Td>{formatPhone(c.phone)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ open: true, contact: c })}>
                      {t('relations.contacts.edit')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(c)}>
                      {t('relations.contacts.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={dialog.open} onClose={closeDialog} title={dialog.contact ? t('relations.contacts.editTitle') : t('relations.contacts.add')} size="lg">
        {dialog.open && <ContactForm clientId={clientId} {...(dialog.contact ? { contact: dialog.contact } : {})} onDone={closeDialog} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('relations.contacts.remove')}>
        {removing && (
          <Stack>
            <Text>{t('relations.contacts.removeConfirm', { name: `${removing.givenName} ${removing.familyName}` })}</Text>
            <ErrorAlert error={remove.error} />
            <Group>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(removing.id)} data-autofocus>
                {t('relations.contacts.removeYes')}
              </Button>
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  )
}
