import type { relationsOperations } from '../../shared/contract/relations'
import type { Handlers } from './handlerTypes'

export const relationsHandlers: Handlers<keyof typeof relationsOperations> = {}
