import { Badge, Button, Checkbox, Group, Paper, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type Contract, contract } from '../../../shared/contract'
import type { InputOf } from '../../../shared/contract/operation'
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain'
import { call, fieldErrors } from '../api/call'
import { ErrorAlert } from '../components/ErrorAlert'
import { translatedErrors } from '../forms/translatedErrors'
import { queryKeys } from '../api/queryKeys'
import { schemaResolver } from '../forms/schemaResolver'

interface Values {
  username: string
  displayName: string
  roles: StaffRole[]
  passphrase: string
}

/** What addAccount gets: the display name defaults to the account name. */
const addInput = (v: Values): InputOf<Contract['addAccount']> => ({ ...v, displayName: v.displayName || v.username })
const validateAdd = schemaResolver(contract.addAccount.input)

/** Admin: staff accounts — add with roles and a first passphrase, disable. */
export function AccountsScreen() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: () => call('listAccounts', {}) })
  // addAccount's own rules (account name, at least one role, R-21 passphrase length).
  const form = useForm<Values>({ initialValues: { username: '', displayName: '', roles: ['staff'], passphrase: '' }, validate: (v) => translatedErrors(validateAdd(addInput(v)), t) })
  const add = useMutation({
    mutationFn: (v: Values) => call('addAccount', addInput(v)),
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
    <Stack data-testid="accounts-screen">
      <Title order={1}>{t('nav.accounts')}</Title>
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
        <form noValidate onSubmit={form.onSubmit((v) => add.mutate(v))}>
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
