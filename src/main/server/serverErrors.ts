import { DossierError } from '../../shared/errors'

/** Node's codes for an address that does not answer (a socket, a host, a port). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOENT', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'])

/**
 * A connection that dropped while in use: the server ended the session (SQLSTATE 57P01–57P03: an
 * administrator, a crash, a restart), the connection failed (class 08), or the socket closed under
 * the driver (its own errors carry no code, only this wording).
 */
function droppedConnection(e: unknown): boolean {
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : ''
  if (/^57P0[123]$/.test(code) || code.startsWith('08') || code === 'ECONNRESET' || code === 'EPIPE') return true
  return e instanceof Error && !code && /^(Connection terminated|Client has encountered a connection error)/.test(e.message)
}

/**
 * A desk's call that failed on the server: a dropped connection as SERVER_CONNECTION_LOST, a grant
 * the login lacks as SERVER_FORBIDDEN; anything else as it was (the dispatcher's INTERNAL). The
 * call's transaction was rolled back by the server with the connection: nothing of it was written.
 */
export function serverCallFailure(e: unknown): unknown {
  if (e instanceof DossierError) return e
  if (droppedConnection(e)) return new DossierError('SERVER_CONNECTION_LOST', 'The connection to the office server dropped; nothing of this call was saved.')
  if ((e as { code?: unknown })?.code === '42501') return new DossierError('SERVER_FORBIDDEN', 'The office server does not allow this for this account.')
  return e
}

/**
 * What went wrong talking to the office server, as a stable code (issue 17, "bad input and
 * faults"). The message never repeats the server's address or the account (an address may carry
 * a password) nor the server's own text (it may quote values).
 */
export function serverFailure(e: unknown): DossierError {
  if (e instanceof DossierError) return e
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : ''
  if (UNREACHABLE.has(code)) return new DossierError('SERVER_UNREACHABLE', 'The office server cannot be reached.')
  // SQLSTATE class 28: invalid authorization; 3D000: no such database (for this account).
  if (code.startsWith('28') || code === '3D000') return new DossierError('SERVER_AUTH_FAILED', 'The office server refused the sign-in.')
  if (/CERT|SELF_SIGNED|TLS|SSL/.test(code) || /\bSSL\b|certificate/i.test(e instanceof Error ? e.message : '')) {
    return new DossierError('SERVER_TLS_FAILED', 'The connection to the office server could not be secured.')
  }
  if (code === '42501') return new DossierError('SERVER_FORBIDDEN', 'The office server does not allow this for this account.')
  return new DossierError('INTERNAL', 'The office server answered with an error; nothing was changed.')
}
