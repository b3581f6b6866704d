import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call, fieldErrors } from '../api/call'
import { ErrorAlert } from '../components/ErrorAlert'

/** Once chosen: this desk has no vault to make; what happens next. */
export function ServerChosen({ restarting }: { restarting: boolean }) {
  const { t } = useTranslation()
  return (
    <Stack>
      <Title order={1}>{t('serverChoice.chosenTitle')}</Title>
      <Alert color="teal" role="status" data-testid="server-chosen">
        {t(restarting ? 'serverChoice.restarting' : 'serverChoice.restartYourself')}
      </Alert>
    </Stack>
  )
}

/**
 * The first run's other choice (issue 17): no vault on this computer, but the office's shared
 * server. The address is checked by main (postgres://, verify-full over the network) and the error
 * shown next to the field; nothing typed is lost on a refusal.
 */
export function ServerChoice({ onChosen }: { onChosen: (r: { restarting: boolean }) => void }) {
  const { t } = useTranslation()
  const form = useForm({ initialValues: { url: '' } })
  const choose = useMutation({
    mutationFn: (v: { url: string }) => call('chooseOfficeServer', v),
    onSuccess: (r) => onChosen(r),
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => choose.mutate(v))}>
      <Stack>
        <Title order={2} size="h4">
          {t('serverChoice.title')}
        </Title>
        <Text size="sm">{t('serverChoice.intro')}</Text>
        <ErrorAlert error={choose.error} />
        <TextInput label={t('serverChoice.url')} description={t('serverChoice.urlHint')} required data-testid="server-url" {...form.getInputProps('url')} />
        <Button type="submit" variant="default" loading={choose.isPending} data-testid="server-choose">
          {t('serverChoice.submit')}
        </Button>
      </Stack>
    </form>
  )
}
