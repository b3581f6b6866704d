import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

/** PostgreSQL's own default for the verifiers it makes (`scram_iterations`). */
export const SCRAM_ITERATIONS = 4096

/**
 * A SCRAM-SHA-256 verifier for a passphrase (RFC 5802 / 7677), in the form PostgreSQL stores and
 * accepts in `CREATE ROLE … PASSWORD`: `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`.
 * Made on the desk, so the server — its statement log included — never receives the passphrase.
 * The passphrase is NFKC-normalised, as SASLprep does for the text a person types.
 */
export function scramSha256Verifier(passphrase: string, salt: Buffer = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  const salted = pbkdf2Sync(Buffer.from(passphrase.normalize('NFKC'), 'utf8'), salt, iterations, 32, 'sha256')
  const clientKey = createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = createHash('sha256').update(clientKey).digest()
  const serverKey = createHmac('sha256', salted).update('Server Key').digest()
  salted.fill(0)
  clientKey.fill(0)
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}
