import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RetentionState } from '../../../../shared/domain'

const COLOR: Record<RetentionState, string> = { active: 'teal', shielded: 'orange', 'legal-hold': 'grape', 'due-for-deletion': 'red' }

/** A person's retention state (R-11..R-16) as a coloured label; `full`: never cut, whatever the column's width (issue 16). */
export function StateBadge({ state, full = false }: { state: RetentionState; full?: boolean }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={COLOR[state]}
      variant="light"
      data-testid="state-badge"
      data-state={state}
      {...(full ? { styles: { root: { maxWidth: 'none', overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } } } : {})}
    >
      {t(`people.state.${state}`)}
    </Badge>
  )
}
