import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { readLedgerLines } from '../../src/main/vault/erasureLedger'
import { vaultPaths } from '../../src/main/vault/vaultFiles'
import { createContractClient } from '../../src/shared/contract/client'
import { fullIntake, prospect } from '../main/people/peopleFixtures'
import { ADMIN, newTestApp } from '../support/testApp'
import { buildCrashWorker } from './support/buildCrashWorker'
import { TODAY } from './support/crashTrial'
import { healthOf } from './support/vaultState'

/**
 * Issue 15 point 3: the erasure ledger is written just before the commit of the removal it
 * records. A SIGKILL in exactly that window (the worker kills itself once the entry is synced)
 * must leave a consistent vault — the removal all or nothing, the file healthy, the audit chain
 * whole — and an entry whose removal did not happen must do no harm: the removal can be made
 * again, and a later restore of an older backup still does not bring the person back.
 */
describe('a SIGKILL between the erasure ledger and the commit', () => {
  let worker = ''
  const disposers: (() => Promise<void>)[] = []
  beforeAll(async () => {
    worker = await buildCrashWorker('ledgerCrashWorker')
  })
  afterEach(async () => {
    for (const d of disposers.splice(0)) await d()
  })
  afterAll(() => {
    if (worker) rmSync(dirname(worker), { recursive: true, force: true })
  })

  function runWorker(vaultDir: string, args: string[]): Promise<{ lines: string[]; signal: NodeJS.Signals | null; stderr: string }> {
    const child = spawn(process.execPath, [worker, '--vault', vaultDir, '--user', ADMIN.username, '--today', TODAY, ...args], {
      env: { ...process.env, DOSSIER_PASSPHRASE: ADMIN.passphrase },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c))
    return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ lines: out.split('\n').filter(Boolean), signal, stderr: err })))
  }

  async function vault() {
    const t = await newTestApp()
    disposers.push(() => t.dispose())
    return t
  }

  async function reopen(vaultDir: string) {
    const h = await healthOf(vaultDir)
    disposers.unshift(() => h.app.close())
    expect(h.integrity).toBe('ok')
    expect(h.chain).toMatchObject({ ok: true })
    expect(h.app.vault.db.pragma('foreign_key_check')).toEqual([])
    // The vault open now (a restore replaces it).
    const count = (sql: string, ...params: unknown[]) => (h.app.vault.db.prepare(sql).get(...params) as { n: number }).n
    return { h, call: createContractClient(createDispatcher(h.app)).call, count }
  }

  it('an erasure killed after its ledger entry: the person whole and no trace of the deletion; applied again it holds through a restore', async () => {
    const t = await vault()
    const personId = (await t.call('createPerson', fullIntake())).personId
    const backup = join(t.dir, 'backup.dossier')
    await t.call('backupVault', { file: backup })
    await t.app.signOut()

    const run = await runWorker(t.vaultDir, ['--erase', personId])
    expect(run.signal, run.stderr).toBe('SIGKILL')
    expect(run.lines).toEqual(['ready', 'ledger-written'])
    expect(readLedgerLines(vaultPaths(t.vaultDir).erasureLedger)).toHaveLength(1)

    const { call, count } = await reopen(t.vaultDir)
    // Not committed: the person with every field, no tombstone, no erasure audited.
    expect(count('SELECT count(*) AS n FROM person WHERE id = ? AND givenName IS NOT NULL AND email IS NOT NULL', personId)).toBe(1)
    expect(count('SELECT count(*) AS n FROM tombstone WHERE personId = ?', personId)).toBe(0)
    expect(count("SELECT count(*) AS n FROM audit_entry WHERE action = 'erasure.apply'")).toBe(0)
    // The ledger's entry is not re-applied on an ordinary open (only after a restore).
    expect(count("SELECT count(*) AS n FROM audit_entry WHERE action = 'vault.restore-reapply'")).toBe(0)

    // The request committed before the kill: applying it again deletes the person.
    const [approval] = await call('listErasureApprovals')
    expect(await call('applyErasure', { approvalId: approval!.approvalId })).toMatchObject({ outcome: 'deleted' })
    // A restore of the backup from before: the person stays erased (re-applied once, the second entry finds nobody).
    const r = await call('restoreVault', { file: backup, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(1)
    expect(count('SELECT count(*) AS n FROM person WHERE id = ?', personId)).toBe(0)
    expect((await call('searchPersons', { query: 'van den Berg', includeShielded: true })).items).toEqual([])
  })

  it('a sweep killed after its ledger entry: the due person still whole, the run unfinished; the next sweep deletes them', async () => {
    const t = await vault()
    const personId = (await t.call('createPerson', prospect({ registeredOn: '2026-05-27' }))).personId
    await t.call('setUnsubscribed', { personId, unsubscribedOn: '2026-07-15' })
    await t.app.signOut()

    const run = await runWorker(t.vaultDir, ['--sweep'])
    expect(run.signal, run.stderr).toBe('SIGKILL')
    expect(run.lines).toEqual(['ready', 'ledger-written'])

    const { call, count } = await reopen(t.vaultDir)
    expect(count('SELECT count(*) AS n FROM person WHERE id = ? AND email IS NOT NULL', personId)).toBe(1)
    expect(count('SELECT count(*) AS n FROM tombstone')).toBe(0)
    expect(count('SELECT count(*) AS n FROM retention_run WHERE finishedAt IS NULL')).toBe(1)
    expect((await call('runRetention', {})).counts).toMatchObject({ 'delete:unsubscribed-never-worked': 1 })
    expect(count('SELECT count(*) AS n FROM person WHERE id = ?', personId)).toBe(0)
    expect(readLedgerLines(vaultPaths(t.vaultDir).erasureLedger).map((e) => e.kind)).toEqual(['delete', 'delete'])
  })
})
