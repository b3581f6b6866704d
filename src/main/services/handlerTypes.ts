import type { Contract, OperationName } from '../../shared/contract'
import type { ParsedInputOf, OutputOf } from '../../shared/contract/operation'
import type { DossierApp } from './DossierApp'

/** A handler gets the validated input and the app; role and sender checks happened before. */
export type Handler<K extends OperationName> = (input: ParsedInputOf<Contract[K]>, app: DossierApp) => Promise<OutputOf<Contract[K]>>

export type Handlers<K extends OperationName = OperationName> = { [P in K]: Handler<P> }
