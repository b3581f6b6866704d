import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SubjectRequestView } from '../../../../shared/contract/rights'
import { call, fieldErrors } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PersonPicker } from '../../components/PersonPicker'
import type { ScreenProps } from '../screenTypes'
import { ErasureApprovals } from './ErasureApprovals'
import { addCalendarMonths, amsterdamToday, formatDate } from '../../../../shared/time'
import { NewRequestModal } from './NewRequestModal'
import { queryKeys } from '../../api/queryKeys'

/**
 * The request register (GDPR art. 12(3)) for the privacy officer: open requests by deadline,
 * overdue ones in red; register (naming the person, or "identity being checked" and link it later,
 * R-29), extend once with a reason and the date the person was told, close; open the person's access
 * report or erasure from the request. Erasures awaiting a second privacy officer are listed too.
 */
export function RequestsScreen({ navigate }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [includeClosed, setIncludeClosed] = useState(false)
  const [newOpen, setNewOpen] = useState(false)
  const [extending, setExtending] = useState<SubjectRequestView | null>(null)
  const [linking, setLinking] = useState<SubjectRequestView | null>(null)
  const list = useQuery({ queryKey: queryKeys.subjectRequests.list(includeClosed), queryFn: () => call('listRequests', { includeClosed }) })
  const close = useMutation({
    mutationFn: (v: { id: string; status: 'done' | 'rejected' }) => call('closeRequest', v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
  })
  const requests = list.data?.requests ?? []

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('rights.requests.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('rights.requests.intro')}
          </Text>
        </Stack>
        <Button onClick={() => setNewOpen(true)} data-testid="request-new">
          {t('rights.requests.newTitle')}
        </Button>
      </Group>
      <Checkbox label={t('rights.requests.includeClosed')} checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} />
      <ErrorAlert error={list.error ?? close.error} />
      {list.data && requests.length === 0 && <Text c="dimmed">{t('rights.requests.empty')}</Text>}
      {requests.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="request-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rights.requests.dueOn')}</Table.Th>
                <Table.Th>{t('rights.requests.kind')}</Table.Th>
                <Table.Th>{t('rights.requests.person')}</Table.Th>
                <Table.Th>{t('rights.requests.receivedOn')}</Table.Th>
                <Table.Th>{t('rights.requests.identityCheck')}</Table.Th>
                <Table.Th>{t('rights.requests.status')}</Table.Th>
                <Table.Th>{t('rights.requests.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((r) => {
                const open = r.status === 'open'
                const reachable = r.personId !== null && r.personState !== 'deleted'
                return (
                  <Table.Tr key={r.id} data-testid="request-row" data-overdue={r.overdue} style={r.overdue ? { color: 'var(--mantine-color-red-8)', background: 'var(--mantine-color-red-0)' } : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Stack gap={2} align="flex-start">
                        <Text size="sm" fw={600} c={r.overdue ? 'red.8' : undefined}>
                          {formatDate(r.dueOn, i18n.language)}
                        </Text>
                        {r.overdue && (
                          <Badge color="red" size="sm" tt="none" data-testid="request-overdue">
                            {t('rights.requests.overdue')}
                          </Badge>
                        )}
                        {r.extendedTo && (
                          <Badge color="orange" variant="light" size="sm" tt="none" title={r.extensionReason ?? ''} data-testid="request-extended">
                            {t('rights.requests.extended')}
                          </Badge>
                        )}
                        {r.extensionToldOn && (
                          <Text size="xs" c="dimmed">
                            {t('rights.requests.toldOnShort', { date: formatDate(r.extensionToldOn, i18n.language) })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{t(`rights.requests.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td data-testid="request-person-cell">
                      {r.identityPending ? (
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" fs="italic">
                            {t('rights.requests.identityPending')}
                          </Text>
                          {open && (
                            <Button size="compact-xs" variant="light" onClick={() => setLinking(r)} data-testid="request-link">
                              {t('rights.requests.link')}
                            </Button>
                          )}
                        </Stack>
                      ) : (
                        (r.personName ?? (r.personState ? t(`rights.requests.personState.${r.personState}`) : t('rights.requests.noPerson')))
                      )}
                      {r.personRef && (
                        <Text size="xs" c="dimmed">
                          {r.personRef}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.receivedOn, i18n.language)}</Table.Td>
                    <Table.Td>{r.identityCheck}</Table.Td>
                    <Table.Td>
                      {t(`rights.requests.statuses.${r.status}`)}
                      {/* Documents produced for the request: report references, exports, erasure proof. */}
                      {[...new Set(r.documents.map((d) => d.reference))].map((reference) => (
                        <Text key={reference} size="xs" c="dimmed" data-testid="request-document">
                          {reference}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {reachable && (r.kind === 'access' || r.kind === 'portability') && (
                          <Button size="compact-xs" variant="light" onClick={() => navigate('access-report', { personId: r.personId! })} data-testid="request-open-report">
                            {t('rights.requests.openReport')}
                          </Button>
                        )}
                        {reachable && r.kind === 'erasure' && open && (
                          <Button size="compact-xs" variant="light" color="red" onClick={() => navigate('erasure', { personId: r.personId! })}>
                            {t('rights.requests.openErasure')}
                          </Button>
                        )}
                        {r.extendable && (
                          <Button size="compact-xs" variant="default" onClick={() => setExtending(r)} data-testid="request-extend">
                            {t('rights.requests.extend')}
                          </Button>
                        )}
                        {open && (
                          <>
                            <Button size="compact-xs" variant="default" onClick={() => close.mutate({ id: r.id, status: 'done' })} data-testid="request-done">
                              {t('rights.requests.close')}
                            </Button>
                            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => close.mutate({ id: r.id, status: 'rejected' })}>
                              {t('rights.requests.reject')}
                            </Button>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErasureApprovals />
      <NewRequestModal opened={newOpen} onClose={() => setNewOpen(false)} />
      {extending && <ExtendModal request={extending} onClose={() => setExtending(null)} />}
      {linking && <LinkPersonModal request={linking} onClose={() => setLinking(null)} />}
    </Stack>
  )
}

function ExtendModal({ request, onClose }: { request: SubjectRequestView; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [reason, setReason] = useState('')
  const [toldOn, setToldOn] = useState(() => amsterdamToday(Date.now()))
  const extend = useMutation({
    mutationFn: () => call('extendRequest', { id: request.id, reason, toldOn }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
      onClose()
    }
  })
  const errors = extend.error ? fieldErrors(extend.error, t) : {}
  return (
    <Modal opened onClose={onClose} title={t('rights.requests.extendTitle')} centered>
      <Stack>
        <Text size="sm">{t('rights.requests.extendTo', { date: formatDate(addCalendarMonths(request.deadline, 2), i18n.language) })}</Text>
        <ErrorAlert error={Object.keys(errors).length ? null : extend.error} />
        <Textarea label={t('rights.requests.extendReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors['reason']} data-testid="extend-reason" />
        <DateField label={t('rights.requests.toldOn')} required value={toldOn} onChange={setToldOn} error={errors['toldOn']} data-testid="extend-told" />
        <Button onClick={() => extend.mutate()} disabled={reason.trim() === '' || toldOn === ''} loading={extend.isPending} data-testid="extend-confirm">
          {t('rights.requests.extendConfirm')}
        </Button>
      </Stack>
    </Modal>
  )
}

/** the identity is established; name the person of the request. */
function LinkPersonModal({ request, onClose }: { request: SubjectRequestView; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [personId, setPersonId] = useState<string | null>(null)
  const [identityCheck, setIdentityCheck] = useState(request.identityCheck)
  const link = useMutation({
    mutationFn: (id: string) => call('linkRequestPerson', { id: request.id, personId: id, ...(identityCheck.trim() ? { identityCheck } : {}) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
      onClose()
    }
  })
  return (
    <Modal opened onClose={onClose} title={t('rights.requests.linkTitle')} centered size="lg">
      <Stack>
        <ErrorAlert error={link.error} />
        <PersonPicker label={t('rights.requests.person')} value={personId} onChange={setPersonId} includeShielded required testId="link-person" />
        <TextInput label={t('rights.requests.identityCheck')} placeholder={t('rights.requests.identityPlaceholder')} value={identityCheck} onChange={(e) => setIdentityCheck(e.currentTarget.value)} data-testid="link-identity" />
        <Button onClick={() => personId && link.mutate(personId)} disabled={personId === null} loading={link.isPending} data-testid="link-confirm">
          {t('rights.requests.linkConfirm')}
        </Button>
      </Stack>
    </Modal>
  )
}
