import type { Contract, OperationName } from '../../shared/contract'
import type { ParsedInputOf, OutputOf } from '../../shared/contract/operation'
import type { Workspace } from '../workspace/Workspace'
import type { DossierApp } from './DossierApp'

/**
 * What the dispatcher and the handlers drive: the domain's `Workspace` (handed on to domain
 * functions as it is) plus the session lifecycle the session handlers and the access check need.
 * `DossierApp` is one; the bench's plain twin (bench/plainApp.ts) is another.
 */
export type AppHost = Workspace &
  Pick<
    DossierApp,
    | 'vaultState'
    | 'currentSession'
    | 'touch'
    | 'idleLockMinutes'
    | 'vaultCheck'
    | 'setup'
    | 'chooseOfficeServer'
    | 'signIn'
    | 'signOut'
    | 'lock'
    | 'changePassphrase'
    | 'backupVault'
    | 'restoreVault'
    | 'previewRestore'
    | 'reportPrinter'
  >

/** A handler gets the validated input and the app; role and sender checks happened before. */
export type Handler<K extends OperationName> = (input: ParsedInputOf<Contract[K]>, app: AppHost) => Promise<OutputOf<Contract[K]>>

export type Handlers<K extends OperationName = OperationName> = { [P in K]: Handler<P> }
