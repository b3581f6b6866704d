import type { Contract, OperationName } from '../shared/contract'
import type { InputOf, OutputOf } from '../shared/contract/operation'
import type { Envelope } from '../shared/contract/client'

/** What the preload (or the test harness's bridge) exposes: one method per contract operation. */
export type DossierBridge = {
  [K in OperationName]: (input: InputOf<Contract[K]>) => Promise<Envelope<OutputOf<Contract[K]>>>
}

declare global {
  interface Window {
    dossier: DossierBridge
    dossierEvents?: { onLocked: (callback: () => void) => () => void }
  }
}
