import { Alert, Button, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Duplicate } from './intakeFlow'

/** the save matched an existing person — open that one, save anyway, or go back. */
export function DuplicateDialog({ duplicate, onOpen, onSaveAnyway, onClose }: { duplicate: Duplicate | null; onOpen: (personId: string) => void; onSaveAnyway: () => void; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={duplicate !== null} onClose={onClose} title={t('intake.duplicate.title')} centered>
      <Stack data-testid="duplicate-choice">
        <Text size="sm">{t('intake.duplicate.body')}</Text>
        {duplicate?.shielded && (
          <Alert color="orange" variant="light">
            {t('intake.duplicate.shielded')}
          </Alert>
        )}
        <Button data-autofocus onClick={() => duplicate && onOpen(duplicate.existingId)} data-testid="duplicate-open">
          {t('intake.duplicate.open')}
        </Button>
        <Button variant="default" onClick={onSaveAnyway} data-testid="duplicate-save-anyway">
          {t('intake.duplicate.saveAnyway')}
        </Button>
        <Button variant="subtle" onClick={onClose}>
          {t('intake.duplicate.back')}
        </Button>
      </Stack>
    </Modal>
  )
}
