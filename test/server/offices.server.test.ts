import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FixedClock } from '../../src/main/clock'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { ServerApp } from '../../src/main/services/ServerApp'
import { createContractClient } from '../../src/shared/contract/client'
import { newServerTestApp } from '../support/serverTestApp'
import { TEST_KDF_N } from '../support/testApp'

const ANNA = { username: 'anna', displayName: 'Anna', passphrase: 'anna beheert kantoor noord 2026' }
const BERT = { username: 'bert', displayName: 'Bert', passphrase: 'bert beheert kantoor zuid 2026' }
const PIET_NOORD = 'piet werkt in het noorden van het land'
const PIET_ZUID = 'piet werkt in het zuiden van het land'

/**
 * Logins and group roles belong to the whole PostgreSQL cluster, not to one database: two
 * offices on one cluster must still not reach each other's data, nor each other's logins.
 */
describe('two offices on one cluster', () => {
  const clock = new FixedClock('2026-11-27T10:00:00Z')
  let north: Awaited<ReturnType<typeof newServerTestApp>>
  let south: Awaited<ReturnType<typeof newServerTestApp>>
  const call = (app: ServerApp) => createContractClient(createDispatcher(app)).call
  const connectAs = async (office: typeof north, user: string, password: string): Promise<string> => {
    const address = office.address as { host: string; port: number; database: string }
    const client = new pg.Client({ host: address.host, port: address.port, database: address.database, user, password })
    try {
      await client.connect()
      const r = await client.query('SELECT count(*)::int AS "n" FROM "person"')
      return `read ${String(r.rows[0].n)}`
    } catch (e) {
      return (e as { code?: string }).code ?? 'failed'
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  beforeAll(async () => {
    north = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ANNA, setup: true })
    south = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: BERT, setup: true, sameCluster: true })
  })
  afterAll(async () => {
    await north?.dispose()
    await south?.dispose()
  })

  it("admits only its own logins: another office's login, with its right passphrase, cannot even connect", async () => {
    await call(north.app)('addAccount', { username: 'piet', displayName: 'Piet', roles: ['staff'], passphrase: PIET_NOORD })
    expect(await connectAs(north, 'piet', PIET_NOORD)).toBe('read 0')
    // 42501: no CONNECT on the other office's database.
    expect(await connectAs(south, 'piet', PIET_NOORD)).toBe('42501')
    expect(await connectAs(south, 'anna', ANNA.passphrase)).toBe('42501')
  })

  it("never takes over another office's login: the name is taken, and the other office's account keeps its passphrase", async () => {
    await expect(call(south.app)('addAccount', { username: 'piet', displayName: 'Piet Zuid', roles: ['staff'], passphrase: PIET_ZUID })).rejects.toMatchObject({ code: 'ACCOUNT_EXISTS' })
    expect(await connectAs(north, 'piet', PIET_NOORD)).toBe('read 0')
    const desk = new ServerApp({ server: north.address, clock, kdfN: TEST_KDF_N })
    try {
      await expect(desk.signIn('piet', PIET_NOORD)).resolves.toMatchObject({ username: 'piet' })
    } finally {
      await desk.close()
    }
    // Nor may an administrator disable it from the other office.
    await expect(south.sql('SELECT 1')).resolves.toBeDefined()
    const bertDesk = await south.app.vault.dataSource.query(`SELECT "dossier_disable_login"('piet')`).catch((e: { code?: string }) => e.code)
    expect(bertDesk).toBe('42501')
  })
})
