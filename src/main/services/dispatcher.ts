import { z } from 'zod'
import { contract, type OperationName } from '../../shared/contract'
import type { Envelope } from '../../shared/contract/client'
import type { Access } from '../../shared/contract/operation'
import { DossierError, type ErrorEnvelope, isDossierError } from '../../shared/errors'
import { issueKey } from '../../shared/validation/messages'
import { handlers } from '../services'
import type { AppHost } from './handlerTypes'
import { storageError } from '../vault/Vault'

/**
 * The single entry point from outside (Electron IPC, the web preview and its browser tests): validate the input with
 * the contract's zod schema, check the signed-in account's role, run the handler, map any error
 * to a stable code whose message contains no personal data. Never throws.
 */
export function createDispatcher(app: AppHost, log: (line: string) => void = () => {}) {
  return async function invoke(name: string, rawInput: unknown): Promise<Envelope> {
    try {
      if (!Object.hasOwn(contract, name)) throw new DossierError('UNKNOWN_OPERATION', 'Unknown operation.')
      const op = contract[name as OperationName]
      checkAccess(app, op.access)
      const parsed = op.input.safeParse(rawInput ?? {})
      if (!parsed.success) throw validationError(parsed.error)
      if (op.access !== 'public') app.touch()
      const handler = handlers[name as OperationName] as (input: unknown, app: AppHost) => Promise<unknown>
      const value = await handler(parsed.data, app)
      return { ok: true, value }
    } catch (e) {
      const error = toEnvelope(e)
      if (error.code === 'INTERNAL') log(`operation ${name} failed: ${safeDescription(e)}`)
      return { ok: false, error }
    }
  }
}

function checkAccess(app: AppHost, access: Access): void {
  if (access === 'public') return
  if (app.vaultState() !== 'unlocked') throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
  if (!app.currentSession) throw new DossierError('NOT_SIGNED_IN', 'Nobody is signed in.')
  if (access === 'signedIn') return
  app.requireRole(...access)
}

export function validationError(error: z.ZodError): DossierError {
  return new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', {
    issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), key: issueKey(i) }))
  })
}

export function toEnvelope(e: unknown): ErrorEnvelope {
  if (isDossierError(e)) {
    return { code: e.code, message: e.message, issues: e.issues, ...(e.detail ? { detail: e.detail } : {}) }
  }
  const storage = storageError(e)
  if (storage) return { code: storage.code, message: storage.message, issues: [] }
  return { code: 'INTERNAL', message: 'Something went wrong. Nothing was changed.', issues: [] }
}

/** For logs: the error's class and code, never its message (driver messages can quote values). */
function safeDescription(e: unknown): string {
  if (e instanceof Error) return `${e.name}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ''}`
  return typeof e
}
