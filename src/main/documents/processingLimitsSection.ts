import type { CalendarDate } from '../../shared/domain'
import { OBJECTION_PURPOSE_LABELS, type ObjectionPurpose, type ProcessingLimitKind } from '../../shared/vocabulary'
import { type Html } from './html'
import { dateOrDash, section, table } from './htmlDocument'
import type { Lang } from './labels'

/** a restriction or objection in force, as the access report prints it (no reasons: those are the office's notes). */
export interface AccessReportProcessingLimit {
  kind: ProcessingLimitKind
  purpose: ObjectionPurpose | null
  recordedOn: CalendarDate
}

const TEXTS = {
  nl: {
    title: 'Beperking en bezwaar',
    what: 'Wat',
    since: 'Sinds',
    restriction: 'Beperking van de verwerking (art. 18 AVG): uw gegevens worden bewaard maar niet gebruikt.',
    objection: (purpose: string) => `Bezwaar (art. 21 AVG) tegen: ${purpose}. Wij verwerken uw gegevens hiervoor niet meer.`
  },
  en: {
    title: 'Restriction and objection',
    what: 'What',
    since: 'Since',
    restriction: 'Restriction of processing (Art. 18 GDPR): your data is kept but not used.',
    objection: (purpose: string) => `Objection (Art. 21 GDPR) to: ${purpose}. We no longer process your data for this.`
  }
} as const

/** The section, only when something is in force (R-18a: the report says what limits the processing). */
export function processingLimitsSection(limits: readonly AccessReportProcessingLimit[] | undefined, lang: Lang): Html | '' {
  if (!limits || limits.length === 0) return ''
  const t = TEXTS[lang]
  return section(
    t.title,
    table(
      [t.what, t.since],
      limits.map((l) => [l.kind === 'restriction' ? t.restriction : t.objection(OBJECTION_PURPOSE_LABELS[lang][l.purpose ?? 'presentation']), dateOrDash(l.recordedOn, lang)])
    )
  )
}
