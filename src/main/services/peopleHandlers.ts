import type { peopleOperations } from '../../shared/contract/people'
import type { Handlers } from './handlerTypes'

export const peopleHandlers: Handlers<keyof typeof peopleOperations> = {}
