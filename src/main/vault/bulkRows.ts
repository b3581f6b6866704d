import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Client, ClientContact } from './entities/Client'
import type { Employment, RecruitmentProcedure } from './entities/Employment'
import type { InformTask } from './entities/InformTask'
import type { Person } from './entities/Person'
import type { PersonPurposeRow, PersonRoleRow } from './entities/PersonRoleRow'

/** A person with the rows that belong to it, as the import writes them (people/importRows.ts). */
export interface BulkPersonRows {
  person: Person
  roles: PersonRoleRow[]
  purposes: PersonPurposeRow[]
  employments: Employment[]
  recruitment: RecruitmentProcedure[]
  /** R-27: the duty-to-inform task of a person found on a public website (the demo's only indirect source) */
  informTasks?: InformTask[]
}

/** A do-not-contact entry's keyed hashes (people/DoNotContactRegister.ts). */
export interface BulkDoNotContact {
  email: string | null
  phone: string | null
  url: string | null
}

export type BulkClient = Omit<Client, 'id'> & { contacts: Omit<ClientContact, 'id' | 'clientId'>[] }

/** Page cache while bulk writing (negative = KiB): 512 MiB, for the primary keys' random inserts at 1,000,000 persons. */
const BULK_CACHE_KIB = -512 * 1024

/**
 * Fast bulk writes for `dossier seed-demo` (100,000 persons in seconds): prepared statements in
 * batched transactions on the vault's own connection instead of one TypeORM call per row. The SQL
 * stays here, in vault/; the demo seeder says what to write. Not audited: the caller audits.
 */
export class BulkRows {
  private insertPerson: Database.Statement | null = null
  private readonly insertRole: Database.Statement
  private readonly insertPurpose: Database.Statement
  private readonly insertEmployment: Database.Statement
  private readonly insertProcedure: Database.Statement
  private readonly insertDnc: Database.Statement
  private readonly insertInformTask: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.insertRole = db.prepare('INSERT INTO person_role (personId, role) VALUES (?, ?)')
    this.insertPurpose = db.prepare('INSERT INTO person_purpose (personId, purpose, legalBasis) VALUES (?, ?, ?)')
    this.insertEmployment = db.prepare('INSERT INTO employment (id, personId, start, "end", kind, clientId) VALUES (?, ?, ?, ?, ?, ?)')
    this.insertProcedure = db.prepare('INSERT INTO recruitment_procedure (id, personId, clientId, clientName, start, "end") VALUES (?, ?, ?, ?, ?, ?)')
    this.insertInformTask = db.prepare(
      'INSERT INTO inform_task (id, personId, sourceKind, obtainedOn, dueOn, doneOn, doneHow, recordedBy, recordedAt) VALUES (@id, @personId, @sourceKind, @obtainedOn, @dueOn, @doneOn, @doneHow, @recordedBy, @recordedAt)'
    )
    this.insertDnc = db.prepare('INSERT INTO do_not_contact (id, emailHash, phoneHash, urlHash, recordedOn, reasonCategory) VALUES (?, ?, ?, ?, ?, ?)')
  }

  hasPersonRef(ref: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM person WHERE ref = ?').get(ref)
  }

  clients(): { id: string; name: string }[] {
    return this.db.prepare('SELECT id, name FROM client').all() as { id: string; name: string }[]
  }

  /** Inserts the clients with their contacts in one transaction; returns their new ids in order. */
  insertClients(clients: readonly BulkClient[]): string[] {
    const insertClient = this.db.prepare(
      'INSERT INTO client (id, name, street, houseNumber, postcode, city, email, phone, createdAt) VALUES (@id, @name, @street, @houseNumber, @postcode, @city, @email, @phone, @createdAt)'
    )
    const insertContact = this.db.prepare('INSERT INTO client_contact (id, clientId, givenName, familyName, email, phone, function) VALUES (?, ?, ?, ?, ?, ?, ?)')
    const ids: string[] = []
    this.db.transaction(() => {
      for (const c of clients) {
        const id = randomUUID()
        insertClient.run({ id, name: c.name, street: c.street, houseNumber: c.houseNumber, postcode: c.postcode, city: c.city, email: c.email, phone: c.phone, createdAt: c.createdAt })
        for (const k of c.contacts) insertContact.run(randomUUID(), id, k.givenName, k.familyName, k.email, k.phone, k.function)
        ids.push(id)
      }
    })()
    return ids
  }

  /** One transaction: the persons with their rows, and do-not-contact entries recorded on `recordedOn`. */
  writeBatch(batch: readonly BulkPersonRows[], dnc: readonly BulkDoNotContact[], recordedOn: string): void {
    this.db.transaction(() => {
      for (const rows of batch) {
        if (this.insertPerson === null) {
          // The column list comes from the row itself (newPersonRow sets every column).
          const columns = Object.keys(rows.person)
          this.insertPerson = this.db.prepare(`INSERT INTO person (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
        }
        this.insertPerson.run(rows.person)
        for (const r of rows.roles) this.insertRole.run(r.personId, r.role)
        for (const p of rows.purposes) this.insertPurpose.run(p.personId, p.purpose, p.legalBasis)
        for (const e of rows.employments) this.insertEmployment.run(e.id, e.personId, e.start, e.end, e.kind, e.clientId)
        for (const r of rows.recruitment) this.insertProcedure.run(r.id, r.personId, r.clientId, r.clientName, r.start, r.end)
        for (const t of rows.informTasks ?? []) this.insertInformTask.run(t)
      }
      for (const h of dnc) this.insertDnc.run(randomUUID(), h.email, h.phone, h.url, recordedOn, 'no-approach')
    })()
  }

  /**
   * The bulk write, all or nothing: one transaction (each `writeBatch` a savepoint in it), with a
   * large page cache and no automatic WAL checkpoints; one checkpoint at the end (`checkpoint`)
   * moves everything into the database file.
   *
   * Issue 18 point 1 (a million persons in minutes): the tables' secondary indexes are dropped
   * for the load and built again at its end, in the same transaction. Kept up row by row, every
   * batch of random UUID keys touched pages all over a dozen indexes, which at 1,000,000 persons
   * no longer fit the cache: the WAL grew past 19 GB within minutes. Built at the end, each index
   * is one sort. Unique indexes (and primary keys) stay, so every constraint is checked as the
   * rows go in; a crash or an error rolls the whole load back, indexes included. The retention
   * check triggers (migration RetentionCheckDate) are dropped with them: they only clear the date
   * of a person whose fact changes, and every person written here is new (no date yet).
   */
  withBulkPragmas<T>(work: () => T, checkpoint: () => void): T {
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number
    const autoCheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number
    this.db.pragma(`cache_size = ${BULK_CACHE_KIB}`)
    this.db.pragma('wal_autocheckpoint = 0')
    try {
      return this.db.transaction(() => {
        // Secondary indexes, and the triggers that clear a person's retention check date when a
        // fact row is added (every person written here is new: its date is null already).
        const dropped = this.db
          .prepare(
            `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})
               AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' AND name LIKE 'trg_retention_check_%'))`
          )
          .all(...BULK_TABLES) as { type: 'index' | 'trigger'; name: string; sql: string }[]
        for (const d of dropped) this.db.exec(`DROP ${d.type === 'index' ? 'INDEX' : 'TRIGGER'} "${d.name.replaceAll('"', '""')}"`)
        const result = work()
        for (const d of dropped) this.db.exec(d.sql)
        return result
      })()
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`)
      this.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
      checkpoint()
    }
  }
}

/** The tables `writeBatch` fills. */
const BULK_TABLES = ['person', 'person_role', 'person_purpose', 'employment', 'recruitment_procedure', 'inform_task', 'do_not_contact']
