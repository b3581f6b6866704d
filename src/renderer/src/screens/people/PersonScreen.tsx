/**
 * A person's record (R-1..R-3, R-6, R-7, R-24; every opening is audited by the service): header
 * with roles, retention state and the retention line, and tabs for personal data, work, attachments,
 * sharing, consent and history. A shielded record opens only for a privacy officer who
 * states a reason; that reason goes with every call this screen makes for the person.
 * while the processing is restricted the tabs are read-only (a disabled fieldset) for
 * everyone; a privacy officer lifts the restriction in the panel under the header.
 */
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ConsentTab } from '../consent/ConsentTab'
import type { ScreenProps } from '../screenTypes'
import { AttachmentsTab } from './AttachmentsTab'
import { HistoryTab } from './HistoryTab'
import { PersonHeader } from './PersonHeader'
import { PersonReadOnly } from './PersonReadOnly'
import { PersonalTab } from './PersonalTab'
import { ProcessingLimitsPanel, useProcessingLimits } from './ProcessingLimitsPanel'
import { SharingTab } from './SharingTab'
import { WorkTab } from './WorkTab'
import { queryKeys } from '../../api/queryKeys'

export const PERSON_TABS = ['personal', 'work', 'attachments', 'sharing', 'consent', 'history'] as const
export type PersonTab = (typeof PERSON_TABS)[number]

export function PersonScreen({ session, navigate, params }: ScreenProps) {
  const { t } = useTranslation()
  const personId = params['personId'] ?? ''
  const initialTab = (PERSON_TABS as readonly string[]).includes(params['tab'] ?? '') ? (params['tab'] as PersonTab) : 'personal'
  const [tab, setTab] = useState<PersonTab>(initialTab)
  const [openReason, setOpenReason] = useState<string | undefined>(undefined)
  const person = useQuery({
    queryKey: queryKeys.person.opened(personId, openReason ?? null),
    queryFn: () => call('getPerson', { personId, ...(openReason ? { reason: openReason } : {}) }),
    enabled: personId !== ''
  })
  const limits = useProcessingLimits(personId, openReason)

  if (person.isPending) return <Loader />
  if (person.error) {
    const e = person.error
    if (e instanceof ApiError && e.code === 'RETENTION_SHIELDED' && e.detail?.['reasonRequired'] === true) {
      return <ShieldedReasonPrompt onOpen={setOpenReason} onBack={() => navigate('records')} />
    }
    return (
      <Stack maw={640}>
        <ErrorAlert error={e} />
        <Group>
          <Button variant="default" onClick={() => navigate('records')}>
            {t('person.backToRecords')}
          </Button>
        </Group>
      </Stack>
    )
  }
  const p = person.data
  // a restriction makes the record read-only too, until a privacy officer lifts it.
  const restricted = limits.data?.restricted === true
  const readOnly = p.state !== 'active' || restricted
  return (
    <PersonReadOnly.Provider value={readOnly}>
      <Stack gap="md" data-testid="person-screen" data-person-id={p.id} data-restricted={restricted}>
        <BackLink from={params['from']} navigate={navigate} />
        <PersonHeader person={p} session={session} navigate={navigate} restricted={restricted} focusTitle={params['focus'] === 'title'} />
        {limits.data && <ProcessingLimitsPanel person={p} session={session} limits={limits.data.limits} />}
        {p.state !== 'active' && (
          <Alert color="orange" variant="light" data-testid="person-read-only">
            {t('person.readOnly')}
          </Alert>
        )}
        <Tabs value={tab} onChange={(v) => v && setTab(v as PersonTab)} keepMounted={false}>
          <Tabs.List>
            {PERSON_TABS.map((id) => (
              <Tabs.Tab key={id} value={id} data-testid={`tab-${id}`}>
                {t(`person.tab.${id}`)}
                {id === 'attachments' && p.attachments.length > 0 ? ` (${p.attachments.length})` : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Paper withBorder p="md" mt="sm" style={{ borderTop: 0 }}>
            {restricted && (
              <Text size="sm" c="dimmed" mb="sm" data-testid="restricted-read-only">
                {t('restrictions.readOnly')}
              </Text>
            )}
            <fieldset disabled={restricted} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} data-testid="person-tabs-fieldset">
            <Tabs.Panel value="personal">
              <PersonalTab person={p} openReason={openReason} onOpenSpecialData={() => setTab('consent')} />
            </Tabs.Panel>
            <Tabs.Panel value="work">
              <WorkTab person={p} openReason={openReason} />
            </Tabs.Panel>
            <Tabs.Panel value="attachments">
              <AttachmentsTab person={p} openReason={openReason} attachmentError={params['attachmentError']} />
            </Tabs.Panel>
            <Tabs.Panel value="sharing">
              <SharingTab personId={p.id} openReason={openReason} />
            </Tabs.Panel>
            <Tabs.Panel value="consent">
              <ConsentTab personId={p.id} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryTab person={p} openReason={openReason} />
            </Tabs.Panel>
            </fieldset>
          </Paper>
        </Tabs>
      </Stack>
    </PersonReadOnly.Provider>
  )
}

/**
 * Issue 16: the way back to where the person was opened from — the search results as they were
 * left (recordsSearch.ts keeps query, filters, sort and scroll position), or another screen.
 */
function BackLink({ from = 'records', navigate }: { from: string | undefined; navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation()
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => navigate(from, from === 'records' ? { restore: '1' } : {})} data-testid="person-back" style={{ alignSelf: 'flex-start' }}>
      ← {from === 'records' ? t('person.backToSearch') : t(`nav.${from}`)}
    </Anchor>
  )
}

/** a privacy officer states why a shielded record is opened (audited with the reason). */
function ShieldedReasonPrompt({ onOpen, onBack }: { onOpen: (reason: string) => void; onBack: () => void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  return (
    <Paper withBorder p="lg" maw={640}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!reason.trim()) setError(t('validation.required'))
          else onOpen(reason.trim())
        }}
      >
        <Stack>
          <Title order={1} size="h3">{t('person.shielded.title')}</Title>
          <Alert color="orange" variant="light">
            {t('person.shielded.body')}
          </Alert>
          <TextInput label={t('person.shielded.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} autoFocus data-testid="shielded-reason" />
          <Group>
            <Button type="submit" data-testid="shielded-open">
              {t('person.shielded.open')}
            </Button>
            <Button variant="default" onClick={onBack}>
              {t('person.backToRecords')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('person.shielded.audited')}
          </Text>
        </Stack>
      </form>
    </Paper>
  )
}
