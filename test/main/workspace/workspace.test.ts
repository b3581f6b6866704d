import { afterEach, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { ENTITIES } from '../../../src/main/vault/entities'
import { storeOf } from '../../../src/main/vault/store'
import { newTestApp } from '../../support/testApp'
import type { EntityManager } from 'typeorm'
import { TEST_ENGINE } from '../../support/serverTestApp'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function app() {
  const t = await newTestApp()
  cleanups.push(() => t.dispose())
  return t
}

describe('the domain workspace (src/main/workspace)', () => {
  it('has a typed repository in the store for every entity of the vault', async () => {
    const t = await app()
    const store = storeOf(t.app.vault.dataSource.manager) as unknown as Record<string, { metadata: { target: unknown } }>
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((n) => n !== 'constructor')
    expect(names).toHaveLength(ENTITIES.length)
    expect(new Set(names.map((n) => store[n]!.metadata.target))).toEqual(new Set(ENTITIES.map((e) => e.options.target ?? e.options.name)))
  })

  it('audits a write as the signed-in actor, or as the account (or nobody) the write names, dated as of its asOf', async () => {
    const t = await app()
    const actor = t.app.requireActor().accountId
    const seen = await t.app.write(async (tx) => {
      await tx.audit({ action: 'person.view', subjectId: 'a' })
      return { actorId: tx.actorId, today: tx.today }
    })
    expect(seen).toEqual({ actorId: actor, today: '2026-11-27' })
    const system = await t.app.write(async (tx) => {
      await tx.audit({ action: 'person.view', subjectId: 'b' })
      return { actorId: tx.actorId, today: tx.today }
    }, { actorId: null, asOf: '2026-01-31' })
    expect(system).toEqual({ actorId: null, today: '2026-01-31' })
    const entries = await t.app.read(({ manager }) => manager.getRepository(AuditEntryEntity).find({ where: [{ subjectId: 'a' }, { subjectId: 'b' }] }))
    expect(Object.fromEntries(entries.map((e) => [e.subjectId, e.actorId]))).toEqual({ a: actor, b: null })
  })

  it('rolls a failed savepoint back alone, audit entry included, and keeps the rest of the transaction', async () => {
    const t = await app()
    await t.app.write(async (tx) => {
      await tx.audit({ action: 'person.view', subjectId: 'kept' })
      await expect(
        tx.savepoint(async (inner) => {
          await inner.audit({ action: 'person.view', subjectId: 'undone' })
          throw new Error('no')
        })
      ).rejects.toThrow('no')
    })
    const subjects = await t.app.read(async ({ store }) => (await store.auditEntry.find()).map((e) => e.subjectId))
    expect(subjects).toContain('kept')
    expect(subjects).not.toContain('undone')
  })

  it('reads outside any transaction, so a long walk never holds one open', async () => {
    const t = await app()
    // What the work's manager runs in, on either engine; on the local vault also its one connection.
    const inTransaction = (manager: EntityManager) => (manager.queryRunner?.isTransactionActive ?? false) || (TEST_ENGINE === 'sqlite' && t.app.vault.db.inTransaction)
    expect(await t.app.read(async ({ manager }) => inTransaction(manager))).toBe(false)
    expect(await t.app.write(async ({ manager }) => inTransaction(manager))).toBe(true)
  })
})
