import type { Contract, OperationName } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/operation'
import type { ErrorEnvelope } from '../../../shared/errors'

/** An operation's failure in the renderer: the stable code and field issues, no personal data. */
export class ApiError extends Error {
  readonly code: ErrorEnvelope['code']
  readonly issues: ErrorEnvelope['issues']
  readonly detail: ErrorEnvelope['detail']
  constructor(e: ErrorEnvelope) {
    super(e.message)
    this.code = e.code
    this.issues = e.issues
    this.detail = e.detail
  }
}

/** Call a contract operation through `window.dossier` (preload in Electron, bridge in tests). */
export async function call<K extends OperationName>(name: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> {
  const fn = window.dossier[name] as unknown as (i: unknown) => Promise<{ ok: true; value: OutputOf<Contract[K]> } | { ok: false; error: ErrorEnvelope }>
  const r = await fn(input)
  if (!r.ok) throw new ApiError(r.error)
  return r.value
}

/** Field errors of a failed save, keyed by path, as i18n keys — for `form.setErrors`. */
export function fieldErrors(e: unknown, translate: (key: string) => string): Record<string, string> {
  if (!(e instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const issue of e.issues) out[issue.path] = translate(issue.key)
  return out
}
