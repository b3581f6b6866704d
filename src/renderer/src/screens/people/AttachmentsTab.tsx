/**
 * Attachments (R-2 CV, references, testimonials; R-3 VOG; R-3a ID copy with its 4-week deletion
 * date): stored encrypted in the vault. Upload reads the file in memory; type and size errors are
 * shown at the upload field; viewing happens from memory (AttachmentViewer).
 */
import { Alert, Button, FileInput, Group, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePersonReadOnly } from './PersonReadOnly'
import type { AttachmentMeta, PersonDetail } from '../../../../shared/contract/people'
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../../shared/domain'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { AttachmentViewer } from './AttachmentViewer'
import { ATTACHMENT_ACCEPT, fileToBase64, hasAllowedExtension } from './fileBytes'
import { formatDate } from '../../../../shared/time'
import { formatBytes } from '../../format/formatBytes'
import { queryKeys } from '../../api/queryKeys'

/** The upload error as a sentence next to the file field (type, size), or null for other errors. */
function uploadErrorText(e: unknown, t: TFunction): string | null {
  if (!(e instanceof ApiError)) return null
  if (e.code === 'ATTACHMENT_TOO_LARGE') return typeof e.detail?.['maxMb'] === 'number' ? t('person.attachments.tooLarge', { maxMb: e.detail['maxMb'] }) : t('errors.ATTACHMENT_TOO_LARGE')
  if (e.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') return t('errors.ATTACHMENT_TYPE_NOT_ALLOWED')
  return null
}

export function AttachmentsTab({ person, openReason, attachmentError }: { person: PersonDetail; openReason: string | undefined; attachmentError: string | undefined }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [kind, setKind] = useState<AttachmentKind>('cv')
  const [file, setFile] = useState<File | null>(null)
  const [clientError, setClientError] = useState<string | null>(null)
  const [viewing, setViewing] = useState<AttachmentMeta | null>(null)
  const [deleting, setDeleting] = useState<AttachmentMeta | null>(null)
  const readOnly = usePersonReadOnly()
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: queryKeys.person.all(person.id) })
    void qc.invalidateQueries({ queryKey: queryKeys.personHistory(person.id) })
    void qc.invalidateQueries({ queryKey: queryKeys.personRetention(person.id) })
  }
  const upload = useMutation({
    mutationFn: async (f: File) => call('addAttachment', { personId: person.id, kind, fileName: f.name, contentBase64: await fileToBase64(f) }),
    onSuccess: async () => {
      setFile(null)
      await refresh()
    }
  })
  const remove = useMutation({
    mutationFn: (a: AttachmentMeta) => call('deleteAttachment', { attachmentId: a.id, ...(openReason ? { reason: openReason } : {}) }),
    onSuccess: async () => {
      setDeleting(null)
      await refresh()
    }
  })
  const fieldError = clientError ?? uploadErrorText(upload.error, t)
  const d = (date: string | null) => formatDate(date, i18n.language)

  return (
    <Stack gap="lg">
      {attachmentError && (
        <Alert color="orange" variant="light" data-testid="intake-attachment-error">
          {t('person.attachments.intakeFailed', { reason: t(`errors.${attachmentError}`, { defaultValue: t('errors.INTERNAL') }) })}
        </Alert>
      )}
      <Title order={4}>{t('person.tab.attachments')}</Title>
      {person.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('person.attachments.none')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="attachments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('person.attachments.kind')}</Table.Th>
              <Table.Th>{t('person.attachments.file')}</Table.Th>
              <Table.Th w={90}>{t('person.attachments.size')}</Table.Th>
              <Table.Th w={220}>{t('person.attachments.added')}</Table.Th>
              <Table.Th w={190} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.attachments.map((a) => (
              <Table.Tr key={a.id} data-testid="attachment-row" data-kind={a.kind}>
                <Table.Td>{t(`people.attachmentKind.${a.kind}`)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {a.fileName}
                  {a.deleteOn && (
                    // R-3a: a registration ID copy is deleted after 4 weeks.
                    <Text size="xs" c="orange.8" data-testid="attachment-delete-on">
                      {t('person.attachments.deleteOn', { date: d(a.deleteOn) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatBytes(a.sizeBytes, i18n.language)}</Table.Td>
                <Table.Td>{[d(a.addedOn), a.addedBy].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => setViewing(a)} data-testid="attachment-view">
                      {t('person.attachments.view')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(a)} data-testid="attachment-delete">
                      {t('person.attachments.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {!readOnly && (
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (file) upload.mutate(file)
            else setClientError(t('validation.required'))
          }}
          data-testid="attachment-upload"
        >
          <Stack gap="xs">
            <Title order={5}>{t('person.attachments.add')}</Title>
            <Group align="flex-start" gap="sm">
              <NativeSelect
                label={t('person.attachments.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}
                data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`people.attachmentKind.${k}`) }))}
                w={200}
                data-testid="attachment-kind"
              />
              <FileInput
                label={t('person.attachments.file')}
                placeholder={t('person.attachments.choose')}
                accept={ATTACHMENT_ACCEPT}
                value={file}
                clearable
                error={fieldError}
                onChange={(f) => {
                  upload.reset()
                  setFile(f)
                  setClientError(f && !hasAllowedExtension(f.name) ? t('errors.ATTACHMENT_TYPE_NOT_ALLOWED') : null)
                }}
                style={{ flex: 1 }}
                maw={480}
                data-testid="attachment-file"
              />
              <Button type="submit" mt={22} loading={upload.isPending} disabled={clientError !== null} data-testid="attachment-submit">
                {t('person.attachments.upload')}
              </Button>
            </Group>
            {kind === 'id-copy' && person.employments.length === 0 && (
              <Text size="xs" c="orange">
                {t('person.attachments.idCopyGate')}
              </Text>
            )}
            {!fieldError && <ErrorAlert error={upload.error} />}
          </Stack>
        </form>
      )}

      {viewing && <AttachmentViewer attachment={viewing} openReason={openReason} onClose={() => setViewing(null)} />}

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('person.attachments.deleteTitle')} centered>
        <Stack>
          <Text size="sm">{t('person.attachments.deleteBody', { file: deleting?.fileName ?? '' })}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" data-autofocus onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)} data-testid="attachment-delete-confirm">
              {t('person.attachments.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
