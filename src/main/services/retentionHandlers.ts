import type { retentionOperations } from '../../shared/contract/retention'
import { DossierError } from '../../shared/errors'
import { compareDates } from '../../shared/time'
import { listShielded } from '../retention/listShielded'
import { getPersonRetention } from '../retention/personRetention'
import { currentPolicy, policyHistory, savePolicy } from '../retention/policyStore'
import { planRetention } from '../retention/planRetention'
import { previewRetention } from '../retention/previewRetention'
import { listRetentionRuns } from '../retention/retentionRuns'
import { listReconfirmationsDue, recordReconfirmation } from '../retention/reconfirmation'
import type { Handlers } from './handlerTypes'
import { retentionSchedulerOf } from './retentionScheduling'

/** A backdated catch-up is allowed; acting on a future date would delete before the term ends. */
function notInFuture(asOf: string, today: string): string {
  if (compareDates(asOf, today) > 0) {
    throw new DossierError('FUTURE_DATE_NOT_ALLOWED', 'A retention run cannot be dated in the future.', { issues: [{ path: 'asOf', key: 'validation.date.future' }] })
  }
  return asOf
}

export const retentionHandlers: Handlers<keyof typeof retentionOperations> = {
  previewRetention: async (input, app) => previewRetention(app, { asOf: input.asOf ?? app.clock.today(), horizonDays: input.horizonDays, clocks: input.clocks ?? false }),
  planRetention: async (input, app) => planRetention(app, notInFuture(input.asOf ?? app.clock.today(), app.clock.today())),
  runRetention: async (input, app) => {
    const asOf = notInFuture(input.asOf ?? app.clock.today(), app.clock.today())
    return retentionSchedulerOf(app).run({ asOf, trigger: 'manual', actorId: app.requireActor().accountId, ...(input.digest ? { confirmed: { digest: input.digest } } : {}) })
  },
  getRetentionProgress: async (_input, app) => retentionSchedulerOf(app).progressAnywhere(),
  getRetentionPolicy: async (_input, app) => {
    const versions = await app.read(async ({ manager }) => {
      await currentPolicy(manager, app.clock)
      return policyHistory(manager, app.clock)
    })
    return { current: versions[0]!, versions }
  },
  updateRetentionPolicy: async (input, app) => savePolicy(app, input.terms, input.note),
  listRetentionRuns: async (input, app) => app.read(({ manager }) => listRetentionRuns(manager, input.limit)),
  listShielded: async (_input, app) => listShielded(app),
  listReconfirmationsDue: async (input, app) => listReconfirmationsDue(app, { limit: input.limit ?? 200 }),
  recordReconfirmation: async (input, app) => recordReconfirmation(app, input),
  getPersonRetention: async (input, app) => getPersonRetention(app, input.personId)
}
