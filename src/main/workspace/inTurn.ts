/**
 * The reads of one transaction, one after the other, in the shape of `Promise.all` (with thunks).
 * A transaction is one connection: on the local vault its statements run one at a time anyway,
 * and the office server's driver (pg) takes a second query on a busy connection only under
 * protest (deprecated; refused from pg 9).
 */
export async function inTurn<const T extends readonly (() => unknown)[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = []
  for (const step of work) out.push(await step())
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }
}
