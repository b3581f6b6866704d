import { Alert, Button, Center, Checkbox, Code, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Contract, contract } from '../../../shared/contract'
import type { InputOf } from '../../../shared/contract/operation'
import { call, fieldErrors } from '../api/call'
import { ErrorAlert } from '../components/ErrorAlert'
import { translatedErrors } from '../forms/translatedErrors'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { queryKeys } from '../api/queryKeys'
import { schemaResolver } from '../forms/schemaResolver'
import { ServerChoice, ServerChosen } from './ServerChoice'

interface Values {
  username: string
  displayName: string
  passphrase: string
  repeat: string
}

/** What setupVault gets: the display name defaults to the account name. */
const setupInput = (v: Values): InputOf<Contract['setupVault']> => ({ username: v.username, displayName: v.displayName || v.username, passphrase: v.passphrase })
const validateSetup = schemaResolver(contract.setupVault.input)

/** First run: create the vault and the first account, then show the recovery key once. */
export function SetupScreen() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null)
  const [stored, setStored] = useState(false)
  const [serverChosen, setServerChosen] = useState<{ restarting: boolean } | null>(null)
  const form = useForm<Values>({
    initialValues: { username: '', displayName: '', passphrase: '', repeat: '' },
    // setupVault's own rules (R-21 passphrase length, account name), and the repeat, which only this screen asks.
    validate: (v) => {
      return translatedErrors({ ...validateSetup(setupInput(v)), ...(v.repeat !== v.passphrase ? { repeat: 'setup.mismatch' } : {}) }, t)
    }
  })
  const setup = useMutation({
    mutationFn: (v: Values) => call('setupVault', setupInput(v)),
    onSuccess: (r) => setRecoveryKey(r.recoveryKey),
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })

  if (recoveryKey) {
    return (
      <Center component="main" h="100vh" bg="gray.0">
        <Paper withBorder shadow="sm" p="xl" w={560}>
          <Stack>
            <Title order={1}>{t('setup.recoveryTitle')}</Title>
            <Alert color="yellow">{t('setup.recoveryIntro')}</Alert>
            <Code block fz="md" data-testid="recovery-key" ta="center" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', letterSpacing: 1 }}>
              {recoveryKey}
            </Code>
            <Group>
              <Button variant="default" onClick={() => window.print()}>
                {t('setup.recoveryPrint')}
              </Button>
            </Group>
            <Checkbox label={t('setup.recoveryConfirm')} checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} data-testid="recovery-stored" />
            <Button disabled={!stored} onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.appState })} data-testid="recovery-continue">
              {t('setup.recoveryContinue')}
            </Button>
          </Stack>
        </Paper>
      </Center>
    )
  }

  if (serverChosen) {
    return (
      <Center component="main" h="100vh" bg="gray.0">
        <Paper withBorder shadow="sm" p="xl" w={520}>
          <ServerChosen restarting={serverChosen.restarting} />
        </Paper>
      </Center>
    )
  }

  return (
    <Center component="main" h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={520}>
        <form noValidate onSubmit={form.onSubmit((v) => setup.mutate(v))}>
          <Stack>
            <Group justify="space-between">
              <Title order={1}>{t('setup.title')}</Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm">{t('setup.intro')}</Text>
            <ErrorAlert error={setup.error} />
            <TextInput label={t('setup.username')} autoFocus required data-testid="setup-username" {...form.getInputProps('username')} />
            <TextInput label={t('setup.displayName')} data-testid="setup-displayname" {...form.getInputProps('displayName')} />
            <PasswordInput label={t('setup.passphrase')} required data-testid="setup-passphrase" {...form.getInputProps('passphrase')} />
            <PasswordInput label={t('setup.passphraseRepeat')} required data-testid="setup-repeat" {...form.getInputProps('repeat')} />
            <Button type="submit" loading={setup.isPending} data-testid="setup-submit">
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
        <Divider my="lg" />
        <ServerChoice onChosen={setServerChosen} />
      </Paper>
    </Center>
  )
}
