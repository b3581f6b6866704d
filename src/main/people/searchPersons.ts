import { Brackets, type EntityManager, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm'
import { type PersonListItem, type PersonSearch, type PersonSortKey, SEARCH_PAGE_MAX } from '../../shared/contract/people'
import type { PersonRole } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { normalisePostcode } from '../../shared/validation/postcode'
import type { Workspace } from '../workspace/Workspace'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { portableQuery } from '../vault/portableQuery'
import { restrictedAmong, unrestrictedClause } from '../rights/processingLimitState'
import { familyQueryKey, givenSearchKey, prefixUpperBound, searchText } from './searchKeys'

interface Clause {
  sql: string
  params: Record<string, string>
}

/** `col >= :lo AND col < :hi`: a prefix match that uses the column's plain index. */
function prefixClause(column: keyof Person, prefix: string, name: string): Clause {
  const col = `"p"."${column}"`
  return { sql: `(${col} >= :${name}Lo AND ${col} < :${name}Hi)`, params: { [`${name}Lo`]: prefix, [`${name}Hi`]: prefixUpperBound(prefix) } }
}

/**
 * A phone query as the start of an E.164 number: `06 1234` → `+3161234`, `0031 6…` / `+31 6…`
 * as typed. Only queries that start like a phone number (`0`, `00`, `+`) qualify, so a bare run
 * of digits — a BSN, say — is never compared with anything but the ref (R-3, UAVG art. 46).
 */
export function phoneQueryPrefix(query: string): string | null {
  const compact = query.replace(/[\s().-]/g, '')
  if (!/^\+?\d{3,15}$/.test(compact)) return null
  if (compact.startsWith('+')) return compact
  if (compact.startsWith('00')) return `+${compact.slice(2)}`
  if (compact.startsWith('0')) return `+31${compact.slice(1)}`
  return null
}

/** A postcode query as the start of a normalised postcode: `1234a` → `1234 A`. */
export function postcodeQueryPrefix(query: string): string | null {
  const full = normalisePostcode(query)
  if (full) return full
  const m = /^([1-9]\d{3})\s*([a-zA-Z]?)$/.exec(query.trim())
  if (!m) return null
  return m[2] ? `${m[1]!} ${m[2].toUpperCase()}` : m[1]!
}

/**
 * A postcode prefix. Its four digits alone (the area, what staff type most) are an equality on
 * `idx_person_postcode_area`, whose hits come in name order; a longer prefix is a range of the
 * postcode index (a handful of hits). Both say "the postcode starts with the prefix".
 */
function postcodeClause(prefix: string): Clause {
  if (/^\d{4}$/.test(prefix)) return { sql: `substr("p"."postcode", 1, 4) = :postcodeArea`, params: { postcodeArea: prefix } }
  return prefixClause('postcode', prefix, 'postcode')
}

/** The ways a query can match a person: each a prefix on an indexed, normalised column. */
function queryClauses(query: string): Clause[] {
  const clauses: Clause[] = []
  const text = searchText(query)
  if (text === '') return clauses
  // Names: given-name prefix, family-name prefix (without tussenvoegsel), or "given family".
  clauses.push(prefixClause('searchGiven', givenSearchKey(query), 'given'))
  const family = familyQueryKey(query)
  if (family !== '') clauses.push(prefixClause('searchFamily', family, 'family'))
  const words = text.split(' ')
  if (words.length > 1) {
    const rest = familyQueryKey(words.slice(1).join(' '))
    const first = prefixClause('searchGiven', words[0]!, 'first')
    if (rest === '') clauses.push(first)
    else {
      const last = prefixClause('searchFamily', rest, 'rest')
      clauses.push({ sql: `(${first.sql} AND ${last.sql})`, params: { ...first.params, ...last.params } })
    }
  }
  if (text.includes('@')) clauses.push(prefixClause('email', text.replace(/\s/g, ''), 'email'))
  const phone = phoneQueryPrefix(query)
  if (phone) clauses.push(prefixClause('phone', phone, 'phone'))
  const postcode = postcodeQueryPrefix(query)
  if (postcode) clauses.push(postcodeClause(postcode))
  clauses.push(prefixClause('ref', query.trim(), 'ref'))
  return clauses
}

/**
 * Record search (issue 3): name, e-mail, phone, postcode or ref, each as a prefix on an indexed
 * normalised column — never by BSN (UAVG art. 46: not a search key). Filters by role and state.
 * R-14: shielded, legal-hold and due-for-deletion records are left out unless a privacy officer
 * asks `includeShielded`. Returns list columns only (no special data, no BSN), at most 100 per
 * page. Audited as `person.search` with the kinds of criteria used, never the query text.
 * R-26: a person whose processing is restricted is kept, not used: staff find no hit; a privacy
 * officer does, marked `restricted`.
 */
export async function searchPersons(ws: Workspace, input: PersonSearch, pageMax = SEARCH_PAGE_MAX): Promise<{ items: PersonListItem[]; hasMore: boolean }> {
  if (input.includeShielded && !ws.hasRole('privacy_officer')) {
    throw new DossierError('FORBIDDEN', 'Only a privacy officer can include shielded records.')
  }
  const limit = Math.min(input.limit ?? 50, pageMax)
  const offset = input.offset ?? 0
  const sort = input.sort ?? 'name'
  const direction = input.direction ?? 'asc'
  const clauses = input.query ? queryClauses(input.query) : []
  const filters = filterClauses(input, !ws.hasRole('privacy_officer'))
  return ws.write(async ({ manager: m, audit }) => {
    const total = input.withTotal ? await matching(m, clauses, filters).getCount() : undefined
    const rows =
      sort === 'name'
        ? await pageInNameOrder(m, clauses, filters, direction, offset, limit + 1)
        : await orderedBy(matching(m, clauses, filters), sort, direction).offset(offset).limit(limit + 1).getMany()
    const page = rows.slice(0, limit)
    const roles = await rolesByPerson(m, page.map((p) => p.id))
    const restricted = await restrictedAmong(m, page.map((p) => p.id))
    await audit({ action: 'person.search', fields: criteriaOf(input) })
    return {
      items: page.map((p) => ({
        id: p.id,
        ref: p.ref,
        givenName: p.givenName,
        familyName: p.familyName,
        birthDate: p.birthDate,
        city: p.city,
        roles: roles.get(p.id) ?? [],
        state: p.state,
        ...(restricted.has(p.id) ? { restricted: true as const } : {})
      })),
      hasMore: rows.length > limit,
      ...(total === undefined ? {} : { total })
    }
  })
}

/** What the list shows of a person (`idx_person_list` holds all of it). */
type ListRow = Pick<Person, 'id' | 'ref' | 'givenName' | 'familyName' | 'birthDate' | 'city' | 'state'>

/** The conditions besides the query: state, role, restriction (R-14, R-26). */
function filterClauses(input: PersonSearch, hideRestricted: boolean): Clause[] {
  const filters: Clause[] = []
  // `state || ''` keeps the planner off the low-selectivity state index: it would pick it (no
  // statistics) and sort the whole table, where the prefix indexes find a few rows (bench: 100k).
  if (!input.includeShielded) filters.push({ sql: `("p"."state" || '') = :active`, params: { active: 'active' } })
  if (input.states) filters.push(inList(`("p"."state" || '')`, input.states, 'state'))
  if (hideRestricted) filters.push({ sql: unrestrictedClause('"p"'), params: {} })
  if (input.roles) {
    const roles = inList('"r"."role"', input.roles, 'role')
    filters.push({ sql: `EXISTS (SELECT 1 FROM "person_role" "r" WHERE "r"."personId" = "p"."id" AND ${roles.sql})`, params: roles.params })
  }
  return filters
}

function inList(expression: string, values: readonly string[], name: string): Clause {
  const params = Object.fromEntries(values.map((v, i) => [`${name}${i}`, v]))
  return { sql: `${expression} IN (${Object.keys(params).map((k) => `:${k}`).join(', ')})`, params }
}

/** Every matching person as a query builder (the count, and the lists sorted by another column than the name). */
function matching(m: EntityManager, clauses: Clause[], filters: Clause[]): SelectQueryBuilder<Person> {
  const qb = m.getRepository(PersonEntity).createQueryBuilder('p').select(['p.id', 'p.ref', 'p.givenName', 'p.familyName', 'p.birthDate', 'p.city', 'p.state'])
  if (clauses.length > 0) {
    qb.andWhere(
      new Brackets((or: WhereExpressionBuilder) => {
        for (const clause of clauses) or.orWhere(clause.sql, clause.params)
      })
    )
  }
  for (const filter of filters) qb.andWhere(filter.sql, filter.params)
  return qb
}

/**
 * Issue 18: one page of the list in name order, reading index pages only. Each way the query can
 * match is an arm that takes its first `offset + take` hits in name order: the family-name arm is
 * an ordered range of `idx_person_list` that stops there, as is a postcode's four digits on
 * `idx_person_postcode_area`; the given-name arm and a longer postcode prefix sort their hits from
 * `idx_person_given_list`/`idx_person_postcode_list` entries (no table page per hit); e-mail,
 * phone and ref match a handful. The union's page is then read back from
 * `idx_person_list` by its (name, id) keys. An OR of the prefixes in one query (the shape before)
 * read and sorted every hit's table row: ~1,100 rows at 100,000 persons for four letters of a
 * common family name, ten times that at a million. Without a query, the whole list is one arm.
 */
async function pageInNameOrder(m: EntityManager, clauses: Clause[], filters: Clause[], direction: 'asc' | 'desc', offset: number, take: number): Promise<ListRow[]> {
  const dir = direction === 'desc' ? 'DESC' : 'ASC'
  const arms = clauses.length > 0 ? clauses : [{ sql: `"p"."searchFamily" >= :anyFamily`, params: { anyFamily: '' } }]
  const params: Record<string, unknown> = { armTake: offset + take, pageTake: take, pageSkip: offset }
  for (const c of [...arms, ...filters]) Object.assign(params, c.params)
  const where = filters.map((f) => ` AND ${f.sql}`).join('')
  const armSql = arms.map(
    (arm, i) =>
      `SELECT * FROM (SELECT "p"."searchFamily" AS "sf", "p"."searchGiven" AS "sg", "p"."id" AS "id" FROM "person" "p" WHERE ${arm.sql}${where} ` +
      `ORDER BY "p"."searchFamily" ${dir}, "p"."searchGiven" ${dir}, "p"."id" ${dir} LIMIT :armTake) "arm${i}"`
  )
  return portableQuery<ListRow>(
    m,
    `SELECT "p"."id" AS "id", "p"."ref" AS "ref", "p"."givenName" AS "givenName", "p"."familyName" AS "familyName", "p"."birthDate" AS "birthDate", "p"."city" AS "city", "p"."state" AS "state"
     FROM "person" "p"
     WHERE ("p"."searchFamily", "p"."searchGiven", "p"."id") IN (
       SELECT "sf", "sg", "id" FROM (${armSql.join(' UNION ')}) "hits" ORDER BY "sf" ${dir}, "sg" ${dir}, "id" ${dir} LIMIT :pageTake OFFSET :pageSkip)
     ORDER BY "p"."searchFamily" ${dir}, "p"."searchGiven" ${dir}, "p"."id" ${dir}`,
    params
  )
}

/** The column each sort key orders by; ties by name, then id, so pages never overlap. */
const SORT_COLUMNS: Record<Exclude<PersonSortKey, 'name'>, string> = { birthDate: 'p.birthDate', city: 'p.city', ref: 'p.ref', state: 'p.state' }

/** Issue 16: the list sorted in the query (it is paged), by name unless another column is chosen. */
function orderedBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: PersonSortKey, direction: 'asc' | 'desc'): SelectQueryBuilder<T> {
  const dir = direction === 'desc' ? 'DESC' : 'ASC'
  if (sort === 'name') return qb.orderBy('p.searchFamily', dir).addOrderBy('p.searchGiven', dir).addOrderBy('p.id', dir)
  // A missing value (no birth date, city or ref) sorts as the smallest on both engines: SQLite's
  // own order, which PostgreSQL (nulls as the largest) is told.
  return qb
    .orderBy(SORT_COLUMNS[sort], dir, dir === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST')
    .addOrderBy('p.searchFamily', 'ASC')
    .addOrderBy('p.searchGiven', 'ASC')
    .addOrderBy('p.id', 'ASC')
}

async function rolesByPerson(m: EntityManager, ids: string[]): Promise<Map<string, PersonRole[]>> {
  const byPerson = new Map<string, PersonRole[]>()
  if (ids.length === 0) return byPerson
  // Fixed SQL with bound values (portableQuery): the query builder's `find` cost ~0.6 ms of CPU per page of 50 (issue 18).
  const list = inList('"r"."personId"', ids, 'id')
  const rows = await portableQuery<{ personId: string; role: PersonRole }>(m, `SELECT "r"."personId" AS "personId", "r"."role" AS "role" FROM "person_role" "r" WHERE ${list.sql} ORDER BY "r"."role" ASC`, list.params)
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.role])
  return byPerson
}

function criteriaOf(input: PersonSearch): string[] {
  const used: string[] = []
  if (input.query) used.push('query')
  if (input.roles) used.push('roles')
  if (input.states) used.push('states')
  if (input.includeShielded) used.push('includeShielded')
  if (input.sort) used.push('sort')
  return used
}
