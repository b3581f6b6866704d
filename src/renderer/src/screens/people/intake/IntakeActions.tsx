import { Button, Group, Kbd, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { IntakeStepId } from '../personForm'

/** Next (Save on the review step), Back, the keys that do the same, and Discard. */
export function IntakeActions({ current, busy, onBack, onDiscard }: { current: IntakeStepId; busy: boolean; onBack: (() => void) | null; onDiscard: () => void }) {
  const { t } = useTranslation()
  const review = current === 'review'
  return (
    <Group justify="space-between" mt="xs">
      <Group gap="xs">
        <Button
          // a new element on the review step, so that autoFocus puts Enter on "save"
          key={review ? 'save' : 'next'}
          type="submit"
          loading={busy}
          autoFocus={review}
          data-testid="intake-next"
        >
          {review ? t('intake.save') : t('intake.next')}
        </Button>
        {onBack && (
          <Button type="button" variant="default" onClick={onBack} data-testid="intake-back">
            {t('intake.back')}
          </Button>
        )}
        <Text size="xs" c="dimmed">
          {review ? (
            <>
              <Kbd size="xs">Enter</Kbd> {t('intake.keys.save')}
            </>
          ) : (
            <>
              <Kbd size="xs">Enter</Kbd> {t('intake.keys.next')}
              {(current === 'experience' || current === 'availability') && (
                <>
                  {' · '}
                  <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> {t('intake.keys.inText')}
                </>
              )}
            </>
          )}
        </Text>
      </Group>
      <Button type="button" variant="subtle" color="red" onClick={onDiscard} data-testid="intake-discard">
        {t('intake.discard')}
      </Button>
    </Group>
  )
}
