import { randomUUID } from 'node:crypto'
import { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entitiesFor } from '../../src/main/vault/engineEntities'
import { AttachmentContentEntity, AttachmentEntity } from '../../src/main/vault/entities/Attachment'
import { PersonEntity } from '../../src/main/vault/entities/Person'
import { PersonRoleEntity } from '../../src/main/vault/entities/PersonRoleRow'
import { MIGRATIONS } from '../../src/main/vault/migrations'
import { personRow } from '../main/retention/personFixture'
import { type PgCluster, startPgCluster } from './pgCluster'

/**
 * Issue 17 point 1, first step: the one set of migrations on a real PostgreSQL server, in a
 * throwaway cluster (pgCluster.ts). The same migrations build every local vault (the unit and
 * integration suites).
 */
describe('the migrations on PostgreSQL (issue 17)', () => {
  let cluster: PgCluster
  let db: DataSource
  beforeAll(async () => {
    cluster = await startPgCluster()
    db = new DataSource({
      type: 'postgres',
      host: cluster.host,
      port: cluster.port,
      username: cluster.user,
      database: 'postgres',
      entities: entitiesFor('postgres'),
      migrations: MIGRATIONS,
      synchronize: false,
      logging: false
    })
    await db.initialize()
  })
  afterAll(async () => {
    await db?.destroy()
    cluster?.stop()
  })

  it('run in order, all or nothing, and leave exactly the schema the entities describe', async () => {
    const ran = await db.runMigrations({ transaction: 'all' })
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name))
    // What TypeORM would still change to make the database match the entities: nothing but the
    // foreign keys, which the entities do not name (no relations) and the migrations make.
    const pending = (await db.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)
    const foreignKeyDrops = pending.filter((q) => /^ALTER TABLE "\w+" DROP CONSTRAINT "\w+_fkey"$/.test(q))
    expect(pending.filter((q) => !foreignKeyDrops.includes(q))).toEqual([])
    // Those foreign keys: every child row goes with its person, an attachment's bytes with
    // the attachment, a contact with the client, special data with its consent.
    const keys = (await db.query(
      `SELECT tc.table_name AS "child", kcu.column_name AS "column", ccu.table_name AS "parent", rc.delete_rule AS "onDelete"
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
       JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
       WHERE tc.constraint_type = 'FOREIGN KEY' ORDER BY 1, 2`
    )) as { child: string; column: string; parent: string; onDelete: string }[]
    expect(keys.length).toBe(foreignKeyDrops.length)
    expect(keys.every((k) => k.onDelete === 'CASCADE')).toBe(true)
    const personChildren = ['absence', 'attachment', 'consent', 'disclosure', 'employment', 'field_change', 'inform_task', 'person_purpose', 'person_role', 'processing_consent', 'processing_limit', 'recruitment_procedure', 'special_data']
    expect(keys.filter((k) => k.parent === 'person').map((k) => k.child)).toEqual(personChildren)
  })

  it('clear a record’s retention check date when one of its facts changes, as the SQLite triggers do', async () => {
    const id = randomUUID()
    const persons = db.getRepository(PersonEntity)
    await persons.insert(personRow(id, { retentionCheckOn: '2099-01-01' }))
    const checkOn = async () => (await persons.findOneByOrFail({ id })).retentionCheckOn
    await persons.update({ id }, { city: 'Breda' })
    expect(await checkOn()).toBe('2099-01-01') // not a fact
    await db.getRepository(PersonRoleEntity).insert({ personId: id, role: 'candidate' })
    expect(await checkOn()).toBeNull()
    await persons.update({ id }, { retentionCheckOn: '2099-01-01' })
    await persons.update({ id }, { unsubscribedOn: '2026-12-05' })
    expect(await checkOn()).toBeNull()
    await persons.update({ id }, { retentionCheckOn: '2099-01-01' })
    await db.getRepository(PersonRoleEntity).delete({ personId: id })
    expect(await checkOn()).toBeNull()
  })

  it('keep an attachment’s bytes as they were written', async () => {
    const personId = randomUUID()
    await db.getRepository(PersonEntity).insert(personRow(personId))
    const attachmentId = randomUUID()
    const content = Buffer.from([0, 1, 2, 250, 251, 255, 0x25, 0x50, 0x44, 0x46])
    await db.getRepository(AttachmentEntity).insert({ id: attachmentId, personId, kind: 'cv', fileName: 'cv.pdf', mimeType: 'application/pdf', sizeBytes: content.length, addedOn: '2026-12-01', deleteOn: null, addedBy: null, createdAt: new Date().toISOString() })
    await db.getRepository(AttachmentContentEntity).insert({ attachmentId, content })
    const back = await db.getRepository(AttachmentContentEntity).findOneByOrFail({ attachmentId })
    expect(Buffer.compare(back.content, content)).toBe(0)
  })
})
