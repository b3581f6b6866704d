/**
 * Gives the event loop a whole turn: long work in the main process (the retention sweep,
 * whole-vault reads) calls this between slices so IPC, timers and worker messages get in.
 *
 * Two `setImmediate`s, not one: work that resumed in an I/O callback (a worker's or the renderer's
 * message, poll phase) would otherwise continue in the same turn's check phase, straight after,
 * and two slices would run back to back with no timer in between (measured: 35 ms event-loop
 * blocks from two 17 ms sweep transactions). After two check phases, the timers and poll phases
 * have run at least once in between, whichever phase the caller was in. Costs one idle turn.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)))
