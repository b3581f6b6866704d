import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, OPERATION_NAMES, type OperationName } from '../../../src/shared/contract'
import type { Envelope } from '../../../src/shared/contract/client'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { ADMIN, newTestApp } from '../../support/testApp'
import { importRows, intakeInputs } from './intake'
import { importTextArb, keysOf, payloadArb, stringValues } from './payloads'
import { type DbFingerprint, dbFingerprint } from './vaultState'

const TODAY = '2026-11-27'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Bad input (issue 8): for EVERY operation of the contract, fast-check sends arbitrary payloads
 * through the real dispatcher on a real vault. Each call must come back as an envelope (never a
 * thrown exception), an error is never INTERNAL and never quotes a value that was sent, input the
 * contract's schema rejects is VALIDATION_FAILED, and a refused call writes nothing: every table's
 * rows, the audit head and the keyring are exactly as before. A call the schema and the service
 * accept may write (a save, or the audit entry of a view): that becomes the new baseline.
 * `signIn` is special: it signs the current user out first (audited) by design.
 */
export function describeBadInput(opts: { runsPerOperation: number; importRuns: number; seed?: number }): void {
  describe('bad input through the dispatcher', () => {
    let t: Awaited<ReturnType<typeof newTestApp>>
    const ids: string[] = []
    let good: Partial<Record<OperationName, Record<string, unknown>>> = {}
    let importCounter = 0

    beforeAll(async () => {
      t = await newTestApp({ start: `${TODAY}T10:00:00Z` })
      for (const input of intakeInputs({ count: 6, seed: 71, today: TODAY, registeredOn: '2024-01-15' })) {
        ids.push((await t.call('createPerson', { ...input, confirmNotDuplicate: true })).personId)
      }
      const client = await t.call('createClient', { name: 'Fuzz Opdrachtgever B.V.' }).catch(() => null)
      const clientId = client?.clientId
      if (clientId) ids.push(clientId)
      const [intake] = intakeInputs({ count: 1, seed: 72, today: TODAY })
      good = {
        createPerson: { ...intake!, confirmNotDuplicate: true },
        updatePerson: { personId: ids[0], changes: { availability: 'Maandag tot en met woensdag' }, reason: 'Gecorrigeerd op verzoek' },
        setUnsubscribed: { personId: ids[1], unsubscribedOn: '2025-01-15' },
        getPerson: { personId: ids[0] },
        searchPersons: { query: 'jan', limit: 10 },
        addEmployment: { personId: ids[2], start: '2025-03-01', end: null, kind: 'uitzenden' },
        addRecruitmentProcedure: { personId: ids[3], clientName: 'Fuzz Opdrachtgever B.V.', start: '2025-03-01', end: null },
        getAccessReportHtml: { personId: ids[0], lang: 'nl' },
        exportPerson: { personId: ids[0] },
        previewRetention: { asOf: TODAY },
        runRetention: { asOf: TODAY },
        checkDoNotContact: { email: 'iemand@example.nl' },
        createClient: { name: 'Tweede Opdrachtgever B.V.' },
        listAudit: { limit: 5 },
        // A minimal PDF: the attachment path (type sniffing, size limit, BLOB write) runs.
        addAttachment: { personId: ids[4], kind: 'cv', fileName: 'cv.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
        createRequest: { personId: ids[5], kind: 'access', receivedOn: TODAY, identityCheck: 'Identiteit gecontroleerd aan de balie' }
      }
    })
    afterAll(async () => t?.dispose())

    it('starts from payloads the contract accepts (so a spoiled one is one fault away from valid)', () => {
      for (const [name, payload] of Object.entries(good)) {
        expect(contract[name as OperationName].input.safeParse(payload).success, name).toBe(true)
      }
    })

    const snapshot = (): { db: DbFingerprint; keyring: string } => ({
      db: dbFingerprint(t.app.vault.db),
      keyring: createHash('sha256').update(readFileSync(vaultPaths(t.vaultDir).keyring)).digest('hex')
    })

    /** One call, checked. Returns nothing; throws (fails the property) on any broken promise. */
    async function check(name: string, payload: unknown, schemaKnows: boolean): Promise<void> {
      if (t.app.vaultState() !== 'unlocked') await t.app.signIn(ADMIN.username, ADMIN.passphrase)
      const before = snapshot()
      let r: Envelope
      try {
        r = await t.invoke(name, payload)
      } catch (e) {
        throw new Error(`${name}: the dispatcher threw (${e instanceof Error ? e.name : typeof e}) instead of answering with an envelope`, { cause: e })
      }
      expect(typeof r === 'object' && r !== null && typeof r.ok === 'boolean', `${name}: an envelope`).toBe(true)
      if (!r.ok) {
        expect(r.error.code, `${name}: refused, but not as INTERNAL`).not.toBe('INTERNAL')
        if (schemaKnows && !contract[name as OperationName].input.safeParse(payload ?? {}).success) {
          expect(r.error.code, `${name}: input the schema rejects`).toBe('VALIDATION_FAILED')
        }
        const said = JSON.stringify(r.error)
        for (const s of stringValues(payload)) {
          if (s.length >= 8 && !UUID.test(s) && !/^[a-z._-]+$/.test(s)) expect(said.includes(s), `${name}: the error quotes a value that was sent`).toBe(false)
        }
        if (name !== 'signIn' && t.app.vaultState() === 'unlocked') {
          expect(snapshot(), `${name}: a refused call wrote nothing`).toEqual(before)
        }
      }
      if (t.app.vaultState() !== 'unlocked') await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    }

    it.each(OPERATION_NAMES.map((n) => [n]))('%s: arbitrary payloads get an error envelope, never INTERNAL, and write nothing', async (name) => {
      const op = contract[name]
      await fc.assert(
        fc.asyncProperty(payloadArb(keysOf(op.input), ids, good[name]), async (payload) => check(name, payload, true)),
        { numRuns: opts.runsPerOperation, ...(opts.seed === undefined ? {} : { seed: opts.seed }) }
      )
      // …and the app is still there and answering.
      expect((await t.invoke('getVaultStatus', {})).ok).toBe(true)
    })

    it('unknown operation names (prototype keys included) are UNKNOWN_OPERATION and write nothing', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'then')),
          fc.anything({ maxDepth: 1 }),
          async (name, payload) => {
            fc.pre(!Object.hasOwn(contract, name))
            const before = snapshot()
            const r = await t.invoke(name, payload)
            expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
            expect(snapshot()).toEqual(before)
          }
        ),
        { numRuns: opts.runsPerOperation * 2 }
      )
    })

    it('arbitrary import files are refused as a whole, never INTERNAL, and write nothing', async () => {
      const goodFile = () => ({ format: 'dossier-import/1', persons: importRows({ count: 3, seed: 73, today: TODAY, refPrefix: `FUZZ-${++importCounter}-` }) })
      await fc.assert(
        fc.asyncProperty(importTextArb(goodFile), async (text) => check('importPersons', { text }, false)),
        { numRuns: opts.importRuns, ...(opts.seed === undefined ? {} : { seed: opts.seed }) }
      )
    })
  })
}
