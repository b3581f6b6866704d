import type { rightsOperations } from '../../shared/contract/rights'
import type { Handlers } from './handlerTypes'

export const rightsHandlers: Handlers<keyof typeof rightsOperations> = {}
