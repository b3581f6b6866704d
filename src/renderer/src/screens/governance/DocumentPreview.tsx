import { Button, Group, Modal, Stack } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { withStyleNonce } from '../../styleNonce'

/**
 * A printable document (self-contained HTML from the main process: no scripts, its own CSP) in a
 * sandboxed frame: scripts can never run in it (no `allow-scripts`); `allow-same-origin` only
 * lets this window call the frame's print dialog, where "Save as PDF" is offered.
 */
export function DocumentFrame({ html, title, height = 640 }: { html: string; title: string; height?: number }) {
  const { t } = useTranslation()
  const frame = useRef<HTMLIFrameElement>(null)
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={() => frame.current?.contentWindow?.print()} data-testid="document-print">
          {t('governance.common.printPdf')}
        </Button>
      </Group>
      <iframe
        ref={frame}
        title={title}
        srcDoc={withStyleNonce(html)}
        sandbox="allow-same-origin allow-modals"
        referrerPolicy="no-referrer"
        data-testid="document-frame"
        style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, background: 'white' }}
      />
    </Stack>
  )
}

export function DocumentPreview({ html, title, onClose }: { html: string | null; title: string; onClose: () => void }) {
  return (
    <Modal opened={html !== null} onClose={onClose} title={title} size="80rem" data-testid="document-preview">
      {html !== null && <DocumentFrame html={html} title={title} height={560} />}
    </Modal>
  )
}
