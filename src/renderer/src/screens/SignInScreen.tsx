import { Button, Center, Paper, PasswordInput, Stack, TextInput, Title, Group, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../api/call'
import { ErrorAlert } from '../components/ErrorAlert'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { queryKeys } from '../api/queryKeys'

export function SignInScreen() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const form = useForm({ initialValues: { username: '', passphrase: '' } })
  const signIn = useMutation({
    mutationFn: (v: { username: string; passphrase: string }) => call('signIn', v),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.appState }),
    onError: () => form.setFieldValue('passphrase', '')
  })
  return (
    <Center component="main" h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form noValidate onSubmit={form.onSubmit((v) => signIn.mutate(v))}>
          <Stack>
            <Group justify="space-between">
              <Title order={1}>{t('signIn.title')}</Title>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed" size="sm">{t('app.tagline')}</Text>
            <ErrorAlert error={signIn.error} />
            <TextInput label={t('signIn.username')} autoFocus autoComplete="username" data-testid="signin-username" {...form.getInputProps('username')} />
            <PasswordInput label={t('signIn.passphrase')} autoComplete="current-password" data-testid="signin-passphrase" {...form.getInputProps('passphrase')} />
            <Button type="submit" loading={signIn.isPending} data-testid="signin-submit">
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
