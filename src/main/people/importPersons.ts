import { randomUUID } from 'node:crypto'
import { type EntityManager, In, type ObjectLiteral, type Repository } from 'typeorm'
import { type ImportSummary, type ImportWarning, SPECIAL_DATA_WARNING } from '../../shared/contract/people'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import { type ImportFile, formatImportIssues, makeImportSchema } from '../../shared/import/importFormat'
import type { Workspace } from '../workspace/Workspace'
import { ClientContactEntity, ClientEntity } from '../vault/entities/Client'
import { EmploymentEntity, RecruitmentProcedureEntity } from '../vault/entities/Employment'
import { PersonEntity } from '../vault/entities/Person'
import { sealColumns } from '../vault/sealedColumns'
import { PersonPurposeEntity, PersonRoleEntity } from '../vault/entities/PersonRoleRow'
import { filledFields } from './createPerson'
import { DoNotContactRegister, profileUrlOf } from './DoNotContactRegister'
import { importSpecialData } from '../consent/importSpecialData'
import { type PersonRows, clientKey, rowsFromImportPerson } from './importRows'
import { detectSpecialDataInFields } from '../../shared/person/detectSpecialData'
import { auditFreeTextWarnings } from './freeTextWarnings'
import { informTaskFor } from './informTasks'
import { refsTakenOnServer } from '../server/hiddenRecords'
import { InformTaskEntity } from '../vault/entities/InformTask'
import { unknownStatementVersions } from '../governance/statementVersions'
import type { Clock } from '../clock'

/** Rows per multi-row INSERT (person has ~50 columns; SQLite allows 32766 parameters). */
const CHUNK = 100

/** Imported persons marked `doNotContact` have no reason in the file; R-10's neutral default. */
const IMPORTED_DNC_REASON = 'no-approach'

/** At most this many problems are listed (a huge file with every row bad must not print megabytes); the count is always given. */
export const IMPORT_ISSUES_LISTED = 100

function importInvalid(issues: ErrorIssue[]): DossierError {
  const total = issues.length
  const listed = total > IMPORT_ISSUES_LISTED ? `; the first ${IMPORT_ISSUES_LISTED} are listed` : ''
  return new DossierError('IMPORT_INVALID', `The import file has errors; nothing was imported (${total} problem${total === 1 ? '' : 's'}${listed}).`, {
    issues: issues.slice(0, IMPORT_ISSUES_LISTED),
    detail: { problems: total }
  })
}

/** Parse and validate a `dossier-import/1` text; every bad row is reported by position and field. */
export function parseImportText(text: string, today: string): ImportFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw importInvalid([{ path: '', key: 'validation.import.format' }])
  }
  const parsed = makeImportSchema(today).safeParse(raw)
  if (!parsed.success) throw importInvalid(formatImportIssues(parsed.error))
  return parsed.data
}

/**
 * Import (`dossier-import/1`, issue 3): all or nothing, in ONE transaction. The file is checked
 * with the shared import schema (formats, BSN only with a BSN purpose and an employment, dates),
 * then against the vault before anything is written: refs and client names already present, and
 * the do-not-contact register (R-10, also entries made by this file), privacy-statement versions. Rows with `doNotContact`
 * become register entries and keep no person row. Special data goes through the hook in
 * consent/importSpecialData.ts (R-4: a row without valid consent or basis rejects the file). Free
 * text that looks like special data (R-4a) is a warning per row and field, not a refusal. Audited
 * as one `person.import` plus `person.create` (and `person.special-data-warning`) per person,
 * `client.create` per client.
 */
export async function importPersons(ws: Workspace, text: string): Promise<ImportSummary> {
  const file = parseImportText(text, ws.clock.today())
  const register = DoNotContactRegister.of(ws.vault)
  return ws.write(async (tx) => {
    const { manager: m, audit } = tx
    const issues = await conflictsWithVault(m, file, register, ws.clock)
    if (issues.length > 0) throw importInvalid(issues)
    const createdAt = tx.at
    const today = tx.today

    const clientIdByName = new Map<string, string>()
    for (const client of file.clients ?? []) {
      const { contacts, ...fields } = client
      const id = randomUUID()
      const u = <T>(v: T | undefined): T | null => v ?? null
      await m.getRepository(ClientEntity).insert({
        id,
        name: fields.name,
        street: u(fields.street),
        houseNumber: u(fields.houseNumber),
        postcode: u(fields.postcode),
        city: u(fields.city),
        email: u(fields.email),
        phone: u(fields.phone),
        createdAt
      })
      const contactRows = contacts.map((c) => ({ id: randomUUID(), clientId: id, givenName: c.givenName, familyName: c.familyName, email: u(c.email), phone: u(c.phone), function: u(c.function) }))
      if (contactRows.length > 0) await m.getRepository(ClientContactEntity).insert(contactRows)
      clientIdByName.set(clientKey(fields.name), id)
      await audit({ action: 'client.create', subjectId: id, fields: ['name', 'contacts'] })
    }
    for (const client of await m.getRepository(ClientEntity).find({ select: { id: true, name: true } })) {
      if (!clientIdByName.has(clientKey(client.name))) clientIdByName.set(clientKey(client.name), client.id)
    }

    let doNotContact = 0
    const warnings: ImportWarning[] = []
    const imported: { index: number; rows: PersonRows }[] = []
    for (const [index, p] of file.persons.entries()) {
      if (p.doNotContact === true) {
        const { entry, identifiers } = await register.record(m, { email: p.email, phone: p.phone, profileUrl: profileUrlOf(p.source) }, IMPORTED_DNC_REASON, today)
        await audit({ action: 'person.do-not-contact', subjectId: entry.id, fields: identifiers, reason: 'import' })
        doNotContact++
        continue
      }
      imported.push({ index, rows: rowsFromImportPerson(p, randomUUID(), createdAt, clientIdByName, randomUUID) })
    }
    await insertChunked(m.getRepository(PersonEntity), imported.map((x) => sealColumns(tx.fields, 'person', x.rows.person.id, x.rows.person)))
    await insertChunked(m.getRepository(PersonRoleEntity), imported.flatMap((x) => x.rows.roles))
    await insertChunked(m.getRepository(PersonPurposeEntity), imported.flatMap((x) => x.rows.purposes))
    await insertChunked(m.getRepository(EmploymentEntity), imported.flatMap((x) => x.rows.employments))
    await insertChunked(m.getRepository(RecruitmentProcedureEntity), imported.flatMap((x) => x.rows.recruitment))
    // a person found on a public website or passed on by a third party is to be informed
    // (not one who already unsubscribed: that was a contact).
    const informTasks = imported.flatMap(({ rows: { person: p } }) => (p.unsubscribedOn === null ? [informTaskFor(p.id, p.sourceKind, p.registeredOn)] : [])).filter((t) => t !== null)
    await insertChunked(m.getRepository(InformTaskEntity), informTasks)
    const informed = new Set(informTasks.map((t) => t.personId))
    for (const { index, rows } of imported) {
      try {
        await importSpecialData(tx, rows.person.id, file.persons[index]!.special ?? [])
      } catch (e) {
        if (e instanceof DossierError) {
          // The row and the field (R-4a: `persons[2].special[0].legalBasis`), never the value.
          const issues = e.issues.length > 0 ? e.issues.map((i) => ({ path: `persons[${index}].${i.path}`, key: i.key })) : [{ path: `persons[${index}].special`, key: `errors.${e.code}` }]
          throw new DossierError(e.code, e.message, { issues })
        }
        throw e
      }
      const collections = [
        'roles',
        'purposes',
        ...(rows.employments.length ? ['employments'] : []),
        ...(rows.recruitment.length ? ['recruitment'] : []),
        ...(informed.has(rows.person.id) ? ['informTask'] : [])
      ]
      await audit({ action: 'person.create', subjectId: rows.person.id, fields: [...filledFields(rows.person), ...collections] })
      // R-4a: free text that looks like special data is imported but reported, by row and field.
      const hints = detectSpecialDataInFields(file.persons[index]!)
      for (const { field, category } of hints) warnings.push({ path: `persons[${index}].${field}`, key: SPECIAL_DATA_WARNING, category })
      await auditFreeTextWarnings(audit, rows.person.id, hints.map(({ field, category }) => `${field}:${category}`))
    }
    const summary: ImportSummary = { persons: imported.length, doNotContact, clients: (file.clients ?? []).length, warnings }
    await audit({ action: 'person.import', reason: `persons=${summary.persons}; doNotContact=${summary.doNotContact}; clients=${summary.clients}` })
    return summary
  })
}

/**
 * Multi-row insert WITHOUT TypeORM's post-insert entity update: on SQLite that update re-reads
 * generated values by rowid and can write one row's id into another row's object, which silently
 * attached imported special data to the wrong person in a flaky test. Our ids are set up front.
 */
async function insertChunked<T extends ObjectLiteral>(repo: Repository<T>, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await repo.createQueryBuilder().insert().values(rows.slice(i, i + CHUNK) as never).updateEntity(false).execute()
  }
}

/** Of `refs`, those a record in the vault holds. */
async function refsInVault(m: EntityManager, refs: readonly string[]): Promise<Set<string>> {
  const existing = new Set<string>()
  for (let i = 0; i < refs.length; i += 500) {
    const found = await m.getRepository(PersonEntity).find({ where: { ref: In(refs.slice(i, i + 500)) }, select: { ref: true } })
    for (const f of found) if (f.ref !== null) existing.add(f.ref)
  }
  return existing
}

/**
 * What the vault says against the file, all reported at once: refs and client names that exist
 * already, and persons matching the do-not-contact register or a `doNotContact` row of the file.
 * The issue names the field that matched, never its value.
 */
async function conflictsWithVault(m: EntityManager, file: ImportFile, register: DoNotContactRegister, clock: Clock): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = []
  // R-24 (issue 14 point 7): a version the register does not hold is refused, per row.
  const unknown = await unknownStatementVersions(m, clock, file.persons.flatMap((p) => (p.statementVersion === undefined ? [] : [p.statementVersion])))
  file.persons.forEach((p, i) => {
    if (p.statementVersion !== undefined && unknown.has(p.statementVersion)) issues.push({ path: `persons[${i}].statementVersion`, key: 'validation.statement.unknown' })
  })
  const refs = file.persons.map((p) => p.ref)
  const existingRefs = (await refsTakenOnServer(m, refs)) ?? (await refsInVault(m, refs))
  file.persons.forEach((p, i) => {
    if (existingRefs.has(p.ref)) issues.push({ path: `persons[${i}].ref`, key: 'validation.import.duplicateRef' })
  })

  const clientNames = new Set((await m.getRepository(ClientEntity).find({ select: { name: true } })).map((c) => clientKey(c.name)))
  ;(file.clients ?? []).forEach((c, i) => {
    if (clientNames.has(clientKey(c.name))) issues.push({ path: `clients[${i}].name`, key: 'validation.import.duplicateClient' })
  })

  const fileEntries = { email: new Set<string>(), phone: new Set<string>(), url: new Set<string>() }
  for (const p of file.persons) {
    if (p.doNotContact !== true) continue
    const h = register.hashes({ email: p.email, phone: p.phone, profileUrl: profileUrlOf(p.source) })
    if (h.email) fileEntries.email.add(h.email)
    if (h.phone) fileEntries.phone.add(h.phone)
    if (h.url) fileEntries.url.add(h.url)
  }
  const FIELD = { email: 'email', phone: 'phone', url: 'source.detail' } as const
  for (const [i, p] of file.persons.entries()) {
    if (p.doNotContact === true) continue
    const ids = { email: p.email, phone: p.phone, profileUrl: profileUrlOf(p.source) }
    const h = register.hashes(ids)
    const inFile = h.email && fileEntries.email.has(h.email) ? 'email' : h.phone && fileEntries.phone.has(h.phone) ? 'phone' : h.url && fileEntries.url.has(h.url) ? 'url' : null
    const matched = inFile ?? (await register.findMatch(m, ids))
    if (matched) issues.push({ path: `persons[${i}].${FIELD[matched]}`, key: 'errors.DO_NOT_CONTACT_MATCH' })
  }
  return issues
}
