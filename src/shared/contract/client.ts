import type { ErrorEnvelope } from '../errors'
import type { Contract, OperationName } from './index'
import type { InputOf, OutputOf } from './operation'

/**
 * The typed client of the contract: the one way the renderer, the CLI, the test harness and the
 * tests call an operation. It sits on any transport that answers with the dispatcher's envelope
 * (IPC through the preload, HTTP through the harness's bridge, the dispatcher in process), so every
 * caller gets the operation's input and output types from the contract instead of writing them.
 */

/** The wire form of an operation's answer: its value, or an error with a stable code. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope }

/** A transport: send an operation's input, get its envelope back. */
export type Invoke = (name: OperationName, input: unknown) => Promise<Envelope>

/** The input an operation takes, as its caller writes it (before the schema's defaults and transforms). */
export type OperationInput<K extends OperationName> = InputOf<Contract[K]>

/** What an operation answers with. */
export type OperationOutput<K extends OperationName> = OutputOf<Contract[K]>

/** An operation's input; optional when the operation takes none (or only optional fields). */
export type CallArgs<K extends OperationName> = Record<string, never> extends InputOf<Contract[K]> ? [input?: InputOf<Contract[K]>] : [input: InputOf<Contract[K]>]

/**
 * An operation's failure as the caller sees it: the stable code, field issues and safe detail of
 * the error envelope. Carries no personal data (the envelope never does) and no input values.
 */
export class ContractError extends Error {
  readonly code: ErrorEnvelope['code']
  readonly issues: ErrorEnvelope['issues']
  readonly detail: ErrorEnvelope['detail']
  constructor(error: ErrorEnvelope) {
    super(error.message)
    this.name = 'ContractError'
    this.code = error.code
    this.issues = error.issues
    this.detail = error.detail
  }
}

export interface ContractClient {
  /** Call `name` with its input; resolves to its output, rejects with a `ContractError`. */
  call<K extends OperationName>(name: K, ...args: CallArgs<K>): Promise<OutputOf<Contract[K]>>
}

export function createContractClient(invoke: Invoke): ContractClient {
  return {
    async call<K extends OperationName>(name: K, ...args: CallArgs<K>): Promise<OutputOf<Contract[K]>> {
      const r = await invoke(name, args[0] === undefined ? {} : args[0])
      if (!r.ok) throw new ContractError(r.error)
      // The dispatcher ran the contract's handler for `name`, whose result is this operation's output.
      return r.value as OutputOf<Contract[K]>
    }
  }
}
