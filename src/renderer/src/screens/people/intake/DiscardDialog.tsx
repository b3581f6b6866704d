import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Discarding the intake loses what was typed: asked once, Cancel has focus. */
export function DiscardDialog({ opened, onCancel, onDiscard }: { opened: boolean; onCancel: () => void; onDiscard: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onCancel} title={t('intake.discardTitle')} centered>
      <Stack>
        <Text size="sm">{t('intake.discardBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onDiscard} data-testid="intake-discard-confirm">
            {t('intake.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
