/**
 * Gives the event loop a turn (`setImmediate`): long work in the main process (the retention
 * sweep, whole-vault reads) calls this between slices so IPC, timers and worker messages get in.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
