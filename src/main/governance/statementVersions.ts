import type { EntityManager } from 'typeorm'
import type { StatementVersionView } from '../../shared/contract/governance'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Clock } from '../clock'
import type { Workspace } from '../workspace/Workspace'
import { type StatementVersion, StatementVersionEntity } from '../vault/entities/Governance'
import statement2018 from '../../../resources/privacyverklaring-2018.txt?raw'

/**
 * the privacy statement's versions. Each person records which version they were shown and
 * when (person.statementVersion / statementShownOn, kept by the people capability); a new version
 * lists who has not seen it yet. Versions are added, never edited or removed: what a person was
 * shown must stay provable. The agency's 2018 statement is seeded on first use.
 */
export const SEED_VERSION = { version: '2018-05', validFrom: '2018-05-25', text: statement2018 } as const

async function ensureSeeded(m: EntityManager, clock: Clock): Promise<void> {
  const repo = m.getRepository(StatementVersionEntity)
  if ((await repo.count()) > 0) return
  await repo.insert({ ...SEED_VERSION, createdAt: clock.now().toISOString() })
}

/** The version in force on `today`: the latest valid-from date on or before it. Pure. */
export function currentVersion(versions: readonly Pick<StatementVersion, 'version' | 'validFrom'>[], today: CalendarDate): string | null {
  const inForce = versions.filter((v) => v.validFrom <= today).sort((a, b) => (a.validFrom === b.validFrom ? 0 : a.validFrom < b.validFrom ? 1 : -1))
  return inForce[0]?.version ?? null
}

export async function listStatementVersions(ws: Workspace): Promise<StatementVersionView[]> {
  const rows = await ws.write(async ({ manager: m }) => {
    await ensureSeeded(m, ws.clock)
    return m.getRepository(StatementVersionEntity).find({ order: { validFrom: 'DESC' } })
  })
  const current = currentVersion(rows, ws.clock.today())
  return rows.map((r) => view(r, current))
}

export async function getStatementVersion(ws: Workspace, version: string): Promise<StatementVersion> {
  const row = await ws.write(async ({ manager: m }) => {
    await ensureSeeded(m, ws.clock)
    return m.getRepository(StatementVersionEntity).findOneBy({ version })
  })
  if (!row) throw new DossierError('NOT_FOUND', 'No such statement version.')
  return row
}

/**
 * a person names a version that is in the register, never an invented one (issue 14 point
 * 7). These run inside the caller's transaction (intake, import, rectification). Of `versions`,
 * the ones not registered.
 */
export async function unknownStatementVersions(m: EntityManager, clock: Clock, versions: readonly string[]): Promise<Set<string>> {
  await ensureSeeded(m, clock)
  const known = new Set((await m.getRepository(StatementVersionEntity).find({ select: { version: true } })).map((r) => r.version))
  return new Set(versions.filter((v) => !known.has(v)))
}

/** The refusal; each path names a field (`statementVersion`, `changes.statementVersion`, `persons[3].statementVersion`). */
export function statementVersionUnknown(paths: readonly string[]): DossierError {
  return new DossierError('STATEMENT_VERSION_UNKNOWN', 'This privacy-statement version is not in the register; nothing was saved.', {
    issues: paths.map((path) => ({ path, key: 'validation.statement.unknown' }))
  })
}

export async function requireStatementVersion(m: EntityManager, clock: Clock, version: string, path: string): Promise<void> {
  if ((await unknownStatementVersions(m, clock, [version])).size > 0) throw statementVersionUnknown([path])
}

/** The version in force on `on` (a new intake's default: the statement shown that day), seeding 2018-05 first. */
export async function statementVersionInForce(m: EntityManager, clock: Clock, on: CalendarDate): Promise<string | null> {
  await ensureSeeded(m, clock)
  return currentVersion(await m.getRepository(StatementVersionEntity).find({ select: { version: true, validFrom: true } }), on)
}

/** A version name fit to be a record id and to appear in reports: `2018-05`, `2026.1`, `v3`. */
export const VERSION_NAME = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/

export async function addStatementVersion(ws: Workspace, input: { version: string; validFrom: CalendarDate; text: string }): Promise<StatementVersionView> {
  ws.requireRole('privacy_officer')
  if (!VERSION_NAME.test(input.version)) {
    throw new DossierError('VALIDATION_FAILED', 'Not a usable version name.', { issues: [{ path: 'version', key: 'validation.statement.version' }] })
  }
  const row: StatementVersion = { ...input, createdAt: ws.clock.now().toISOString() }
  const all = await ws.write(async ({ manager: m, audit }) => {
    await ensureSeeded(m, ws.clock)
    const repo = m.getRepository(StatementVersionEntity)
    if (await repo.existsBy({ version: input.version })) {
      throw new DossierError('CONFLICT', 'This version exists already.', { issues: [{ path: 'version', key: 'validation.statement.exists' }] })
    }
    await repo.insert(row)
    await audit({ action: 'statement.add', subjectId: input.version, fields: ['version', 'validFrom', 'text'] })
    return repo.find()
  })
  return view(row, currentVersion(all, ws.clock.today()))
}

/**
 * Active persons whose recorded statement version is not `version` (or who have none): who must
 * still be shown it. Ids and references only. Shielded records and records kept only for
 * a legal duty are left out: they are not approached any more.
 */
export async function personsNotShownVersion(
  ws: Workspace,
  version: string,
  limit = 1000
): Promise<{ version: string; count: number; persons: { id: string; ref: string | null }[]; truncated: boolean }> {
  ws.requireRole('privacy_officer')
  await getStatementVersion(ws, version)
  return ws.read(async ({ store }) => {
    const qb = store.person
      .createQueryBuilder('p')
      .select(['p.id', 'p.ref'])
      .where('p.state = :state', { state: 'active' })
      .andWhere('(p.statementVersion IS NULL OR p.statementVersion <> :version)', { version })
    const count = await qb.getCount()
    // Records without a reference first on both engines (SQLite's default; PostgreSQL's is last).
    const rows = await qb.orderBy('p.ref', 'ASC', 'NULLS FIRST').addOrderBy('p.id', 'ASC').take(limit).getMany()
    return { version, count, persons: rows.map((p) => ({ id: p.id, ref: p.ref })), truncated: count > rows.length }
  })
}

function view(r: StatementVersion, current: string | null): StatementVersionView {
  return { version: r.version, validFrom: r.validFrom, createdAt: r.createdAt, current: r.version === current, length: r.text.length }
}
