import { Alert, Button, Checkbox, NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView } from '../../../../shared/contract/governance'
import { call, fieldErrors } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { queryKeys } from '../../api/queryKeys'
import { contract } from '../../../../shared/contract'
import { schemaResolver } from '../../forms/schemaResolver'
import { translatedErrors } from '../../forms/translatedErrors'

/** R-25 agency contact details, R-21 idle lock, four-eyes erasure, attachment limit (admin). */
export function SettingsScreen({ session }: ScreenProps) {
  const { t } = useTranslation()
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: () => call('getSettings', {}) })
  const [saved, setSaved] = useState(false)
  return (
    <Stack data-testid="settings-screen">
      <Title order={1}>{t('governance.settings.title')}</Title>
      <ErrorAlert error={settings.error} />
      {saved && (
        <Alert color="green" maw={760} data-testid="settings-saved">
          {t('governance.settings.saved')}
        </Alert>
      )}
      {settings.data && (
        <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} canEdit={session.roles.includes('admin')} onSaved={() => setSaved(true)} onEdit={() => setSaved(false)} />
      )}
    </Stack>
  )
}

const validateSettings = schemaResolver(contract.updateSettings.input)

function SettingsForm({ settings, canEdit, onSaved, onEdit }: { settings: SettingsView; canEdit: boolean; onSaved: () => void; onEdit: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  // updateSettings' own rules (agency e-mail and phone, idle-lock bounds…) before any save.
  const form = useForm<SettingsView>({ initialValues: settings, onValuesChange: onEdit, validate: (v) => translatedErrors(validateSettings(v), t) })
  const save = useMutation({
    mutationFn: (v: SettingsView) => call('updateSettings', v),
    onSuccess: () => {
      onSaved()
      void qc.invalidateQueries({ queryKey: queryKeys.settings })
      // The idle lock is read with the app state.
      void qc.invalidateQueries({ queryKey: queryKeys.appState })
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  const L = 'governance.settings'
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack maw={760}>
        {!canEdit && <Alert color="gray">{t(`${L}.readOnly`)}</Alert>}
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t(`${L}.agency`)}</Title>
            <TextInput label={t(`${L}.name`)} required disabled={!canEdit} {...form.getInputProps('agency.name')} data-testid="settings-name" />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t(`${L}.email`)} required disabled={!canEdit} {...form.getInputProps('agency.email')} data-testid="settings-email" />
              <TextInput label={t(`${L}.phone`)} required disabled={!canEdit} {...form.getInputProps('agency.phone')} data-testid="settings-phone" />
            </SimpleGrid>
            <Textarea label={t(`${L}.address`)} autosize minRows={2} disabled={!canEdit} {...form.getInputProps('agency.address')} data-testid="settings-address" />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t(`${L}.security`)}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t(`${L}.idleLockMinutes`)} min={1} max={240} allowDecimal={false} disabled={!canEdit} {...form.getInputProps('idleLockMinutes')} data-testid="settings-idle" />
              <NumberInput label={t(`${L}.attachmentMaxMb`)} min={1} max={100} allowDecimal={false} disabled={!canEdit} {...form.getInputProps('attachmentMaxMb')} />
            </SimpleGrid>
            <Checkbox label={t(`${L}.fourEyesErasure`)} disabled={!canEdit} {...form.getInputProps('fourEyesErasure', { type: 'checkbox' })} />
          </Stack>
        </Paper>
        {canEdit && (
          <Button type="submit" loading={save.isPending} w="fit-content" data-testid="settings-save">
            {t('governance.common.save')}
          </Button>
        )}
      </Stack>
    </form>
  )
}
