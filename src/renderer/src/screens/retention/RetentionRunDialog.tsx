import { Alert, Anchor, Badge, Button, Center, Group, Loader, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RUN_PERSONS_LISTED, type RetentionPlanView, type RetentionRunView } from '../../../../shared/contract/retention'
import { formatDate } from '../../../../shared/time'
import { ApiError, call } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { ErrorAlert } from '../../components/ErrorAlert'

/** How many persons the plan and the result list by name (the counts cover everyone; the run's result holds no more). */
const LISTED = RUN_PERSONS_LISTED

type Action = RetentionPlanView['persons'][number]['actions'][number]

/**
 * Issue 16 point 3, "Nu controleren en uitvoeren": first what the run will do — the main
 * process's dry run (planRetention: counts per action and rule, each person by name and
 * reference) — then the privacy officer confirms, the run goes with the plan's digest (refused
 * when the plan changed meanwhile: the new plan is shown to confirm again), a progress bar while
 * it runs, and the results with links to the records that still exist. Mounted while open, so
 * every opening starts from a fresh plan.
 */
export function RetentionRunDialog({ onClose, navigate }: { onClose: () => void; navigate: (screen: string, params?: Record<string, string>) => void }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [changed, setChanged] = useState(false)
  const plan = useQuery({ queryKey: queryKeys.retentionPlan, queryFn: () => call('planRetention', {}), gcTime: 0, staleTime: Infinity })
  const run = useMutation({
    mutationFn: (p: RetentionPlanView) => call('runRetention', { asOf: p.asOf, digest: p.digest }),
    onSuccess: () => {
      setChanged(false)
      for (const key of [queryKeys.retentionPreview, queryKeys.retentionRuns, queryKeys.shielded, queryKeys.reconfirmationsDue, queryKeys.persons.all]) void qc.invalidateQueries({ queryKey: key })
    },
    onError: (e) => {
      // The data changed since the plan was shown: show the plan as it is now, to confirm again.
      if (e instanceof ApiError && e.code === 'RETENTION_PLAN_CHANGED') {
        setChanged(true)
        run.reset()
        void plan.refetch()
      }
    }
  })
  const progress = useQuery({
    queryKey: queryKeys.retentionProgress,
    queryFn: () => call('getRetentionProgress', {}),
    enabled: run.isPending,
    refetchInterval: 300,
    gcTime: 0
  })

  const p = plan.data
  const lang = i18n.language
  const total = p?.persons.length ?? 0
  const open = (personId: string) => {
    onClose()
    navigate('person', { personId, from: 'retention' })
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={run.data ? t('retention.plan.resultTitle') : t('retention.plan.title')} closeOnClickOutside={!run.isPending} withCloseButton={!run.isPending}>
      <Stack data-testid="retention-plan">
        {changed && (
          <Alert color="orange" data-testid="retention-plan-changed">
            {t('retention.plan.changed')}
          </Alert>
        )}
        <ErrorAlert error={plan.error ?? (run.error instanceof ApiError && run.error.code === 'RETENTION_PLAN_CHANGED' ? null : run.error)} />
        {run.data ? (
          <RunResult result={run.data} plan={run.variables} onOpen={open} />
        ) : run.isPending ? (
          <Stack gap="xs" data-testid="retention-run-progress">
            <Text size="sm">{progress.data && progress.data.total > 0 ? t('retention.plan.progress', { done: progress.data.done, total: progress.data.total }) : t('retention.plan.running')}</Text>
            <Progress value={progress.data && progress.data.total > 0 ? (100 * progress.data.done) / progress.data.total : 100} animated striped aria-label={t('retention.plan.running')} />
          </Stack>
        ) : plan.isFetching || !p ? (
          <Center h={120}>
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">{t('retention.plan.loading')}</Text>
            </Group>
          </Center>
        ) : (
          <PlanView plan={p} lang={lang} onOpen={open} />
        )}
        <Group justify="flex-end">
          {run.data ? (
            <Button onClick={onClose} data-autofocus data-testid="retention-result-close">
              {t('retention.plan.close')}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={run.isPending}>
                {t('retention.plan.cancel')}
              </Button>
              <Button color="red" disabled={!p || plan.isFetching} loading={run.isPending} onClick={() => p && run.mutate(p)} data-testid="retention-plan-confirm">
                {t('retention.plan.confirm', { count: total })}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}

function ActionList({ actions }: { actions: Action[] }) {
  const { t } = useTranslation()
  return <>{actions.map((a) => `${t(`retention.action.${a.action}`)} (${t(`retention.rule.${a.rule}`)})`).join(', ')}</>
}

function PlanView({ plan, lang, onOpen }: { plan: RetentionPlanView; lang: string; onOpen: (personId: string) => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <Text size="sm">{t('retention.plan.intro', { date: formatDate(plan.asOf, lang), version: plan.policyVersion })}</Text>
      {plan.heldByRestriction > 0 && (
        <Alert color="blue" data-testid="retention-plan-held">
          {t('retention.plan.held', { count: plan.heldByRestriction })}
        </Alert>
      )}
      {plan.persons.length === 0 ? (
        <Text c="dimmed" data-testid="retention-plan-nothing">
          {t('retention.plan.nothing')}
        </Text>
      ) : (
        <>
          <Table withTableBorder data-testid="retention-plan-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.plan.action')}</Table.Th>
                <Table.Th>{t('retention.plan.rule')}</Table.Th>
                <Table.Th ta="right">{t('retention.plan.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.counts.map((c) => (
                <Table.Tr key={`${c.action}:${c.rule}`} data-testid={`retention-plan-count-${c.action}`}>
                  <Table.Td>{t(`retention.action.${c.action}`)}</Table.Td>
                  <Table.Td>{t(`retention.rule.${c.rule}`)}</Table.Td>
                  <Table.Td ta="right" data-testid="count">
                    {c.count}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} size="sm">
            {t('retention.plan.who')} · {t('retention.plan.persons', { count: plan.persons.length })}
          </Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Table striped withTableBorder data-testid="retention-plan-persons">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.plan.name')}</Table.Th>
                  <Table.Th>{t('retention.plan.ref')}</Table.Th>
                  <Table.Th>{t('retention.plan.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.persons.slice(0, LISTED).map((p) => (
                  <Table.Tr key={p.personId} data-testid="retention-plan-person">
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" onClick={() => onOpen(p.personId)}>
                        {p.familyName}, {p.givenName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.ref ?? ''}</Table.Td>
                    <Table.Td>
                      <ActionList actions={p.actions} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {plan.persons.length > LISTED && (
            <Text size="sm" c="dimmed">
              {t('retention.plan.more', { count: plan.persons.length - LISTED })}
            </Text>
          )}
        </>
      )}
    </Stack>
  )
}

/** The run's result per person; the names come from the confirmed plan (a deleted record has none left). */
function RunResult({ result, plan, onOpen }: { result: RetentionRunView; plan: RetentionPlanView | undefined; onOpen: (personId: string) => void }) {
  const { t, i18n } = useTranslation()
  const persons = result.persons ?? []
  const names = new Map((plan?.persons ?? []).map((p) => [p.personId, `${p.familyName}, ${p.givenName}`]))
  return (
    <Stack gap="sm" data-testid="retention-run-result">
      <Alert color="green">{t('retention.plan.result', { count: result.personsChanged ?? 0, date: formatDate(result.asOf, i18n.language) })}</Alert>
      {(result.changedSincePlan ?? 0) > 0 && (
        <Alert color="orange" data-testid="retention-run-skipped">
          {t('retention.plan.skipped', { count: result.changedSincePlan })}
        </Alert>
      )}
      {persons.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Table striped withTableBorder data-testid="retention-result-persons">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.plan.name')}</Table.Th>
                <Table.Th>{t('retention.plan.ref')}</Table.Th>
                <Table.Th>{t('retention.plan.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {persons.slice(0, LISTED).map((p) => {
                const deleted = p.actions.some((a) => a.action === 'delete')
                return (
                  <Table.Tr key={p.personId} data-testid="retention-result-person">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {deleted ? (
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{names.get(p.personId) ?? ''}</Text>
                          <Badge color="gray" variant="outline" size="sm" tt="none" styles={{ root: { maxWidth: 'none', overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}>
                            {t('retention.plan.deleted')}
                          </Badge>
                        </Group>
                      ) : (
                        <Anchor component="button" type="button" size="sm" onClick={() => onOpen(p.personId)} data-testid="retention-result-open">
                          {names.get(p.personId) ?? t('retention.plan.open')}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.ref ?? ''}</Table.Td>
                    <Table.Td>
                      <ActionList actions={p.actions} />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {(result.personsChanged ?? 0) > Math.min(persons.length, LISTED) && (
        <Text size="sm" c="dimmed">
          {t('retention.plan.more', { count: (result.personsChanged ?? 0) - Math.min(persons.length, LISTED) })}
        </Text>
      )}
    </Stack>
  )
}
