/**
 * "Delen met opdrachtgever" (R-8, R-9, R-9a): staff pick a client, optionally the contact person
 * it goes to, and the purpose; the fields the rules allow for that purpose are pre-selected, any
 * other field needs a reason typed next to it (and, for IBAN, nationality or marital status, the
 * person's recorded consent for that field and purpose — R-9a: recorded here with date, how and
 * wording when it is missing, never a bare tick), forbidden ones are shown disabled with the why. Sharing logs the disclosure
 * and shows the shared profile in a sandboxed frame, ready to print. The service decides; this
 * dialog only mirrors its rules so staff see them before they press the button.
 *
 * Mount `<ShareWithClient personId={id} />` for a button that opens the dialog, or control it with
 * `opened` and `onClose`; `clientId` pre-selects a client (e.g. from the client's placements).
 */
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Radio, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { CONSENT_METHODS, type ConsentMethod } from '../../../../shared/vocabulary'
import { amsterdamToday } from '../../../../shared/time'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  DISCLOSURE_PURPOSES,
  FIELD_VERDICTS,
  type DisclosureField,
  type DisclosurePreview,
  type DisclosurePurpose,
  type FieldVerdict,
  type PreviewField,
  type VerdictWhy
} from '../../../../shared/contract/relations'
import { ApiError, call } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { queryKeys } from '../../api/queryKeys'
import { withStyleNonce } from '../../styleNonce'

interface SharedResult {
  reference: string
  html: string
}

export function ShareWithClient({ personId, clientId, opened, onClose }: { personId: string; clientId?: string; opened?: boolean; onClose?: () => void }) {
  const { t } = useTranslation()
  const [ownOpen, setOwnOpen] = useState(false)
  const controlled = opened !== undefined
  const isOpen = controlled ? opened : ownOpen
  const close = () => (controlled ? onClose?.() : setOwnOpen(false))
  return (
    <>
      {!controlled && (
        <Button onClick={() => setOwnOpen(true)} data-testid="share-open">
          {t('relations.share.button')}
        </Button>
      )}
      <Modal opened={isOpen} onClose={close} title={t('relations.share.title')} size={960} data-testid="share-dialog">
        {isOpen && <ShareDialog personId={personId} initialClientId={clientId ?? null} onClose={close} />}
      </Modal>
    </>
  )
}

function ShareDialog({ personId, initialClientId, onClose }: { personId: string; initialClientId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'nl'
  const [clientId, setClientId] = useState<string | null>(initialClientId)
  const [contactId, setContactId] = useState<string | null>(null)
  const [purpose, setPurpose] = useState<DisclosurePurpose>('presentation')
  const [result, setResult] = useState<SharedResult | null>(null)
  const clients = useQuery({ queryKey: queryKeys.clients.list(''), queryFn: () => call('listClients', {}) })
  const client = useQuery({ queryKey: queryKeys.client(clientId), queryFn: () => call('getClient', { clientId: clientId! }), enabled: clientId !== null })
  const preview = useQuery({
    queryKey: queryKeys.disclosurePreview(personId, clientId, purpose, lang),
    queryFn: () => call('previewDisclosure', { personId, clientId: clientId!, purpose, lang }),
    enabled: clientId !== null,
    // personal values: do not keep them cached once the dialog is gone
    gcTime: 0
  })

  if (result) return <SharedProfile result={result} onAgain={() => setResult(null)} onClose={onClose} />

  const clientOptions = (clients.data ?? []).map((c) => ({ value: c.id, label: c.city ? `${c.name} (${c.city})` : c.name }))
  const contactOptions = (client.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.function ? `${c.givenName} ${c.familyName} — ${c.function}` : `${c.givenName} ${c.familyName}` }))
  return (
    <Stack gap="md">
      <Text size="sm">{t('relations.share.intro')}</Text>
      <ErrorAlert error={clients.error ?? client.error} />
      {clients.isSuccess && clientOptions.length === 0 && <Alert color="yellow">{t('relations.share.noClients')}</Alert>}
      <Group grow align="flex-start">
        <Select
          label={t('relations.share.client')}
          placeholder={t('relations.share.clientPlaceholder')}
          data={clientOptions}
          value={clientId}
          onChange={(v) => {
            setClientId(v)
            setContactId(null)
          }}
          searchable
          required
          data-autofocus
          data-testid="share-client"
        />
        <Select
          label={t('relations.share.contact')}
          placeholder={t('relations.share.contactNone')}
          data={contactOptions}
          value={contactId}
          onChange={setContactId}
          clearable
          disabled={clientId === null || contactOptions.length === 0}
          data-testid="share-contact"
        />
      </Group>
      <Radio.Group label={t('relations.share.purpose')} value={purpose} onChange={(v) => setPurpose(v as DisclosurePurpose)}>
        <Stack gap={6} mt={6}>
          {DISCLOSURE_PURPOSES.map((p) => (
            <Radio key={p} value={p} label={t(`relations.share.purposes.${p}`)} description={t(`relations.share.purposeHelp.${p}`)} data-testid={`share-purpose-${p}`} />
          ))}
        </Stack>
      </Radio.Group>
      <ErrorAlert error={preview.error} />
      {clientId !== null && preview.isPending && <Loader size="sm" />}
      {preview.data && clientId !== null && (
        <FieldSelection
          key={`${clientId}|${purpose}`}
          preview={preview.data}
          request={{ personId, clientId, purpose, lang, ...(contactId ? { contactId } : {}) }}
          onShared={setResult}
        />
      )}
    </Stack>
  )
}

const VERDICT_COLOR: Record<FieldVerdict, string> = { allowed: 'green', 'needs-reason': 'yellow', 'needs-consent': 'orange', forbidden: 'gray' }

/** Allowed first, then those needing a reason, then consent; the list's order within. */
function displayOrder(fields: PreviewField[]): PreviewField[] {
  return [...fields].sort((a, b) => FIELD_VERDICTS.indexOf(a.verdict) - FIELD_VERDICTS.indexOf(b.verdict))
}

/** Forbidden fields, one group per reason (for the identification duty that is nearly every field). */
function forbiddenGroups(fields: PreviewField[]): { why: VerdictWhy; fields: DisclosureField[] }[] {
  const groups = new Map<VerdictWhy, DisclosureField[]>()
  for (const f of fields) if (f.verdict === 'forbidden') groups.set(f.why, [...(groups.get(f.why) ?? []), f.field])
  return [...groups].map(([why, list]) => ({ why, fields: list }))
}

interface Request {
  personId: string
  clientId: string
  contactId?: string
  purpose: DisclosurePurpose
  lang: 'nl' | 'en'
}

function FieldSelection({ preview, request, onShared }: { preview: DisclosurePreview; request: Request; onShared: (r: SharedResult) => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [selected, setSelected] = useState<ReadonlySet<DisclosureField>>(() => new Set(preview.fields.filter((f) => f.preselected).map((f) => f.field)))
  const [reasons, setReasons] = useState<Partial<Record<DisclosureField, string>>>({})
  // R-9a: a consent field is unlocked by the person's recorded consent (the preview says which are)
  const consents = new Set(preview.fields.filter((f) => f.consentRecorded).map((f) => f.field))
  const [note, setNote] = useState('')
  // i18n keys per field: from the checks below, or from the service's issues (`fields.N`)
  const [errors, setErrors] = useState<Partial<Record<DisclosureField, string>>>({})
  // the reason boxes, so a refused share puts the cursor where the reason is missing
  const reasonInputs = useRef<Partial<Record<DisclosureField, HTMLInputElement | null>>>({})
  const rows = displayOrder(preview.fields.filter((f) => f.verdict !== 'forbidden'))
  const forbidden = forbiddenGroups(preview.fields)
  const chosen = rows.filter((f) => selected.has(f.field)).map((f) => f.field)

  const share = useMutation({
    mutationFn: (fields: DisclosureField[]) => {
      const fieldReasons = Object.fromEntries(fields.flatMap((f) => (reasons[f]?.trim() ? [[f, reasons[f]!.trim()]] : [])))
      return call('createDisclosure', {
        ...request,
        fields,
        ...(note.trim() ? { reason: note.trim() } : {}),
        fieldReasons,
        consentedFields: fields.filter((f) => consents.has(f))
      })
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: queryKeys.disclosures.all(request.personId) })
      onShared(r)
    },
    onError: (e, fields) => {
      if (!(e instanceof ApiError)) return
      const next: Partial<Record<DisclosureField, string>> = {}
      for (const issue of e.issues) {
        const m = /^fields\.(\d+)$/.exec(issue.path)
        const f = m ? fields[Number(m[1])] : undefined
        if (f) next[f] = issue.key
      }
      setErrors(next)
    }
  })

  const toggle = (f: DisclosureField, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(f)
    else next.delete(f)
    setSelected(next)
    setErrors(({ [f]: _dropped, ...rest }) => rest)
  }
  const submit = () => {
    const found: Partial<Record<DisclosureField, string>> = {}
    for (const f of rows.filter((r) => selected.has(r.field))) {
      if (f.verdict === 'needs-consent' && !consents.has(f.field)) found[f.field] = 'relations.problem.CONSENT_REQUIRED'
      else if (f.verdict !== 'allowed' && !reasons[f.field]?.trim()) found[f.field] = 'relations.problem.REASON_REQUIRED'
    }
    setErrors(found)
    const first = rows.find((r) => found[r.field] === 'relations.problem.REASON_REQUIRED')
    if (first) reasonInputs.current[first.field]?.focus()
    if (Object.keys(found).length === 0) share.mutate(chosen)
  }

  return (
    <Stack gap="sm">
      <Text fw={600}>{t('relations.share.fields')}</Text>
      <Table withTableBorder verticalSpacing={4} data-testid="share-fields">
        <Table.Tbody>
          {rows.map((f) => (
            <FieldRow
              key={f.field}
              row={f}
              checked={selected.has(f.field)}
              onCheck={(on) => toggle(f.field, on)}
              reason={reasons[f.field] ?? ''}
              onReason={(text) => setReasons((r) => ({ ...r, [f.field]: text }))}
              consented={consents.has(f.field)}
              request={request}
              today={preview.today}
              onConsentRecorded={() => {
                setErrors(({ [f.field]: _dropped, ...rest }) => rest)
                void qc.invalidateQueries({ queryKey: queryKeys.disclosurePreview(request.personId, request.clientId, request.purpose, request.lang) })
              }}
              error={errors[f.field]}
              reasonRef={(el) => {
                reasonInputs.current[f.field] = el
              }}
            />
          ))}
          {forbidden.map((group) => (
            <ForbiddenRow key={group.why} fields={group.fields} why={group.why} />
          ))}
        </Table.Tbody>
      </Table>
      <Textarea label={t('relations.share.generalReason')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxRows={4} data-testid="share-note" />
      {preview.blockers.map((b) => (
        <Alert key={b} color="orange" data-testid={`share-blocker-${b}`}>
          {t(`relations.share.blockers.${b}`)}
        </Alert>
      ))}
      <ErrorAlert error={share.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="share-count">
          {chosen.length === 0 ? t('relations.share.nothingSelected') : t('relations.share.selectedCount', { count: chosen.length })}
        </Text>
        <Button onClick={submit} loading={share.isPending} disabled={chosen.length === 0 || preview.blockers.length > 0} data-testid="share-submit">
          {t('relations.share.submit')}
        </Button>
      </Group>
    </Stack>
  )
}

function FieldRow({
  row,
  checked,
  onCheck,
  reason,
  onReason,
  consented,
  request,
  today,
  onConsentRecorded,
  error,
  reasonRef
}: {
  row: PreviewField
  checked: boolean
  onCheck: (on: boolean) => void
  reason: string
  onReason: (text: string) => void
  consented: boolean
  request: Request
  today: string | undefined
  onConsentRecorded: () => void
  error: string | undefined
  reasonRef: (el: HTMLInputElement | null) => void
}) {
  const { t } = useTranslation()
  const label = t(`relations.fields.${row.field}`)
  const extra = checked && (row.verdict === 'needs-reason' || row.verdict === 'needs-consent')
  const reasonError = error === 'relations.problem.REASON_REQUIRED' ? t(error) : undefined
  const consentError = error === 'relations.problem.CONSENT_REQUIRED' ? t(error) : undefined
  const otherError = error && !reasonError && !consentError ? t(error) : undefined
  return (
    <Table.Tr data-testid={`share-field-${row.field}`} data-verdict={row.verdict}>
      <Table.Td w={250} style={{ verticalAlign: 'top' }}>
        <Checkbox
          label={label}
          checked={checked}
          disabled={!row.hasValue}
          onChange={(e) => onCheck(e.currentTarget.checked)}
          data-testid={`share-check-${row.field}`}
          error={otherError}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Stack gap={4}>
          <Text size="sm" c={row.hasValue ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={3}>
            {row.value ?? t('relations.share.noValue')}
          </Text>
          {row.verdict === 'needs-consent' && row.hasValue && !checked && (
            <Text size="xs" c="dimmed">
              {t(`relations.why.${row.why}`)}
            </Text>
          )}
          {extra && (
            <TextInput
              size="xs"
              aria-label={t('relations.share.reasonFor', { field: label })}
              placeholder={t('relations.share.reasonPlaceholder')}
              value={reason}
              onChange={(e) => onReason(e.currentTarget.value)}
              error={reasonError}
              ref={reasonRef}
              autoFocus
              data-testid={`share-reason-${row.field}`}
            />
          )}
          {checked && row.verdict === 'needs-consent' &&
            (consented ? (
              <Text size="xs" c="green" data-testid={`share-consent-${row.field}`}>
                {t('relations.share.consentRecorded')}
              </Text>
            ) : (
              <RecordFieldConsent field={row.field} label={label} request={request} today={today} error={consentError} onRecorded={onConsentRecorded} />
            ))}
        </Stack>
      </Table.Td>
      <Table.Td w={170} style={{ verticalAlign: 'top' }}>
        {row.hasValue && (
          <Badge color={VERDICT_COLOR[row.verdict]} variant="light" size="sm" tt="none">
            {t(`relations.verdict.${row.verdict}`)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

/**
 * Fields that cannot be shared, disabled, with the why. A group of more than three (everything but
 * the BSN, for the identification duty) is one row that names them all.
 */
function ForbiddenRow({ fields, why }: { fields: DisclosureField[]; why: VerdictWhy }) {
  const { t } = useTranslation()
  const labels = fields.map((f) => t(`relations.fields.${f}`))
  const many = fields.length > 3
  return (
    <Table.Tr data-testid={`share-forbidden-${why}`} data-fields={fields.join(' ')} data-verdict="forbidden" style={{ opacity: 0.75 }}>
      <Table.Td w={250} style={{ verticalAlign: 'top' }}>
        <Checkbox label={many ? t('relations.share.otherFields', { count: fields.length }) : labels.join(', ')} checked={false} disabled readOnly />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm" c="dimmed" fs="italic">
          {t(`relations.why.${why}`)}
        </Text>
        {many && (
          <Text size="xs" c="dimmed">
            {labels.join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={170} style={{ verticalAlign: 'top' }}>
        <Badge color={VERDICT_COLOR.forbidden} variant="light" size="sm" tt="none">
          {t('relations.verdict.forbidden')}
        </Badge>
      </Table.Td>
    </Table.Tr>
  )
}

/** The shared profile exactly as printed: the service's HTML in a frame that can run no script. */
function SharedProfile({ result, onAgain, onClose }: { result: SharedResult; onAgain: () => void; onClose: () => void }) {
  const { t } = useTranslation()
  const frame = useRef<HTMLIFrameElement>(null)
  return (
    <Stack gap="md">
      <Alert color="green" data-testid="share-done">
        {t('relations.share.done', { reference: result.reference })}
      </Alert>
      <iframe
        ref={frame}
        title={t('relations.share.preview')}
        srcDoc={withStyleNonce(result.html)}
        // no allow-scripts: the document cannot run code; same origin only so the print button can reach it
        sandbox="allow-same-origin allow-modals"
        style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, background: 'white' }}
        data-testid="share-profile-frame"
      />
      <Group>
        <Button onClick={() => frame.current?.contentWindow?.print()} data-testid="share-print" data-autofocus>
          {t('relations.share.print')}
        </Button>
        <Button variant="default" onClick={onAgain} data-testid="share-again">
          {t('relations.share.another')}
        </Button>
        <Button variant="subtle" onClick={onClose}>
          {t('relations.share.close')}
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * R-9a: records the person's consent to this field going to clients for this purpose — when it was
 * given, how, and the wording the person agreed to. Only a recorded consent unlocks the field.
 */
function RecordFieldConsent({
  field,
  label,
  request,
  today,
  error,
  onRecorded
}: {
  field: DisclosureField
  label: string
  request: Request
  today: string | undefined
  error: string | undefined
  onRecorded: () => void
}) {
  const { t } = useTranslation()
  const [givenOn, setGivenOn] = useState(() => today ?? amsterdamToday(Date.now()))
  const [how, setHow] = useState<ConsentMethod>('signed-form')
  const [wording, setWording] = useState('')
  const record = useMutation({
    mutationFn: () => call('recordProcessingConsent', { personId: request.personId, subject: 'disclosure', disclosurePurpose: request.purpose, field, givenOn, how, wording: wording.trim() }),
    onSuccess: onRecorded
  })
  const issue = (path: string) => (record.error instanceof ApiError ? record.error.issues.find((i) => i.path === path)?.key : undefined)
  return (
    <Stack gap={4} data-testid={`share-consent-${field}`}>
      <Text size="xs" c={error ? 'red' : 'dimmed'}>
        {t('relations.share.consentMissing', { field: label })}
      </Text>
      <Group gap="xs" align="flex-start" grow>
        <DateField size="xs" label={t('relations.share.consentGivenOn')} value={givenOn} onChange={setGivenOn} error={issue('givenOn') ? t(issue('givenOn')!) : undefined} data-testid={`share-consent-date-${field}`} />
        <Select size="xs" label={t('relations.share.consentHow')} data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`relations.share.consentMethods.${m}`) }))} value={how} onChange={(v) => v && setHow(v as ConsentMethod)} allowDeselect={false} data-testid={`share-consent-how-${field}`} />
      </Group>
      <Textarea size="xs" label={t('relations.share.consentWording')} value={wording} onChange={(e) => setWording(e.currentTarget.value)} autosize minRows={1} maxRows={3} error={issue('wording') ? t(issue('wording')!) : undefined} data-testid={`share-consent-wording-${field}`} />
      <Group>
        <Button size="xs" variant="light" onClick={() => record.mutate()} loading={record.isPending} disabled={!wording.trim()} data-testid={`share-consent-record-${field}`}>
          {t('relations.share.consentRecord')}
        </Button>
      </Group>
      {!(record.error instanceof ApiError && record.error.issues.length > 0) && <ErrorAlert error={record.error} />}
    </Stack>
  )
}
