/**
 * What holds an open vault's key besides its own connection (a worker thread's second connection:
 * the retention sweep's, services/sweepThread.ts): each registers how to stop it, and the vault
 * stops them all, and waits for them, before it closes and lets go of the key.
 */
export class KeyHolders {
  private readonly stops = new Set<() => Promise<void>>()

  /** Registers `stop`; returns the way to unregister (the holder ended by itself). */
  add(stop: () => Promise<void>): () => void {
    this.stops.add(stop)
    return () => this.stops.delete(stop)
  }

  /** Stops every holder (a failing one does not keep the vault open). */
  async stopAll(): Promise<void> {
    const stops = [...this.stops]
    this.stops.clear()
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)))
  }
}
