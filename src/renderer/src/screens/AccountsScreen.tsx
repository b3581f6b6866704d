import { Badge, Button, Checkbox, Group, Paper, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain'
import { call, fieldErrors } from '../api/call'
import { ErrorAlert } from '../components/ErrorAlert'
import { queryKeys } from '../api/queryKeys'

/** Admin: staff accounts — add with roles and a first passphrase, disable. */
export function AccountsScreen() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: () => call('listAccounts', {}) })
  const form = useForm({ initialValues: { username: '', displayName: '', roles: ['staff'] as StaffRole[], passphrase: '' } })
  const add = useMutation({
    mutationFn: (v: typeof form.values) => call('addAccount', { ...v, displayName: v.displayName || v.username }),
    onSuccess: () => {
      form.reset()
      void qc.invalidateQueries({ queryKey: queryKeys.accounts })
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  const disable = useMutation({
    mutationFn: (id: string) => call('setAccountDisabled', { accountId: id, disabled: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.accounts })
  })
  return (
    <Stack>
      <Title order={2}>{t('nav.accounts')}</Title>
      <ErrorAlert error={accounts.error ?? disable.error} />
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.username')}</Table.Th>
            <Table.Th>{t('accounts.displayName')}</Table.Th>
            <Table.Th>{t('accounts.roles')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(accounts.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.username}</Table.Td>
              <Table.Td>{a.displayName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.roles.map((r) => (
                    <Badge key={r} size="xs" variant="light">
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                  {a.disabled && <Badge color="gray">{t('accounts.disabled')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                {!a.disabled && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => disable.mutate(a.id)}>
                    {t('accounts.disable')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md" maw={520}>
        <form onSubmit={form.onSubmit((v) => add.mutate(v))}>
          <Stack>
            <Title order={4}>{t('accounts.add')}</Title>
            <ErrorAlert error={add.error} />
            <TextInput label={t('accounts.username')} required {...form.getInputProps('username')} />
            <TextInput label={t('accounts.displayName')} {...form.getInputProps('displayName')} />
            <Checkbox.Group label={t('accounts.roles')} {...form.getInputProps('roles')}>
              <Group mt={4}>
                {STAFF_ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <PasswordInput label={t('accounts.passphrase')} required {...form.getInputProps('passphrase')} />
            <Button type="submit" loading={add.isPending}>
              {t('accounts.add')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
