import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RETENTION_TERM_UNITS, type RetentionPolicyView, type RetentionRuleIdWire, type RetentionTermUnitWire } from '../../../../shared/contract/retention'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { formatTimestamp } from '../../../../shared/time'
import { RETENTION_TERM_UNIT_ONE_SCREEN_LABELS, describeTerm, type Lang } from '../../../../shared/vocabulary'
import { queryKeys } from '../../api/queryKeys'

type Term = { amount: number; unit: RetentionTermUnitWire }
type Terms = Record<RetentionRuleIdWire, Term>

/** The retention policy table (R-11..R-16) and its versions; a privacy officer saves new terms. */
export function PolicyScreen({ session }: ScreenProps) {
  const { t } = useTranslation()
  const policy = useQuery({ queryKey: queryKeys.retentionPolicy, queryFn: () => call('getRetentionPolicy', {}) })
  const canEdit = session.roles.includes('privacy_officer')
  const [savedVersion, setSavedVersion] = useState<number | null>(null)
  return (
    <Stack data-testid="retention-policy-screen">
      <Title order={1}>{t('retention.policy.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('retention.policy.intro')}
      </Text>
      <ErrorAlert error={policy.error} />
      {savedVersion !== null && savedVersion === policy.data?.current.version && (
        <Alert color="green" data-testid="policy-saved">
          {t('retention.policy.saved', { version: savedVersion })}
        </Alert>
      )}
      {policy.data && <PolicyTable key={policy.data.current.version} policy={policy.data.current} canEdit={canEdit} onSaved={setSavedVersion} />}
      {policy.data && <PolicyHistory versions={policy.data.versions} />}
    </Stack>
  )
}

/** The screen's language for the shared term wording (nl unless English is chosen). */
function langOf(language: string): Lang {
  return language.startsWith('en') ? 'en' : 'nl'
}

function PolicyTable({ policy, canEdit, onSaved }: { policy: RetentionPolicyView; canEdit: boolean; onSaved: (version: number) => void }) {
  const { t, i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const qc = useQueryClient()
  const [terms, setTerms] = useState<Terms>(() => Object.fromEntries(policy.rules.map((r) => [r.id, { ...r.term }])) as Terms)
  const [note, setNote] = useState('')
  const save = useMutation({
    mutationFn: () => call('updateRetentionPolicy', { terms, note }),
    onSuccess: (saved) => {
      onSaved(saved.version)
      void qc.invalidateQueries({ queryKey: queryKeys.retentionPolicy })
      void qc.invalidateQueries({ queryKey: queryKeys.retentionPreview })
    }
  })
  const issues = save.error instanceof ApiError ? save.error.issues : []
  const issueFor = (path: string) => {
    const issue = issues.find((i) => i.path === path)
    if (!issue) return undefined
    // A bound names the rule in words and the term in the shared wording (policyBounds' params).
    const p = issue.params ?? {}
    const words = {
      ...p,
      ...(p.rule !== undefined ? { rule: t(`retention.rule.${p.rule}`) } : {}),
      ...(p.amount !== undefined && p.unit !== undefined ? { term: describeTerm({ amount: Number(p.amount), unit: p.unit as RetentionTermUnitWire }, lang) } : {})
    }
    return t(issue.key, words)
  }
  const setTerm = (id: RetentionRuleIdWire, patch: Partial<Term>) => setTerms((prev) => ({ ...prev, [id]: { ...prev[id], ...patch } }))

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('retention.policy.version', { version: policy.version })}</Title>
      </Group>
      <Table withTableBorder data-testid="retention-policy">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.policy.rule')}</Table.Th>
            <Table.Th>{t('retention.policy.basis')}</Table.Th>
            <Table.Th>{t('retention.policy.term')}</Table.Th>
            <Table.Th>{t('retention.policy.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policy.rules.map((r) => {
            const term = terms[r.id]
            const error = issueFor(`terms.${r.id}`)
            return (
              <Table.Tr key={r.id} data-testid={`policy-rule-${r.id}`}>
                <Table.Td>{t(`retention.rule.${r.id}`)}</Table.Td>
                <Table.Td>
                  {/* Issue 16: the basis in words; the requirement's number only in small print, for the privacy officer. */}
                  <Text size="sm">{r.law ?? t(`retention.policy.ownBasis.${r.id === 'consent-expired' ? 'consent' : 'policy'}`)}</Text>
                  {canEdit && (
                    <Text size="xs" c="dimmed" data-testid={`policy-requirement-${r.id}`}>
                      {r.requirement}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <Stack gap={4}>
                      <Group gap="xs" align="flex-start" wrap="nowrap">
                        <NumberInput
                          aria-label={t('retention.policy.amount')}
                          value={term.amount}
                          min={0}
                          max={1200}
                          allowDecimal={false}
                          w={90}
                          onChange={(v) => setTerm(r.id, { amount: typeof v === 'number' ? v : Number(v) || 0 })}
                          // The message goes under amount and unit together (below), the field only turns red.
                          error={error !== undefined}
                          data-testid={`policy-amount-${r.id}`}
                        />
                        <Select
                          aria-label={t('retention.policy.unit')}
                          value={term.unit}
                          data={RETENTION_TERM_UNITS.map((u) => ({ value: u, label: term.amount === 1 ? RETENTION_TERM_UNIT_ONE_SCREEN_LABELS[lang][u] : t(`retention.unit.${u}`) }))}
                          allowDeselect={false}
                          w={340}
                          onChange={(v) => v && setTerm(r.id, { unit: v as RetentionTermUnitWire })}
                          data-testid={`policy-unit-${r.id}`}
                        />
                      </Group>
                      {error !== undefined && (
                        <Text size="xs" c="red" maw={440} id={`policy-error-${r.id}`} data-testid={`policy-error-${r.id}`}>
                          {error}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" data-testid={`policy-term-${r.id}`}>
                      {describeTerm(r.term, lang)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`retention.action.${r.action}`)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Stack mt="md" maw={640}>
          <Textarea
            label={t('retention.policy.note')}
            required
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={issueFor('note') ?? issueFor('terms')}
            data-testid="policy-note"
          />
          {save.error && !(save.error instanceof ApiError && save.error.issues.length > 0) && <ErrorAlert error={save.error} />}
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="policy-save">
              {t('retention.policy.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  )
}

function PolicyHistory({ versions }: { versions: RetentionPolicyView[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('retention.policy.history')}
      </Title>
      <Table striped withTableBorder data-testid="retention-policy-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.policy.versionColumn')}</Table.Th>
            <Table.Th>{t('retention.policy.createdAt')}</Table.Th>
            <Table.Th>{t('retention.policy.changed')}</Table.Th>
            <Table.Th>{t('retention.policy.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version} data-testid="policy-version-row">
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.createdBy === null ? t('retention.policy.shipped') : formatTimestamp(v.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {v.changedRules.map((id) => (
                    <Badge key={id} size="sm" variant="light">
                      {t(`retention.rule.${id}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{v.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
