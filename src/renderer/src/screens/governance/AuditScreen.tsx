import { Alert, Badge, Button, Code, Collapse, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditAnchorView, AuditRow, AuditVerdict } from '../../../../shared/contract/governance'
import { call } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { DocumentPreview } from './DocumentPreview'
import { formatLocal } from './localTime'
import { instantToLocal } from '../../../../shared/time'
import { saveFile } from './saveFile'
import { queryKeys } from '../../api/queryKeys'
import { auditFieldLabel, describeAuditReason } from '../../../../shared/vocabulary'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface Filter {
  person: string
  actorId: string | null
  action: string | null
  from: string
  to: string
}
const EMPTY: Filter = { person: '', actorId: null, action: null, from: '', to: '' }
/** Entries per page: the trail is read one page at a time from the main process. */
const PAGE_SIZE = 50

/** The filter as the contract wants it: a person field holding an id or a reference. */
function toQuery(f: Filter) {
  const person = f.person.trim()
  return {
    ...(person ? (UUID.test(person) ? { subjectId: person.toLowerCase() } : { personRef: person }) : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {})
  }
}

/** the privacy officer's view of the audit trail: filter, verify, anchor, export. */
export function AuditScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const initial: Filter = { ...EMPTY, person: params['subjectId'] ?? '' }
  const [draft, setDraft] = useState<Filter>(initial)
  const [filter, setFilter] = useState<Filter>(initial)
  const [offset, setOffset] = useState(0)
  const [preview, setPreview] = useState<{ html: string; title: string } | null>(null)
  const query = toQuery(filter)

  const options = useQuery({ queryKey: queryKeys.auditFilterOptions, queryFn: () => call('auditFilterOptions', {}) })
  const list = useQuery({ queryKey: queryKeys.audit.list(query, offset), queryFn: () => call('listAudit', { ...query, limit: PAGE_SIZE, offset }) })
  const actionLabel = (a: string) => t(`governance.audit.actions.${a}`, { defaultValue: a })

  const exportCsv = useMutation({ mutationFn: () => call('exportAudit', { ...query, format: 'csv', lang: i18n.language === 'en' ? 'en' : 'nl' }), onSuccess: saveFile })
  const exportHtml = useMutation({
    mutationFn: () => call('exportAudit', { ...query, format: 'html', lang: i18n.language === 'en' ? 'en' : 'nl' }),
    onSuccess: (file) => setPreview({ html: file.content, title: t('governance.audit.title') })
  })

  return (
    <Stack data-testid="audit-screen">
      <Title order={1}>{t('governance.audit.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('governance.audit.intro')}
      </Text>

      <ChainPanel onPreview={setPreview} />

      <Paper withBorder p="md">
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            setOffset(0)
            setFilter(draft)
          }}
        >
          <Stack gap="sm">
            <Title order={4}>{t('governance.audit.filters')}</Title>
            <SimpleGrid cols={{ base: 1, md: 5 }}>
              <TextInput label={t('governance.audit.person')} placeholder={t('governance.audit.personPlaceholder')} value={draft.person} onChange={(e) => setDraft({ ...draft, person: e.currentTarget.value })} data-testid="audit-filter-person" />
              <Select
                label={t('governance.audit.actor')}
                placeholder={t('governance.audit.any')}
                clearable
                data={(options.data?.actors ?? []).map((a) => ({ value: a.id, label: a.username }))}
                value={draft.actorId}
                onChange={(v) => setDraft({ ...draft, actorId: v })}
                data-testid="audit-filter-actor"
              />
              <Select
                label={t('governance.audit.action')}
                placeholder={t('governance.audit.any')}
                clearable
                searchable
                data={(options.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
                value={draft.action}
                onChange={(v) => setDraft({ ...draft, action: v })}
                data-testid="audit-filter-action"
              />
              <DateField label={t('governance.audit.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} data-testid="audit-filter-from" />
              <DateField label={t('governance.audit.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} data-testid="audit-filter-to" />
            </SimpleGrid>
            <Group>
              <Button type="submit" data-testid="audit-filter-apply">
                {t('governance.audit.apply')}
              </Button>
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft(EMPTY)
                  setOffset(0)
                  setFilter(EMPTY)
                }}
              >
                {t('governance.audit.clear')}
              </Button>
              <Group gap="xs" ml="auto">
                <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} data-testid="audit-export-csv">
                  {t('governance.common.exportCsv')}
                </Button>
                <Button variant="default" onClick={() => exportHtml.mutate()} loading={exportHtml.isPending} data-testid="audit-export-pdf">
                  {t('governance.common.printPdf')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>

      <ErrorAlert error={list.error ?? options.error ?? exportCsv.error ?? exportHtml.error} />
      {list.data && <AuditTable rows={list.data.entries} actionLabel={actionLabel} lang={i18n.language} />}
      {list.data && (list.data.more || offset > 0) && (
        <Group data-testid="audit-pager">
          <Button size="xs" variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} data-testid="audit-newer">
            {t('governance.audit.newer')}
          </Button>
          <Text size="sm" data-testid="audit-range">
            {t('governance.audit.range', { from: offset + 1, to: offset + list.data.entries.length, count: list.data.total })}
          </Text>
          <Button size="xs" variant="default" disabled={!list.data.more} onClick={() => setOffset(offset + PAGE_SIZE)} data-testid="audit-older">
            {t('governance.audit.older')}
          </Button>
        </Group>
      )}
      <DocumentPreview html={preview?.html ?? null} title={preview?.title ?? ''} onClose={() => setPreview(null)} />
    </Stack>
  )
}

function AuditTable({ rows, actionLabel, lang }: { rows: AuditRow[]; actionLabel: (a: string) => string; lang: string }) {
  const { t } = useTranslation()
  const docLang = lang === 'en' ? 'en' : 'nl'
  if (rows.length === 0) return <Text c="dimmed">{t('governance.audit.empty')}</Text>
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" data-testid="audit-count">
        {t('governance.audit.count', { count: rows.length })}
      </Text>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('governance.audit.seq')}</Table.Th>
            <Table.Th>{t('governance.audit.at')}</Table.Th>
            <Table.Th>{t('governance.audit.actor')}</Table.Th>
            <Table.Th>{t('governance.audit.action')}</Table.Th>
            <Table.Th>{t('governance.audit.subject')}</Table.Th>
            <Table.Th>{t('governance.audit.fields')}</Table.Th>
            <Table.Th>{t('governance.audit.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.seq} data-testid="audit-row" data-action={r.action}>
              <Table.Td>{r.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocal(r.atLocal, lang)}</Table.Td>
              <Table.Td>{r.actorName ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(r.action)}</Text>
              </Table.Td>
              <Table.Td title={r.subjectId ?? undefined}>{r.subjectLabel ?? (r.subjectId ? <Text span ff="monospace" size="xs">{r.subjectId.slice(0, 8)}…</Text> : '—')}</Table.Td>
              <Table.Td>{r.fields.length ? r.fields.map((f) => auditFieldLabel(f, docLang)).join(', ') : '—'}</Table.Td>
              <Table.Td>{describeAuditReason(r.reason, docLang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

/** Verify the chain (optionally against a kept anchor) and make a new anchor. */
function ChainPanel({ onPreview }: { onPreview: (p: { html: string; title: string }) => void }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [withAnchor, setWithAnchor] = useState(false)
  const [anchorText, setAnchorText] = useState('')
  const anchors = useQuery({ queryKey: queryKeys.auditAnchors, queryFn: () => call('listAuditAnchors', {}) })
  const verify = useMutation({
    mutationFn: () => call('verifyAudit', withAnchor && anchorText.trim() ? { anchorText } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.audit.all })
  })
  const anchor = useMutation({
    mutationFn: () => call('createAuditAnchor', {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.auditAnchors })
      void qc.invalidateQueries({ queryKey: queryKeys.audit.all })
    }
  })
  const last = anchors.data?.[0]
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group>
          <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
            {t('governance.audit.verify')}
          </Button>
          <Button variant="light" onClick={() => anchor.mutate()} loading={anchor.isPending} data-testid="audit-anchor">
            {t('governance.audit.anchor')}
          </Button>
          <Text size="sm" c="dimmed" data-testid="audit-last-anchor">
            {last ? t('governance.audit.lastAnchor', { date: formatLocal(last.createdAtLocal, i18n.language), seq: last.seq }) : t('governance.audit.noAnchor')}
          </Text>
          <Button variant="subtle" size="xs" ml="auto" onClick={() => setWithAnchor((v) => !v)}>
            {t('governance.audit.verifyWithAnchor')}
          </Button>
        </Group>
        <Collapse expanded={withAnchor}>
          <Textarea
            placeholder={t('governance.audit.anchorPlaceholder')}
            autosize
            minRows={5}
            ff="monospace"
            value={anchorText}
            onChange={(e) => setAnchorText(e.currentTarget.value)}
            data-testid="audit-anchor-input"
          />
        </Collapse>
        <ErrorAlert error={verify.error ?? anchor.error ?? anchors.error} />
        {verify.data && <VerdictAlert verdict={verify.data} />}
        {anchor.data && <AnchorCard anchor={anchor.data} onPrint={onPreview} />}
      </Stack>
    </Paper>
  )
}

function VerdictAlert({ verdict }: { verdict: AuditVerdict }) {
  const { t, i18n } = useTranslation()
  if (verdict.ok) {
    return (
      <Alert color="green" title={t('governance.audit.verifyOk', { count: verdict.entries })} data-testid="audit-verdict" data-ok="true">
        <Text size="sm" mb={4}>
          {verdict.anchors.checked > 0 ? t('governance.audit.anchorsHold', { count: verdict.anchors.checked }) : t('governance.audit.noAnchorChecked')}
        </Text>
        <Text size="xs">{t('governance.audit.verifyHead')}:</Text>
        <Code>{verdict.head}</Code>
      </Alert>
    )
  }
  const b = verdict.broken
  const a = verdict.anchors.failed
  const w = verdict.witnesses.failed
  const title = b
    ? t('governance.audit.brokenChain', { seq: b.seq, problem: t(`governance.audit.problem.${b.problem}`) })
    : a
      ? t('governance.audit.brokenAnchor', { seq: a.seq, problem: t(`governance.audit.problem.${a.problem}`) })
      : t(`governance.audit.brokenWitness.${w?.problem ?? 'mismatch'}`, {
          seq: w?.seq,
          account: w?.accountName ?? t('governance.audit.unknownAccount'),
          at: w ? formatLocal(instantToLocal(w.witnessedAt), i18n.language) : ''
        })
  return (
    <Alert color="red" data-testid="audit-verdict" data-ok="false" title={title}>
      {b?.entry && <Text size="sm">{t('governance.audit.brokenEntry', { seq: b.entry.seq, action: t(`governance.audit.actions.${b.entry.action}`, { defaultValue: b.entry.action }), at: formatLocal(b.entry.atLocal, i18n.language) })}</Text>}
      {a && <Badge color="red" variant="light">{t(`governance.audit.anchorSource.${a.source}`)}</Badge>}
    </Alert>
  )
}

function AnchorCard({ anchor, onPrint }: { anchor: AuditAnchorView; onPrint: (p: { html: string; title: string }) => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="teal" title={t('governance.audit.anchorMade')} data-testid="audit-anchor-made">
      <Code block data-testid="anchor-text">
        {anchor.text}
      </Code>
      <Group mt="xs" gap="xs">
        <Button size="xs" variant="default" onClick={() => saveFile({ fileName: `dossier-audit-anchor-${anchor.seq}.txt`, mimeType: 'text/plain;charset=utf-8', content: anchor.text })}>
          {t('governance.audit.anchorDownload')}
        </Button>
        <Button size="xs" variant="default" onClick={() => onPrint({ html: anchorHtml(anchor.text, t('governance.audit.anchor')), title: t('governance.audit.anchor') })}>
          {t('governance.common.print')}
        </Button>
      </Group>
    </Alert>
  )
}

/** A one-page printable anchor: the text only, the same CSP as every printed document. */
function anchorHtml(text: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${esc(title)}</title><style>body{font:13px/1.6 monospace;margin:20mm}</style></head><body><pre>${esc(text)}</pre></body></html>`
}
