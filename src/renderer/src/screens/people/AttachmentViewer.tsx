import { Alert, Center, Image, Loader, Modal, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttachmentMeta } from '../../../../shared/contract/people'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { base64ToBlob } from './fileBytes'
import { queryKeys } from '../../api/queryKeys'

/**
 * Shows an attachment from memory: the bytes come over the contract (an audited view), become a
 * `blob:` URL that lives only while the viewer is open and is revoked when it closes — no temp
 * file. Images show as an image. PDFs show in Chromium's own PDF viewer in a frame; that frame
 * cannot carry a `sandbox` attribute, because Chromium refuses to show a PDF in any sandboxed
 * frame ("blocked by Chromium"). What keeps it safe instead: the Blob's type is fixed to
 * `application/pdf` (the service checked the file's bytes are a PDF), so it is rendered by the
 * viewer, never parsed as a page of ours; and the viewer's toolbar (download, print) is hidden.
 * Word and ODT files cannot be shown in the app.
 */
export function AttachmentViewer({ attachment, openReason, onClose }: { attachment: AttachmentMeta; openReason: string | undefined; onClose: () => void }) {
  const { t } = useTranslation()
  const content = useQuery({
    queryKey: queryKeys.attachmentContent(attachment.id),
    queryFn: () => call('getAttachmentContent', { attachmentId: attachment.id, ...(openReason ? { reason: openReason } : {}) }),
    // Bytes are not cached beyond the viewer: fetched on open, dropped on close.
    gcTime: 0,
    staleTime: 0
  })
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!content.data) return
    const objectUrl = URL.createObjectURL(base64ToBlob(content.data.contentBase64, content.data.mimeType))
    // The blob URL is an outside resource: made here so that this effect's cleanup revokes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(objectUrl)
    return () => {
      URL.revokeObjectURL(objectUrl)
      setUrl(null)
    }
  }, [content.data])

  const mime = content.data?.mimeType ?? attachment.mimeType
  const pdf = mime === 'application/pdf'
  const image = mime === 'image/png' || mime === 'image/jpeg'
  return (
    <Modal opened onClose={onClose} title={attachment.fileName} size="80%" centered data-testid="attachment-viewer">
      <ErrorAlert error={content.error} />
      {content.isPending && (
        <Center h={200}>
          <Loader />
        </Center>
      )}
      {url && pdf && (
        <iframe
          src={`${url}#toolbar=0&navpanes=0`}
          title={attachment.fileName}
          style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="attachment-frame"
        />
      )}
      {url && image && <Image src={url} alt={attachment.fileName} fit="contain" mah="70vh" data-testid="attachment-image" />}
      {content.data && !pdf && !image && (
        <Alert color="gray" variant="light">
          <Text size="sm">{t('person.attachments.noPreview')}</Text>
        </Alert>
      )}
    </Modal>
  )
}
