import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePersonReadOnly } from '../people/PersonReadOnly'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { AbsenceSection } from './AbsenceSection'
import { ConsentList } from './ConsentList'
import { RecordConsentForm } from './RecordConsentForm'
import { SpecialDataSection } from './SpecialDataSection'
import { useConsentAccess } from './useConsentAccess'
import { queryKeys } from '../../api/queryKeys'

/**
 * The consent tab of a person: consents and legal bases with their state, recording one
 * (with the printable form), withdrawal with one confirmation, the special-category data behind an
 * explicit click (audited), and absence registration. Mounted by the person detail and by the
 * hidden `consent-person` screen.
 */
export function ConsentTab({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const readOnly = usePersonReadOnly()
  const access = useConsentAccess()
  const [recording, setRecording] = useState(false)
  const list = useQuery({ queryKey: queryKeys.consents(personId), queryFn: () => call('listConsents', { personId }), enabled: access.desk })

  if (!access.desk) {
    return (
      <Alert color="gray" variant="light" data-testid="consent-no-access">
        {t('consent.noAccess')}
      </Alert>
    )
  }
  if (list.error) return <ErrorAlert error={list.error} />
  if (!list.data) return <Loader size="sm" />
  const { today, hasEmployment, consents } = list.data

  return (
    <Stack gap="xl" data-testid="consent-tab">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>{t('consent.list.title')}</Title>
          {!recording && !readOnly && (
            <Button onClick={() => setRecording(true)} data-testid="consent-record">
              {t('consent.action.record')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('consent.intro')}
        </Text>
        {recording && <RecordConsentForm personId={personId} today={today} hasEmployment={hasEmployment} onDone={() => setRecording(false)} />}
        <ConsentList personId={personId} consents={consents} canWrite />
      </Stack>
      <SpecialDataSection personId={personId} consents={consents} canWrite canView={access.officer} />
      <AbsenceSection personId={personId} today={today} hasEmployment={hasEmployment} canWrite />
    </Stack>
  )
}
