import type { z } from 'zod'
import type { StaffRole } from '../domain'

/**
 * Who may call an operation: `public` (no session: vault status, first-run setup, sign-in),
 * `signedIn` (any staff account), or a list of staff roles of which the account needs one.
 */
export type Access = 'public' | 'signedIn' | readonly StaffRole[]

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
  /** A one-line description for the README and the harness's listing. */
  summary: string
}

export function operation<I extends z.ZodType, O extends z.ZodType>(def: Operation<I, O>): Operation<I, O> {
  return def
}

export type OperationMap = Record<string, Operation>
export type InputOf<T extends Operation> = z.input<T['input']>
export type ParsedInputOf<T extends Operation> = z.output<T['input']>
export type OutputOf<T extends Operation> = z.output<T['output']>
