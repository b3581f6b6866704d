import type { EntityManager } from 'typeorm'
import type { LegalBasisView } from '../../shared/contract/consent'
import type { Workspace } from '../workspace/Workspace'
import { type LegalBasis, LegalBasisEntity } from '../vault/entities/Consent'

/**
 * the legal bases that allow special-category data without consent. The privacy officer
 * maintains the list; on first use it is seeded with the bases a Dutch staffing agency relies on.
 * A basis is never deleted (consents point to its key), only deactivated.
 */
export const DEFAULT_LEGAL_BASES: readonly LegalBasis[] = [
  {
    key: 'uavg-30-absence',
    label: 'UAVG art. 30 – verzuimbegeleiding en re-integratie',
    description:
      'Gezondheidsgegevens van werknemers voor zover nodig voor verzuimbegeleiding en re-integratie (UAVG art. 30 lid 1 sub b). Nooit de diagnose, oorzaak of aard van de ziekte.',
    active: true
  },
  {
    key: 'wet-poortwachter',
    label: 'Wet verbetering poortwachter – re-integratieverplichtingen',
    description: 'Gegevens die de werkgever nodig heeft om zijn re-integratieverplichtingen bij langdurig verzuim na te komen (plan van aanpak, probleemanalyse van de bedrijfsarts zonder diagnose).',
    active: true
  },
  {
    key: 'uavg-22-2b-employment-law',
    label: 'AVG art. 9 lid 2 sub b / UAVG art. 22 – verplichtingen uit het arbeidsrecht',
    description: 'Verwerking die noodzakelijk is om verplichtingen en rechten op het gebied van het arbeidsrecht en de sociale zekerheid na te komen.',
    active: true
  }
]

/** Every legal basis, seeding the defaults when the list is still empty. */
export async function ensureLegalBases(m: EntityManager): Promise<LegalBasis[]> {
  const repo = m.getRepository(LegalBasisEntity)
  const rows = await repo.find({ order: { key: 'ASC' } })
  if (rows.length > 0) return rows.map(normalise)
  await repo.insert(DEFAULT_LEGAL_BASES.map((b) => ({ ...b })))
  return [...DEFAULT_LEGAL_BASES].sort((a, b) => a.key.localeCompare(b.key))
}

/** SQLite hands booleans back as 0/1. */
function normalise(b: LegalBasis): LegalBasis {
  return { key: b.key, label: b.label, description: b.description, active: Boolean(b.active) }
}

export async function activeLegalBasisKeys(m: EntityManager): Promise<Set<string>> {
  return new Set((await ensureLegalBases(m)).filter((b) => b.active).map((b) => b.key))
}

export async function listLegalBases(ws: Workspace): Promise<LegalBasisView[]> {
  return ws.write(async ({ manager: m }) => ensureLegalBases(m))
}

/** Add or change one basis (privacy officer). Deactivating one makes its grounds `basis-inactive`. */
export async function saveLegalBasis(ws: Workspace, input: LegalBasisView): Promise<LegalBasisView> {
  return ws.write(async ({ manager: m, audit }) => {
    await ensureLegalBases(m)
    const repo = m.getRepository(LegalBasisEntity)
    const existing = await repo.findOneBy({ key: input.key })
    const row: LegalBasis = { key: input.key, label: input.label, description: input.description, active: input.active }
    if (existing) await repo.update({ key: input.key }, { label: row.label, description: row.description, active: row.active })
    else await repo.insert(row)
    await audit({ action: 'legal-basis.save', subjectId: null, fields: ['label', 'description', 'active'], reason: input.key })
    return row
  })
}
