/**
 * R-26 on the person page: a restriction in force (art. 18) as a clear alert — the page is then
 * read-only — and the objections in force (art. 21). A privacy officer records a restriction or an
 * objection and lifts one, each with a reason (errors next to the field); everyone else only reads.
 */
import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonDetail } from '../../../../shared/contract/people'
import type { ProcessingLimitView } from '../../../../shared/contract/restrictions'
import type { SessionInfo } from '../../../../shared/contract/session'
import { OBJECTION_PURPOSES, type ObjectionPurpose } from '../../../../shared/vocabulary'
import { formatDate } from '../../../../shared/time'
import { ApiError, call } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { ErrorAlert } from '../../components/ErrorAlert'

/** The person's limits; `restricted` decides whether the page is read-only. */
export function useProcessingLimits(personId: string, openReason: string | undefined) {
  return useQuery({
    queryKey: queryKeys.processingLimits(personId),
    queryFn: () => call('listProcessingLimits', { personId, ...(openReason ? { reason: openReason } : {}) })
  })
}

interface PanelProps {
  person: PersonDetail
  session: SessionInfo
  limits: ProcessingLimitView[]
}

export function ProcessingLimitsPanel({ person, session, limits }: PanelProps) {
  const { t, i18n } = useTranslation()
  const officer = session.roles.includes('privacy_officer')
  const inForce = limits.filter((l) => l.liftedOn === null)
  const restriction = inForce.find((l) => l.kind === 'restriction')
  const objections = inForce.filter((l) => l.kind === 'objection')
  const date = (d: string) => formatDate(d, i18n.language)
  if (!officer && inForce.length === 0) return null
  return (
    <Stack gap="xs" data-testid="processing-limits">
      {restriction && (
        <Alert color="red" variant="light" title={t('restrictions.restrictedTitle', { date: date(restriction.recordedOn) })} data-testid="restriction-alert">
          <Stack gap={4}>
            <Text size="sm">{t('restrictions.restrictedBody')}</Text>
            <Text size="sm">{t('restrictions.reasonLine', { reason: restriction.reason })}</Text>
            {officer && (
              <Group>
                <LiftAction limit={restriction} personId={person.id} />
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {objections.map((o) => (
        <Alert key={o.id} color="orange" variant="light" data-testid="objection-alert">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('restrictions.objectionLine', { purpose: t(`restrictions.purpose.${o.purpose ?? 'presentation'}`), date: date(o.recordedOn) })}
              </Text>
              <Text size="sm">{t('restrictions.reasonLine', { reason: o.reason })}</Text>
            </Stack>
            {officer && <LiftAction limit={o} personId={person.id} />}
          </Group>
        </Alert>
      ))}
      {officer && (
        <Group gap="xs">
          {!restriction && <RestrictAction person={person} />}
          <ObjectAction person={person} objected={objections.map((o) => o.purpose).filter((p): p is ObjectionPurpose => p !== null)} />
        </Group>
      )}
    </Stack>
  )
}

/** The badge beside the name while a restriction is in force. */
export function RestrictedBadge() {
  const { t } = useTranslation()
  return (
    <Badge color="red" variant="filled" data-testid="restricted-badge">
      {t('restrictions.restrictedBadge')}
    </Badge>
  )
}

function useInvalidate(personId: string) {
  const qc = useQueryClient()
  return async () => {
    await qc.invalidateQueries({ queryKey: queryKeys.processingLimits(personId) })
    await qc.invalidateQueries({ queryKey: queryKeys.person.all(personId) })
    await qc.invalidateQueries({ queryKey: queryKeys.persons.all })
  }
}

/** The reason's error next to the field: missing (checked here first) or refused by the service. */
function reasonError(local: string | undefined, error: unknown, t: (k: string) => string): string | undefined {
  if (local) return local
  const issue = error instanceof ApiError ? error.issues.find((i) => i.path === 'reason') : undefined
  return issue ? t(issue.key) : undefined
}

function RestrictAction({ person }: { person: PersonDetail }) {
  const { t } = useTranslation()
  const invalidate = useInvalidate(person.id)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<string | undefined>(undefined)
  const save = useMutation({
    mutationFn: () => call('recordRestriction', { personId: person.id, reason }),
    onSuccess: async () => {
      setOpen(false)
      setReason('')
      notifications.show({ color: 'teal', message: t('restrictions.saved.restriction') })
      await invalidate()
    }
  })
  const fieldError = reasonError(missing, save.error, t)
  return (
    <>
      <Button variant="light" color="red" onClick={() => setOpen(true)} data-testid="restrict-open">
        {t('restrictions.action.restrict')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('restrictions.restrict.title')} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (!reason.trim()) return setMissing(t('validation.required'))
            setMissing(undefined)
            save.mutate()
          }}
        >
          <Stack>
            <Text size="sm">{t('restrictions.restrict.body', { name: `${person.givenName} ${person.familyName}` })}</Text>
            <TextInput label={t('restrictions.reason')} description={t('restrictions.reasonHint')} value={reason} onChange={(e) => {
              setReason(e.currentTarget.value)
              setMissing(undefined)
            }} error={fieldError} withAsterisk data-autofocus data-testid="restrict-reason" />
            {!fieldError && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={save.isPending} data-testid="restrict-confirm">
                {t('restrictions.restrict.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}

function ObjectAction({ person, objected }: { person: PersonDetail; objected: ObjectionPurpose[] }) {
  const { t } = useTranslation()
  const invalidate = useInvalidate(person.id)
  const options = OBJECTION_PURPOSES.filter((p) => !objected.includes(p))
  const [open, setOpen] = useState(false)
  const [purpose, setPurpose] = useState<ObjectionPurpose | null>(null)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<{ purpose?: string; reason?: string }>({})
  const save = useMutation({
    mutationFn: () => call('recordObjection', { personId: person.id, purpose: purpose!, reason }),
    onSuccess: async () => {
      setOpen(false)
      setReason('')
      setPurpose(null)
      notifications.show({ color: 'teal', message: t('restrictions.saved.objection') })
      await invalidate()
    }
  })
  const purposeIssue = save.error instanceof ApiError ? save.error.issues.find((i) => i.path === 'purpose') : undefined
  const purposeError = missing.purpose ?? (purposeIssue ? t(purposeIssue.key) : undefined)
  const fieldError = reasonError(missing.reason, save.error, t)
  if (options.length === 0) return null
  return (
    <>
      <Button variant="light" color="orange" onClick={() => setOpen(true)} data-testid="object-open">
        {t('restrictions.action.object')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('restrictions.object.title')} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            const problems = { ...(purpose ? {} : { purpose: t('validation.required') }), ...(reason.trim() ? {} : { reason: t('validation.required') }) }
            setMissing(problems)
            if (Object.keys(problems).length === 0) save.mutate()
          }}
        >
          <Stack>
            <Text size="sm">{t('restrictions.object.body', { name: `${person.givenName} ${person.familyName}` })}</Text>
            <Select
              label={t('restrictions.object.purpose')}
              data={options.map((p) => ({ value: p, label: t(`restrictions.purpose.${p}`) }))}
              value={purpose}
              onChange={(v) => {
                setPurpose(v as ObjectionPurpose | null)
                setMissing(({ reason: r }) => (r ? { reason: r } : {}))
              }}
              error={purposeError}
              withAsterisk
              data-autofocus
              data-testid="object-purpose"
            />
            <TextInput label={t('restrictions.reason')} description={t('restrictions.reasonHint')} value={reason} onChange={(e) => {
              setReason(e.currentTarget.value)
              setMissing(({ purpose: p }) => (p ? { purpose: p } : {}))
            }} error={fieldError} withAsterisk data-testid="object-reason" />
            {!fieldError && !purposeError && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={save.isPending} data-testid="object-confirm">
                {t('restrictions.object.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}

function LiftAction({ limit, personId }: { limit: ProcessingLimitView; personId: string }) {
  const { t } = useTranslation()
  const invalidate = useInvalidate(personId)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<string | undefined>(undefined)
  const save = useMutation({
    mutationFn: () => call('liftProcessingLimit', { limitId: limit.id, reason }),
    onSuccess: async () => {
      setOpen(false)
      setReason('')
      notifications.show({ color: 'teal', message: t('restrictions.saved.lifted') })
      await invalidate()
    }
  })
  const fieldError = reasonError(missing, save.error, t)
  const title =
    limit.kind === 'restriction' ? t('restrictions.lift.titleRestriction') : t('restrictions.lift.titleObjection', { purpose: t(`restrictions.purpose.${limit.purpose ?? 'presentation'}`) })
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)} data-testid={`lift-${limit.kind}`}>
        {t('restrictions.action.lift')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (!reason.trim()) return setMissing(t('validation.required'))
            setMissing(undefined)
            save.mutate()
          }}
        >
          <Stack>
            <Text size="sm">{t('restrictions.lift.body')}</Text>
            <TextInput label={t('restrictions.reason')} value={reason} onChange={(e) => {
              setReason(e.currentTarget.value)
              setMissing(undefined)
            }} error={fieldError} withAsterisk data-autofocus data-testid="lift-reason" />
            {!fieldError && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="lift-confirm">
                {t('restrictions.lift.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
