import { accountOperations } from './accounts'
import { sessionOperations } from './session'
import { peopleOperations } from './people'
import { relationsOperations } from './relations'
import { retentionOperations } from './retention'
import { consentOperations } from './consent'
import { rightsOperations } from './rights'
import { governanceOperations } from './governance'
import { vaultOperations } from './vault'
import { informOperations } from './inform'
import { restrictionOperations } from './restrictions'

/**
 * THE contract: every operation the renderer (and the harness) may call, with its input schema,
 * output schema and who may call it. Main registers one handler per entry; preload exposes one
 * method per entry; adding an operation means touching this list, a handler and a screen.
 */
export const contract = {
  ...sessionOperations,
  ...accountOperations,
  ...vaultOperations,
  ...peopleOperations,
  ...relationsOperations,
  ...retentionOperations,
  ...consentOperations,
  ...rightsOperations,
  ...governanceOperations,
  ...informOperations,
  ...restrictionOperations
}

export type Contract = typeof contract
export type OperationName = keyof Contract
export const OPERATION_NAMES = Object.keys(contract) as OperationName[]
