import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DO_NOT_CONTACT_REASONS, type DoNotContactReason, type PersonDetail } from '../../../../shared/contract/people'
import type { SessionInfo } from '../../../../shared/contract/session'
import { ApiError, call } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { amsterdamToday, formatDate, formatDateParams } from '../../../../shared/time'
import { StateBadge } from './StateBadge'
import { RestrictedBadge } from './ProcessingLimitsPanel'
import { queryKeys } from '../../api/queryKeys'

interface HeaderProps {
  person: PersonDetail
  /** processing restricted — a badge, and no unsubscribing (an edit) until lifted */
  restricted?: boolean
  session: SessionInfo
  navigate: (screen: string, params?: Record<string, string>) => void
  /** Move the focus to the person's name once shown (after an intake is saved). */
  focusTitle?: boolean
}

/** Name, roles, state, the retention line in plain words, and the record-level actions. */
export function PersonHeader({ person: p, session, navigate, restricted = false, focusTitle = false }: HeaderProps) {
  const { t, i18n } = useTranslation()
  const title = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusTitle) title.current?.focus()
  }, [focusTitle])
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} ref={title} tabIndex={-1} data-testid="person-name">
              {p.givenName} {p.familyName}
            </Title>
            <StateBadge state={p.state} />
            {restricted && <RestrictedBadge />}
          </Group>
          <Group gap={4}>
            {p.roles.map((r) => (
              <Badge key={r} variant="light" size="sm">
                {t(`people.role.${r}`)}
              </Badge>
            ))}
            {p.ref && (
              <Text size="sm" c="dimmed" ml="xs">
                {t('person.field.ref')}: {p.ref}
              </Text>
            )}
            {p.unsubscribedOn && (
              <Badge color="gray" variant="outline" size="sm" data-testid="unsubscribed-badge">
                {t('person.unsubscribedOn', { date: formatDate(p.unsubscribedOn, i18n.language) })}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => navigate('access-report', { personId: p.id })} data-testid="person-access-report">
            {t('person.action.accessReport')}
          </Button>
          <UnsubscribeAction person={p} disabled={restricted} />
          <DoNotContactAction person={p} navigate={navigate} />
        </Group>
      </Group>
      <RetentionLine personId={p.id} canSee={session.roles.includes('staff') || session.roles.includes('privacy_officer')} />
    </Stack>
  )
}

/** The retention state in plain words (retention capability's `getPersonRetention`, R-11..R-17). */
function RetentionLine({ personId, canSee }: { personId: string; canSee: boolean }) {
  const { t, i18n } = useTranslation()
  const retention = useQuery({ queryKey: queryKeys.personRetention(personId), queryFn: () => call('getPersonRetention', { personId }), enabled: canSee })
  if (!retention.data) return null
  const { explanation, deletionDate } = retention.data
  const params = formatDateParams(explanation.params, i18n.language)
  // Every key the evaluator can name has a text in both languages (a property test checks it);
  // should one still be missing, the line says the essentials rather than show a raw key.
  const text = i18n.exists(explanation.key)
    ? t(explanation.key, params)
    : deletionDate
      ? t('person.retention.deletionOn', { date: formatDate(deletionDate, i18n.language) })
      : t('person.retention.noDeletion')
  return (
    <Text size="sm" c="dimmed" data-testid="retention-line">
      {t('person.retention.label')} · {text}
    </Text>
  )
}

/** record the date the person asked to stop mediation (or undo it). */
function UnsubscribeAction({ person, disabled }: { person: PersonDetail; disabled: boolean }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [date, setDate] = useState(() => amsterdamToday(Date.now()))
  const [reason, setReason] = useState('')
  const undo = person.unsubscribedOn !== null
  const save = useMutation({
    mutationFn: () => call('setUnsubscribed', { personId: person.id, unsubscribedOn: undo ? null : date, ...(reason.trim() ? { reason } : {}) }),
    onSuccess: async () => {
      setOpen(false)
      await qc.invalidateQueries({ queryKey: queryKeys.person.all(person.id) })
      await qc.invalidateQueries({ queryKey: queryKeys.personRetention(person.id) })
    }
  })
  const dateError = save.error instanceof ApiError ? save.error.issues.find((i) => i.path === 'unsubscribedOn' || i.path === 'registeredOn') : undefined
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} disabled={disabled} data-testid="person-unsubscribe">
        {undo ? t('person.action.undoUnsubscribe') : t('person.action.unsubscribe')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={undo ? t('person.unsubscribe.undoTitle') : t('person.unsubscribe.title')} centered>
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate()
          }}
        >
          <Stack>
            <Text size="sm">{undo ? t('person.unsubscribe.undoBody') : t('person.unsubscribe.body')}</Text>
            {!undo && <DateField label={t('person.unsubscribe.date')} value={date} onChange={setDate} data-autofocus error={dateError ? t(dateError.key) : undefined} data-testid="unsubscribe-date" />}
            <TextInput label={t('person.unsubscribe.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus={undo || undefined} />
            {!dateError && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="unsubscribe-confirm">
                {undo ? t('person.action.undoUnsubscribe') : t('person.action.unsubscribe')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}

/**
 * the person wants no services and no contact. The service keeps only keyed hashes of the
 * e-mail, phone and profile URL and deletes the record definitively — hence a clear confirmation.
 */
function DoNotContactAction({ person, navigate }: { person: PersonDetail; navigate: HeaderProps['navigate'] }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<DoNotContactReason>('no-approach')
  const mark = useMutation({
    mutationFn: () => call('markDoNotContact', { personId: person.id, reasonCategory: reason }),
    onSuccess: (r) => {
      setOpen(false)
      qc.removeQueries({ queryKey: queryKeys.person.all(person.id) })
      void qc.invalidateQueries({ queryKey: queryKeys.persons.all })
      notifications.show({ color: 'teal', message: t('dnc.marked', { identifiers: r.identifiers.map((i) => t(`dnc.identifier.${i}`)).join(', ') }) })
      navigate('records')
    }
  })
  const employed = mark.error instanceof ApiError && mark.error.code === 'CONFLICT' && mark.error.detail?.['employed'] === true
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpen(true)} data-testid="person-dnc">
        {t('person.action.doNotContact')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dnc.confirm.title')} centered size="lg">
        <Stack>
          <Text size="sm">{t('dnc.confirm.body', { name: `${person.givenName} ${person.familyName}` })}</Text>
          <Alert color="red" variant="light" data-testid="dnc-outcome">
            {person.employments.length > 0 ? t('dnc.confirm.legalHold') : t('dnc.confirm.deleted')}
          </Alert>
          <Radio.Group label={t('dnc.confirm.reason')} value={reason} onChange={(v) => setReason(v as DoNotContactReason)}>
            <Stack gap={6} mt={6}>
              {DO_NOT_CONTACT_REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`dnc.reason.${r}`)} data-testid={`dnc-reason-${r}`} />
              ))}
            </Stack>
          </Radio.Group>
          {employed ? (
            <Alert color="orange" variant="light" data-testid="dnc-employed">
              {t('dnc.confirm.employed')}
            </Alert>
          ) : (
            <ErrorAlert error={mark.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" data-autofocus onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={mark.isPending} onClick={() => mark.mutate()} data-testid="dnc-confirm">
              {t('dnc.confirm.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
