import { ContractError, createContractClient, type Envelope } from '../../../shared/contract/client'

/** An operation's failure in the renderer: the stable code and field issues, no personal data. */
export { ContractError as ApiError }

/**
 * Call a contract operation through `window.dossier` (preload in Electron, bridge in tests). The
 * bridge is looked up per call: it is installed by the page before the first call, not at import.
 */
export const { call } = createContractClient((name, input) => (window.dossier[name] as (input: unknown) => Promise<Envelope>)(input))

/** Field errors of a failed save, keyed by path, as i18n keys — for `form.setErrors`. */
export function fieldErrors(e: unknown, translate: (key: string) => string): Record<string, string> {
  if (!(e instanceof ContractError)) return {}
  const out: Record<string, string> = {}
  for (const issue of e.issues) out[issue.path] = translate(issue.key)
  return out
}
