/**
 * R-4a: free text is not a back door. When a free-text field looks like special data (the shared
 * detector, shared/person/detectSpecialData.ts) the forms say so while typing (SpecialDataAlert)
 * and ask before saving (SpecialDataDialog): "Aanpassen" is the default, "Toch opslaan" is allowed
 * because the detector can be wrong — main then records field and category in the audit trail.
 * Categories are named in words (consent.category.*), never as codes; the text is never repeated.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SpecialDataHint } from '../../../../shared/person/detectSpecialData'
import type { FreeTextField } from '../../../../shared/person/specialDataTerms'
import type { SpecialCategory } from '../../../../shared/vocabulary'
import { useFieldLabel } from './fieldLabel'

type FieldHint = Required<SpecialDataHint>

/** The hints per field, in the order found. */
function byField(hints: readonly FieldHint[]): { field: FreeTextField; categories: SpecialCategory[] }[] {
  const fields = new Map<FreeTextField, SpecialCategory[]>()
  for (const { field, category } of hints) fields.set(field, [...(fields.get(field) ?? []), category])
  return [...fields].map(([field, categories]) => ({ field, categories }))
}

function HintList({ hints }: { hints: readonly FieldHint[] }) {
  const { t } = useTranslation()
  const fieldLabel = useFieldLabel()
  return (
    <List size="sm" data-testid="special-data-hints">
      {byField(hints).map(({ field, categories }) => (
        <List.Item key={field} data-testid={`special-data-hint-${field}`}>
          <Text span fw={600} size="sm">
            {fieldLabel(field)}
          </Text>
          {': '}
          {categories.map((c) => t(`consent.category.${c}`)).join(', ')}
        </List.Item>
      ))}
    </List>
  )
}

/** Shown under the fields while typing; nothing when no field looks like special data. */
export function SpecialDataAlert({ hints }: { hints: readonly FieldHint[] }) {
  const { t } = useTranslation()
  if (hints.length === 0) return null
  return (
    <Alert color="orange" variant="light" title={t('specialData.title')} data-testid="special-data-alert" role="alert">
      <Stack gap={6}>
        <Text size="sm">{t('specialData.body')}</Text>
        <HintList hints={hints} />
      </Stack>
    </Alert>
  )
}

/**
 * Before a save: adjust the text (default, focused) or save anyway. `onOpenSpecialData` offers the
 * person's special-data section (the consent tab) where the data belongs with a valid ground; at
 * intake there is no record yet, so the text says where it goes after registration instead.
 */
export function SpecialDataDialog({
  hints,
  onAdjust,
  onSaveAnyway,
  onOpenSpecialData
}: {
  hints: readonly FieldHint[] | null
  onAdjust: () => void
  onSaveAnyway: () => void
  onOpenSpecialData?: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal opened={hints !== null && hints.length > 0} onClose={onAdjust} title={t('specialData.title')} centered size="lg">
      <Stack data-testid="special-data-choice">
        <Text size="sm">{t('specialData.body')}</Text>
        <HintList hints={hints ?? []} />
        <Text size="sm">{onOpenSpecialData ? t('specialData.properPlace') : t('specialData.properPlaceAfterIntake')}</Text>
        <Text size="xs" c="dimmed">
          {t('specialData.audited')}
        </Text>
        <Group>
          <Button data-autofocus onClick={onAdjust} data-testid="special-data-adjust">
            {t('specialData.adjust')}
          </Button>
          <Button variant="default" color="orange" onClick={onSaveAnyway} data-testid="special-data-save-anyway">
            {t('specialData.saveAnyway')}
          </Button>
          {onOpenSpecialData && (
            <Button variant="subtle" onClick={onOpenSpecialData} data-testid="special-data-open">
              {t('specialData.open')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
