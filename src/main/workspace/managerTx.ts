import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import type { AuditRecord } from '../audit/AuditTrail'
import type { Clock } from '../clock'
import type { ErasureNote } from '../vault/erasureLedger'
import type { FieldSealPort } from '../vault/sealedColumns'
import { type Store, storeOf } from '../vault/store'
import type { AuditNote, ReadTx, RestrictedKeyPort, Tx } from './Workspace'

export interface TxSetup {
  clock: Clock
  today: CalendarDate
  actorId: string | null
  restricted: RestrictedKeyPort
  fields: FieldSealPort
  /** The audit trail's append (audit/AuditTrail), passed in so this module stays below the domain. */
  append: (manager: EntityManager, record: AuditRecord) => Promise<unknown>
  /** The transaction's erasure-ledger notes, appended before its commit (null: not recorded). */
  erasures: PendingErasure[] | null
}

/** A `Tx.noteErasure` note, dated by its transaction. */
export type PendingErasure = ErasureNote & { on: CalendarDate; at: string }

/** A read over `manager` (see `Workspace.read`); the store and dates are made only when asked for. */
export function readTx(manager: EntityManager, clock: Clock, restricted: RestrictedKeyPort): ReadTx {
  return {
    manager,
    restricted,
    get store() {
      return storeOf(manager)
    },
    get today() {
      return clock.today()
    },
    get at() {
      return clock.now().toISOString()
    }
  }
}

/** The `Tx` over a transaction's EntityManager; what `Workspace.write` implementations hand out. */
export class ManagerTx implements Tx {
  readonly at: string
  private storeOfManager: Store | null = null

  constructor(
    readonly manager: EntityManager,
    private readonly setup: TxSetup
  ) {
    this.at = setup.clock.now().toISOString()
  }

  get store(): Store {
    return (this.storeOfManager ??= storeOf(this.manager))
  }

  get today(): CalendarDate {
    return this.setup.today
  }

  get actorId(): string | null {
    return this.setup.actorId
  }

  get restricted(): RestrictedKeyPort {
    return this.setup.restricted
  }

  get fields(): FieldSealPort {
    return this.setup.fields
  }

  // Arrow properties: callers destructure them (`write(async ({ manager: m, audit }) => …)`).
  readonly audit = async (note: AuditNote): Promise<void> => {
    await this.setup.append(this.manager, { ...note, actorId: this.setup.actorId })
  }

  // A savepoint that rolls back takes its ledger notes with it.
  readonly savepoint = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const mark = this.setup.erasures?.length ?? 0
    return this.manager.transaction((m) => work(new ManagerTx(m, this.setup))).catch((e: unknown) => {
      this.setup.erasures?.splice(mark)
      throw e
    })
  }

  readonly noteErasure = (note: ErasureNote): void => {
    this.setup.erasures?.push({ ...note, on: this.today, at: this.at })
  }
}
