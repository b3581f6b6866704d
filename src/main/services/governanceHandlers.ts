import type { governanceOperations } from '../../shared/contract/governance'
import type { Handlers } from './handlerTypes'

export const governanceHandlers: Handlers<keyof typeof governanceOperations> = {}
