import type { consentOperations } from '../../shared/contract/consent'
import type { Handlers } from './handlerTypes'

export const consentHandlers: Handlers<keyof typeof consentOperations> = {}
