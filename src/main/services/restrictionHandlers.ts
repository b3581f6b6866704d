import type { restrictionOperations } from '../../shared/contract/restrictions'
import { liftProcessingLimit, listProcessingLimits, recordObjection, recordRestriction } from '../rights/processingLimits'
import type { Handlers } from './handlerTypes'

/** Restriction and objection: thin adapters to `main/rights/processingLimits.ts`. Roles are checked by the dispatcher. */
export const restrictionHandlers = {
  listProcessingLimits: async (input, app) => listProcessingLimits(app, input),
  recordRestriction: async (input, app) => recordRestriction(app, input),
  recordObjection: async (input, app) => recordObjection(app, input),
  liftProcessingLimit: async (input, app) => liftProcessingLimit(app, input)
} satisfies Handlers<keyof typeof restrictionOperations>
