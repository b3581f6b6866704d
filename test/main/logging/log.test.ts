import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger, errorCode, fileSink, redact } from '../../../src/main/logging/log'
import { DossierError } from '../../../src/shared/errors'

describe('log redaction (R-21: no personal data in logs)', () => {
  it.each([
    ['e-mail', 'failed for jan.de.vries+cv@example.nl today', 'failed for [email] today'],
    ['mobile phone', 'call 06-12345678 back', 'call [phone] back'],
    ['phone with country code', 'number +31 6 1234 5678.', 'number [phone].'],
    ['landline', 'tel. (0162) 785 594', 'tel. [phone]'],
    ['BSN', 'bsn 111222333 rejected', 'bsn [bsn] rejected'],
    ['BSN with dots', 'bsn 1112.22.333', 'bsn [bsn]'],
    ['postcode', 'lives at 4901 AB Oosterhout', 'lives at [postcode] Oosterhout'],
    ['postcode without space', 'postcode 4901ab', 'postcode [postcode]'],
    ['postcode that reads like a unit', 'moved to 1000 MS, was 2000 kb', 'moved to [postcode], was [postcode]'],
    ['IBAN', 'pay NL91 ABNA 0417 1643 00 now', 'pay [iban] now'],
    ['IBAN compact', 'iban=NL91ABNA0417164300', 'iban=[iban]'],
    ['profile URL', 'from https://www.linkedin.com/in/jan-de-vries-123 ok', 'from [url] ok']
  ])('removes a %s', (_kind, input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it('keeps record ids (UUIDs), error codes, counts, dates and times', () => {
    const line = 'person 3f2b6c1e-9a4d-4e2f-8b7a-0c1d2e3f4a5b VALIDATION_FAILED 12 entries on 2026-11-27T10:00:00.000Z durationMs=1500'
    expect(redact(line)).toBe(line)
  })

  it('writes a duration given as a number as it is', () => {
    const lines: string[] = []
    createLogger({ write: (l) => lines.push(l) }, () => new Date('2026-11-27T10:00:00Z')).info('retention.sweep', { durationMs: 1500, persons: 1000 })
    expect(lines).toEqual(['2026-11-27T10:00:00.000Z info retention.sweep durationMs=1500 persons=1000\n'])
  })

  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
  const secrets = fc.oneof(
    fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,15}$/), fc.stringMatching(/^[a-z]{2,12}$/), fc.constantFrom('nl', 'com', 'org')).map(([u, d, tld]) => `${u}@${d}.${tld}`),
    digits(9),
    digits(8).map((d) => `06-${d}`),
    digits(9).map((d) => `+31${d}`),
    fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[A-Z]{2}$/)).map(([n, l]) => `${n} ${l}`),
    digits(10).map((d) => `NL${d.slice(0, 2)}RABO${d}`)
  )

  it('never lets a generated e-mail, phone number, BSN, postcode or IBAN through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,20}$/), secrets, fc.stringMatching(/^[a-z ]{0,20}$/), (before, secret, after) => {
        const out = redact(`${before} ${secret} ${after}`)
        expect(out).not.toContain(secret)
      })
    )
  })

  it('writes event names, codes and safe details only — never an error message or stack', () => {
    const lines: string[] = []
    const log = createLogger({ write: (l) => lines.push(l) }, () => new Date('2026-11-27T10:00:00Z'))
    const leaky = Object.assign(new Error('duplicate key: jan@example.nl 06-12345678'), { code: 'SQLITE_CONSTRAINT' })
    log.error('operation.failed', leaky, { operation: 'createPerson', detail: 'value jan@example.nl' })
    log.error('operation.failed', new DossierError('CONSENT_REQUIRED', 'x'))
    log.info('Person Jan opened!', { count: 3 })
    log.info('app.ready', { 'bad key!': 'x', packaged: false })
    expect(lines).toEqual([
      '2026-11-27T10:00:00.000Z error operation.failed operation=createPerson detail="value [email]" code=Error:SQLITE_CONSTRAINT\n',
      '2026-11-27T10:00:00.000Z error operation.failed code=CONSENT_REQUIRED\n',
      '2026-11-27T10:00:00.000Z info invalid-event-name count=3\n',
      '2026-11-27T10:00:00.000Z info app.ready packaged=false\n'
    ])
    expect(lines.join('')).not.toMatch(/jan@|12345678|duplicate key|at Object/)
    expect(errorCode('boom')).toBe('string')
  })

  const dir = mkdtempSync(join(tmpdir(), 'dossier-log-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps the log file small: past the limit it starts again, one old file kept', () => {
    const path = join(dir, 'dossier.log')
    const sink = fileSink(path, 200)
    for (let i = 0; i < 10; i++) sink.write(`${'x'.repeat(40)} ${i}\n`)
    expect(readFileSync(path, 'utf8').length).toBeLessThanOrEqual(200)
    expect(existsSync(`${path}.1`)).toBe(true)
    expect(readFileSync(path, 'utf8')).toContain(' 9\n')
  })
})
