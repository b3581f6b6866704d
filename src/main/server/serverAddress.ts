import { z } from 'zod'
import { DossierError } from '../../shared/errors'

/**
 * An office server's address as given on the command line (`--url` / `DOSSIER_SERVER_URL`),
 * checked at the boundary: a `postgres://` or `postgresql://` URL. Over the network the
 * connection must verify the server's certificate (`sslmode=verify-full`: TLS, and the name the
 * certificate is for); a Unix socket on the same machine (`?host=/path`) needs no TLS.
 */
const urlSchema = z
  .string()
  .trim()
  .refine((u) => /^postgres(ql)?:\/\//.test(u) && URL.canParse(u), 'not a postgres:// URL')

export function parseServerUrl(raw: string): { url: string } {
  const parsed = urlSchema.safeParse(raw)
  if (!parsed.success) throw new DossierError('VALIDATION_FAILED', 'The server address must be a postgres:// URL.', { issues: [{ path: 'url', key: 'validation.serverUrl' }] })
  const url = new URL(parsed.data)
  const socket = (url.searchParams.get('host') ?? '').startsWith('/')
  if (!socket && url.searchParams.get('sslmode') !== 'verify-full') {
    throw new DossierError('VALIDATION_FAILED', 'A server over the network needs sslmode=verify-full in its address.', { issues: [{ path: 'url', key: 'validation.serverTls' }] })
  }
  return { url: parsed.data }
}
