import { Button, Group, Modal, Stack } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { withStyleNonce } from '../../styleNonce'

/**
 * The printable consent form: the self-contained HTML from the main process, shown in a
 * fully sandboxed frame (no scripts, no same-origin). Printing goes through a second, hidden frame
 * that is same-origin (so this page may call its `print()`) and may open the print dialog, but
 * still runs no scripts; the document's own CSP forbids them as well.
 */
export function ConsentFormPreview({ html, onClose }: { html: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const printFrame = useRef<HTMLIFrameElement>(null)
  const print = () => {
    const w = printFrame.current?.contentWindow
    if (!w) return
    w.focus()
    w.print()
  }
  return (
    <Modal opened={html !== null} onClose={onClose} title={t('consent.preview.title')} size="xl" centered>
      {html !== null && (
        <Stack>
          <iframe
            sandbox=""
            srcDoc={withStyleNonce(html)}
            title={t('consent.preview.frameTitle')}
            style={{ width: '100%', height: '65vh', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, background: 'white' }}
            data-testid="consent-form-frame"
          />
          <iframe
            ref={printFrame}
            sandbox="allow-same-origin allow-modals"
            srcDoc={withStyleNonce(html)}
            title={t('consent.preview.frameTitle')}
            aria-hidden="true"
            tabIndex={-1}
            style={{ position: 'absolute', width: 0, height: 0, border: 0, visibility: 'hidden' }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button onClick={print} data-testid="consent-form-print">
              {t('consent.preview.print')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
