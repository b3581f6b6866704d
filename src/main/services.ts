import type { OperationName } from '../shared/contract'
import { accountHandlers } from './services/accountHandlers'
import type { Handlers } from './services/handlerTypes'
import { sessionHandlers } from './services/sessionHandlers'
import { peopleHandlers } from './services/peopleHandlers'
import { relationsHandlers } from './services/relationsHandlers'
import { retentionHandlers } from './services/retentionHandlers'
import { consentHandlers } from './services/consentHandlers'
import { rightsHandlers } from './services/rightsHandlers'
import { governanceHandlers } from './services/governanceHandlers'
import { vaultHandlers } from './services/vaultHandlers'
import { informHandlers } from './services/informHandlers'
import { restrictionHandlers } from './services/restrictionHandlers'

/**
 * The one facade: a handler for every operation of the contract, assembled per domain. The
 * dispatcher (services/dispatcher.ts) validates input, checks the session's role and maps errors
 * before any of these run. `satisfies` makes a missing handler a compile error.
 */
export const handlers = {
  ...sessionHandlers,
  ...accountHandlers,
  ...vaultHandlers,
  ...peopleHandlers,
  ...relationsHandlers,
  ...retentionHandlers,
  ...consentHandlers,
  ...rightsHandlers,
  ...governanceHandlers,
  ...informHandlers,
  ...restrictionHandlers
} satisfies Handlers<OperationName>
