import type { retentionOperations } from '../../shared/contract/retention'
import type { Handlers } from './handlerTypes'

export const retentionHandlers: Handlers<keyof typeof retentionOperations> = {}
