import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLEAR_FIELDS } from '../../src/main/vault/sealedColumns'
import { updateVersioned } from '../../src/main/people/personVersion'
import { initServer, serverDataSource } from '../../src/main/server/initServer'
import { PersonEntity } from '../../src/main/vault/entities/Person'
import { insertPerson } from '../main/retention/personFixture'
import { type PgCluster, startPgCluster } from './pgCluster'

/**
 * Issue 17 point 4 on the office server: two desks edit the same person at once. The second
 * desk's save must change nothing (RECORD_CHANGED), whatever the timing: its UPDATE waits for the
 * first desk's row lock, then finds the version moved. And the database counts every change.
 */
describe('optimistic locking on the office server (issue 17 point 4)', () => {
  let cluster: PgCluster
  let deskA: DataSource
  let deskB: DataSource
  const version = async (id: string) => (await deskA.getRepository(PersonEntity).findOneByOrFail({ id })).version

  beforeAll(async () => {
    cluster = await startPgCluster()
    const address = { host: cluster.host, port: cluster.port, username: cluster.user, database: 'postgres' }
    deskA = serverDataSource(address)
    deskB = serverDataSource(address)
    await deskA.initialize()
    await deskB.initialize()
    await initServer(deskA)
  })
  afterAll(async () => {
    await deskA?.destroy()
    await deskB?.destroy()
    await cluster?.stop()
  })

  it('counts a change made by any statement, and not the retention run\'s bookkeeping', async () => {
    const { id } = await insertPerson(deskA.manager)
    expect(await version(id)).toBe(1)
    await deskA.query(`UPDATE "person" SET "email" = 'ander@example.nl' WHERE "id" = $1`, [id])
    expect(await version(id)).toBe(2)
    await deskA.query(`UPDATE "person" SET "retentionCheckOn" = '2027-01-01' WHERE "id" = $1`, [id])
    expect(await version(id)).toBe(2)
  })

  it('lets the first of two desks saving at once win, and the second write nothing', async () => {
    const { id } = await insertPerson(deskA.manager)
    const a = deskA.createQueryRunner()
    const b = deskB.createQueryRunner()
    try {
      await a.startTransaction()
      await b.startTransaction()
      // Both desks read version 1.
      const readA = await a.manager.getRepository(PersonEntity).findOneByOrFail({ id })
      const readB = await b.manager.getRepository(PersonEntity).findOneByOrFail({ id })
      expect([readA.version, readB.version]).toEqual([1, 1])
      await updateVersioned({ manager: a.manager, fields: CLEAR_FIELDS }, readA, { phone: '+31611111111' })
      // Desk B's UPDATE waits for desk A's row lock…
      let settled = false
      const second = updateVersioned({ manager: b.manager, fields: CLEAR_FIELDS }, readB, { phone: '+31622222222' }).then(
        () => ((settled = true), 'saved'),
        (e: { code?: string }) => ((settled = true), e.code ?? 'failed')
      )
      await new Promise((r) => setTimeout(r, 300))
      expect(settled).toBe(false)
      // …and once desk A commits, finds the version moved and changes nothing.
      await a.commitTransaction()
      expect(await second).toBe('RECORD_CHANGED')
      await b.rollbackTransaction()
    } finally {
      await a.release()
      await b.release()
    }
    expect(await deskA.getRepository(PersonEntity).findOneByOrFail({ id })).toMatchObject({ phone: '+31611111111', version: 2 })
  })
})
