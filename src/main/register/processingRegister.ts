import { MoreThanOrEqual } from 'typeorm'
import { PURPOSES, SPECIAL_CATEGORIES, type CalendarDate } from '../../shared/domain'
import { FREE_ATTEMPTS } from '../accounts/signInThrottle'
import { calendarDateOf } from '../clock'
import { addCalendarMonths, formatPrintedDate } from '../../shared/time'
import { describeTerm } from '../../shared/vocabulary'
import type { Lang } from '../documents/labels'
import { renderProcessingRegisterHtml, type ProcessingRegisterInput } from '../documents/renderProcessingRegister'
import { purposeBases } from '../people/purposeLegalBasis'
import type { RetentionPolicy } from '../retention/policy'
import { currentPolicy } from '../retention/policyStore'
import type { Workspace } from '../workspace/Workspace'
import { readSettings, type Settings } from '../governance/settings'
import { CIPHER } from '../vault/cipher'
import { AccountEntity } from '../vault/entities/Account'
import { AuditEntryEntity } from '../vault/entities/AuditEntry'
import { DisclosureEntity } from '../vault/entities/Disclosure'
import { AuditAnchorEntity, type Dpia, type Processor } from '../vault/entities/Governance'
import type { DataCategory } from '../../shared/contract/governance'
import { fill, governanceLabels } from '../governance/governanceLabels'
import { PURPOSE_REGISTER } from './purposeRegister'

/**
 * GDPR art. 30: the record of processing activities, generated from the app itself — purposes and
 * legal bases from the purpose grounds (people/purposeLegalBasis.ts), retention terms from the policy in force, security measures from the
 * vault's real configuration — so the printed register cannot drift from what the app does.
 */

/** What the vault says about its own security, gathered by `getProcessingRegisterHtml`. */
export interface SecurityFacts {
  cipher: string
  kdfN: number
  activeAccounts: number
  idleLockMinutes: number
  fourEyesErasure: boolean
  auditEntries: number
  lastAnchorOn: CalendarDate | null
  policyVersion: number
  disclosuresLastYear: number
}

const CIPHER_NAMES: Record<string, string> = { chacha20: 'ChaCha20-Poly1305', sqlcipher: 'SQLCipher (AES-256)', aes256cbc: 'AES-256-CBC' }

export function securityMeasures(f: SecurityFacts, lang: Lang): string[] {
  const s = governanceLabels(lang).security
  const disclosures = governanceLabels(lang).disclosures
  return [
    fill(s.cipher, { cipher: CIPHER_NAMES[f.cipher] ?? f.cipher }),
    fill(s.kdf, { n: f.kdfN }),
    fill(s.accounts, { n: f.activeAccounts }),
    fill(s.throttle, { n: FREE_ATTEMPTS }),
    fill(s.idleLock, { n: f.idleLockMinutes }),
    s.shielded,
    f.fourEyesErasure ? s.fourEyesOn : s.fourEyesOff,
    fill(s.audit, { n: f.auditEntries, anchor: f.lastAnchorOn ? formatPrintedDate(f.lastAnchorOn, lang) : s.noAnchor }),
    fill(disclosures, { n: f.disclosuresLastYear }),
    fill(s.retention, { v: f.policyVersion }),
    s.app
  ]
}

/** Pure: the register's content from the policy, settings and security facts. */
export function buildProcessingRegister(input: {
  lang: Lang
  today: CalendarDate
  settings: Settings
  policy: RetentionPolicy
  security: SecurityFacts
  /** the processor and DPIA registers. */
  processors?: Processor[]
  dpias?: Dpia[]
}): ProcessingRegisterInput {
  const L = governanceLabels(input.lang)
  return {
    lang: input.lang,
    agency: input.settings.agency,
    generatedOn: input.today,
    purposes: PURPOSES.map((purpose) => {
      const entry = PURPOSE_REGISTER[purpose]
      const retention = entry.rules.map((id) => {
        const rule = input.policy.rules[id]
        const cite = [rule.requirement, rule.law].filter(Boolean).join(', ')
        return `${L.ruleTrigger[id]}: ${describeTerm(rule.term, input.lang)} (${cite})`
      })
      return {
        purpose,
        // Issue 14 point 4: every ground the purpose can rest on (people/purposeLegalBasis.ts).
        legalBasis: purposeBases(purpose),
        dataCategories: entry.categories.map((c) => L.dataCategory[c]),
        recipients: entry.recipients.map((r) => L.recipient[r]),
        retention: retention.length ? retention.join('; ') : L.auditTrailRetention
      }
    }),
    specialCategories: [...SPECIAL_CATEGORIES],
    securityMeasures: securityMeasures(input.security, input.lang),
    processors: (input.processors ?? []).map((p) => ({
      name: p.name,
      purpose: p.purpose,
      dataCategories: p.dataCategories.map((c) => L.dataCategory[c as DataCategory] ?? c),
      agreementOn: p.agreementOn,
      location: `${p.location}, ${p.country}`,
      subProcessors: p.subProcessors
    })),
    dpias: (input.dpias ?? []).map(({ subject, assessedOn, outcome, nextReviewOn }) => ({ subject, assessedOn, outcome, nextReviewOn }))
  }
}

export async function getProcessingRegisterHtml(ws: Workspace, lang: Lang): Promise<string> {
  ws.requireRole('privacy_officer', 'admin')
  const today = ws.clock.today()
  const { policy, security, settings, processors, dpias } = await ws.write(async ({ manager: m, store }) => {
    const policy = await currentPolicy(m, ws.clock)
    const settings = await readSettings(store)
    const lastAnchor = (await m.getRepository(AuditAnchorEntity).find({ order: { seq: 'DESC' }, take: 1 }))[0]
    const kdfNs = ws.keySlots.accountKdfCosts()
    const security: SecurityFacts = {
      cipher: CIPHER,
      kdfN: kdfNs.length ? Math.min(...kdfNs) : 0,
      activeAccounts: await m.getRepository(AccountEntity).countBy({ disabled: false }),
      idleLockMinutes: settings.idleLockMinutes,
      fourEyesErasure: settings.fourEyesErasure,
      auditEntries: await m.getRepository(AuditEntryEntity).count(),
      lastAnchorOn: lastAnchor ? calendarDateOf(new Date(lastAnchor.createdAt)) : null,
      policyVersion: policy.version,
      disclosuresLastYear: await m.getRepository(DisclosureEntity).countBy({ disclosedAt: MoreThanOrEqual(addCalendarMonths(today, -12)) })
    }
    const processors = (await store.processor.find()).sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    const dpias = (await store.dpia.find()).sort((a, b) => a.subject.localeCompare(b.subject, 'nl'))
    return { policy, security, settings, processors, dpias }
  })
  return renderProcessingRegisterHtml(buildProcessingRegister({ lang, today, settings, policy, security, processors, dpias }))
}
