import { describe, expect, it } from 'vitest'
import { DossierError } from '../../../src/shared/errors'
import { parseServerUrl } from '../../../src/main/server/serverAddress'
import { serverFailure } from '../../../src/main/server/serverErrors'

const codeOf = (work: () => unknown): string => {
  try {
    work()
    return ''
  } catch (e) {
    return e instanceof DossierError ? `${e.code} ${e.issues.map((i) => i.key).join(',')}` : 'other'
  }
}

describe('an office server’s address (issue 17)', () => {
  it('is a postgres:// URL; over the network only with the certificate verified, on this machine by its socket', () => {
    expect(parseServerUrl('postgres://owner@db.example/dossier?sslmode=verify-full')).toEqual({ url: 'postgres://owner@db.example/dossier?sslmode=verify-full' })
    expect(parseServerUrl('postgresql://owner@localhost/dossier?host=/run/postgresql').url).toContain('host=/run/postgresql')
    expect(codeOf(() => parseServerUrl('postgres://owner@db.example/dossier'))).toBe('VALIDATION_FAILED validation.serverTls')
    expect(codeOf(() => parseServerUrl('postgres://owner@db.example/dossier?sslmode=require'))).toBe('VALIDATION_FAILED validation.serverTls')
    expect(codeOf(() => parseServerUrl('mysql://owner@db.example/dossier'))).toBe('VALIDATION_FAILED validation.serverUrl')
    expect(codeOf(() => parseServerUrl('db.example'))).toBe('VALIDATION_FAILED validation.serverUrl')
  })

  it('names what went wrong by a stable code, and never repeats the driver’s text', () => {
    const failure = (code: string, message = 'password authentication failed for user "jan.de.vries"') => serverFailure(Object.assign(new Error(message), { code }))
    expect(failure('ECONNREFUSED').code).toBe('SERVER_UNREACHABLE')
    expect(failure('ENOTFOUND').code).toBe('SERVER_UNREACHABLE')
    expect(failure('28P01').code).toBe('SERVER_AUTH_FAILED')
    expect(failure('3D000').code).toBe('SERVER_AUTH_FAILED')
    expect(failure('DEPTH_ZERO_SELF_SIGNED_CERT').code).toBe('SERVER_TLS_FAILED')
    expect(failure('ERR_TLS_CERT_ALTNAME_INVALID').code).toBe('SERVER_TLS_FAILED')
    expect(failure('', 'The server does not support SSL connections').code).toBe('SERVER_TLS_FAILED')
    expect(failure('42501').code).toBe('SERVER_FORBIDDEN')
    expect(failure('XX000').code).toBe('INTERNAL')
    for (const code of ['ECONNREFUSED', '28P01', 'DEPTH_ZERO_SELF_SIGNED_CERT', '42501', 'XX000']) expect(failure(code).message).not.toContain('jan.de.vries')
  })
})
