import pg from 'pg'
import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openField, sealField } from '../../src/main/server/fieldCipher'
import { initServer, serverDataSource } from '../../src/main/server/initServer'
import { addOfficeKeySlot, createOfficeKeys, OFFICE_KEY_SLOT_TABLE, openOfficeKeys } from '../../src/main/server/officeKeyring'
import { GROUP_ROLES } from '../../src/main/server/serverRoles'
import { type PgCluster, startPgCluster } from './pgCluster'

/**
 * Issue 17 point 3: the office's keys on the server, wrapped per account; each login reaches its
 * own slot only; a field sealed on one desk opens on another desk of the same office, for the same
 * row and field, and nowhere else.
 */
const KDF_N = 1 << 12
const ADMIN = { accountName: 'annet', passphrase: 'kantoor sleutel voor de beheerder 2026' }
const STAFF = { accountName: 'sanne', passphrase: 'balie koffie regen fietsbel', restricted: false }
const OFFICER = { accountName: 'petra', passphrase: 'privacy zaken dossier kast zeven', restricted: true }

describe('the office keyring on the server (issue 17 point 3)', () => {
  let cluster: PgCluster
  let owner: DataSource
  const desks: DataSource[] = []
  const deskAs = async (login: string): Promise<DataSource> => {
    const ds = serverDataSource({ host: cluster.host, port: cluster.port, username: login, database: 'postgres' })
    await ds.initialize()
    desks.push(ds)
    return ds
  }
  const sqlAs = async (login: string, sql: string): Promise<{ rows: unknown[]; code: string }> => {
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: login, database: 'postgres' })
    await client.connect()
    try {
      return { rows: (await client.query(sql)).rows, code: '' }
    } catch (e) {
      return { rows: [], code: (e as { code?: string }).code ?? 'failed' }
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    cluster = await startPgCluster()
    owner = serverDataSource({ host: cluster.host, port: cluster.port, username: cluster.user, database: 'postgres' })
    await owner.initialize()
    await initServer(owner)
    for (const [login, group] of [
      ['annet', GROUP_ROLES.admin],
      ['sanne', GROUP_ROLES.staff],
      ['petra', GROUP_ROLES.privacy_officer]
    ] as const) {
      await owner.query(`CREATE ROLE "${login}" LOGIN IN ROLE ${group}`)
      await owner.query(`GRANT CONNECT ON DATABASE "postgres" TO "${login}"`) // as the office's own logins get it
    }
  })
  afterAll(async () => {
    for (const d of desks) await d.destroy().catch(() => undefined)
    await owner?.destroy()
    await cluster?.stop()
  })

  it('made once, at init: a second init keeps the keys; the server holds wrapped keys only', async () => {
    const made = await owner.transaction((m) => createOfficeKeys(m, ADMIN, KDF_N))
    expect(made?.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/)
    expect(await owner.transaction((m) => createOfficeKeys(m, ADMIN, KDF_N))).toBeNull()
    await initServer(owner) // again after an update: the keyring stays

    const admin = await deskAs('annet')
    const keys = await openOfficeKeys(admin.manager, ADMIN.accountName, ADMIN.passphrase)
    expect(keys.officeId).toBe(made!.officeId)
    expect(keys.restrictedPrivate).not.toBeNull()
    const stored = JSON.stringify(await owner.query(`SELECT * FROM "office_key_slot"`)) + JSON.stringify(await owner.query(`SELECT * FROM "office_keyring"`))
    for (const secret of [keys.dataKey, keys.restrictedPrivate!]) {
      expect(stored).not.toContain(secret.toString('base64'))
      expect(stored).not.toContain(secret.toString('hex'))
    }
    await expect(openOfficeKeys(admin.manager, ADMIN.accountName, 'niet het goede wachtwoord')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })

    // The administrator's desk gives a staff account and a privacy officer their slots.
    await admin.transaction(async (m) => {
      await addOfficeKeySlot(m, keys, STAFF, KDF_N)
      await addOfficeKeySlot(m, keys, OFFICER, KDF_N)
    })
    keys.forget()
  })

  it('shows each login its own slot only; only administrators add or remove slots, a login rewraps its own only', async () => {
    for (const login of ['sanne', 'petra']) {
      const own = await sqlAs(login, `SELECT "login" FROM "${OFFICE_KEY_SLOT_TABLE}"`)
      expect(own).toEqual({ rows: [{ login }], code: '' })
      expect((await sqlAs(login, `INSERT INTO "${OFFICE_KEY_SLOT_TABLE}" ("slotId", "login", "slot") VALUES (gen_random_uuid(), '${login}', '{}')`)).code).toBe('42501')
      // A passphrase change rewraps the own slot: the only row a login may update, never to another login.
      expect(await sqlAs(login, `UPDATE "${OFFICE_KEY_SLOT_TABLE}" SET "slot" = "slot" RETURNING "login"`)).toEqual({ rows: [{ login }], code: '' })
      expect((await sqlAs(login, `UPDATE "${OFFICE_KEY_SLOT_TABLE}" SET "login" = 'beheerder'`)).code).toBe('42501')
      expect((await sqlAs(login, `DELETE FROM "${OFFICE_KEY_SLOT_TABLE}"`)).code).toBe('42501')
      expect((await sqlAs(login, `SELECT count(*)::int AS n FROM "office_keyring"`)).rows).toEqual([{ n: 1 }])
    }
    // Another login's slot does not open for staff: it is not even there to try.
    const staffDesk = await deskAs('sanne')
    await expect(openOfficeKeys(staffDesk.manager, OFFICER.accountName, OFFICER.passphrase)).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
  })

  it('a value sealed on one desk opens on another desk of the office, for its row and field only; the restricted key reaches officers only', async () => {
    const staff = await openOfficeKeys((await deskAs('sanne')).manager, STAFF.accountName, STAFF.passphrase)
    const officer = await openOfficeKeys((await deskAs('petra')).manager, OFFICER.accountName, OFFICER.passphrase)
    expect(staff.restrictedPrivate).toBeNull()
    expect(officer.restrictedPrivate).not.toBeNull()
    expect(staff.dataKey.equals(officer.dataKey)).toBe(true)

    const at = { officeId: staff.officeId, table: 'person', rowId: '5b1d4d0e-8a43-4e58-9a55-0f7a3c2b1e90', field: 'bsn' }
    const sealed = sealField(staff.dataKey, Buffer.from('111222333'), at)
    expect(sealed).not.toContain('111222333')
    expect(openField(officer.dataKey, sealed, at).toString()).toBe('111222333')
    expect(() => openField(officer.dataKey, sealed, { ...at, rowId: '0f7a3c2b-1e90-4e58-9a55-5b1d4d0e8a43' })).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED' }))
    staff.forget()
    officer.forget()
  })
})
