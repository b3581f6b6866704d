import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { ClientForm } from './ClientForm'
import { queryKeys } from '../../api/queryKeys'

/** the client companies (opdrachtgevers), searchable by name or city; a new one in a dialog. */
export function ClientsScreen({ navigate }: Pick<ScreenProps, 'navigate'>) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 200)
  const [adding, setAdding] = useState(false)
  const clients = useQuery({ queryKey: queryKeys.clients.list(debounced), queryFn: () => call('listClients', debounced ? { query: debounced } : {}) })
  const open = (clientId: string) => navigate('client', { clientId })
  const items = clients.data ?? []

  return (
    <Stack gap="md" data-testid="clients-screen">
      <Group justify="space-between">
        <Title order={1}>{t('relations.clients.title')}</Title>
        <Button onClick={() => setAdding(true)} data-testid="client-add">
          {t('relations.clients.add')}
        </Button>
      </Group>
      <TextInput
        placeholder={t('relations.clients.search')}
        aria-label={t('relations.clients.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
        maw={420}
        data-testid="clients-search"
      />
      <ErrorAlert error={clients.error} />
      {clients.isSuccess && items.length === 0 ? (
        <Text c="dimmed">{debounced ? t('relations.clients.noMatch') : t('relations.clients.empty')}</Text>
      ) : (
        <Table highlightOnHover withTableBorder verticalSpacing={6} data-testid="clients-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.client.name')}</Table.Th>
              <Table.Th>{t('relations.client.city')}</Table.Th>
              <Table.Th w={160}>{t('relations.clients.contactCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} onClick={() => open(c.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {/* a real button: Tab reaches it, Enter opens */}
                  <Anchor component="button" type="button" onClick={(e) => (e.stopPropagation(), open(c.id))} fw={500}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.city ?? ''}</Table.Td>
                <Table.Td>{c.contactCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('relations.client.newTitle')} size="lg">
        <ClientForm onSaved={open} onCancel={() => setAdding(false)} />
      </Modal>
    </Stack>
  )
}
