import type { informOperations } from '../../shared/contract/inform'
import { listInformTasks, recordInformed } from '../people/informTasks'
import type { Handlers } from './handlerTypes'

/** R-27, the duty to inform: thin handlers over main/people/informTasks.ts. */
export const informHandlers = {
  listInformTasks: (input, app) => listInformTasks(app, { limit: input.limit ?? 200 }),
  recordInformed: (input, app) => recordInformed(app, input)
} satisfies Handlers<keyof typeof informOperations>
