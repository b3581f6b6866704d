/**
 * How many persons the retention sweep puts in one transaction, so that its commit stays within
 * one slice of the event loop (issue 18: no block of a frame or more, 16 ms, while a sweep runs);
 * the work before it gives the event loop a turn between persons.
 *
 * The commit is the part the sweep cannot interrupt: writing every page the transaction dirtied
 * to the WAL (about 20 per deleted person: the person's row and index entries, its child rows,
 * tombstone, audit entry). It grows with the persons in the transaction, so it is predicted from
 * the last transactions: how long each kept the event loop busy after its own work, per person
 * (the erasure ledger's sync in between runs off the main thread and is not counted). Pure
 * arithmetic over durations the caller measures; no clock of its own.
 */
export class TransactionPace {
  /** what a transaction's commit keeps the event loop busy for, per person (ms); a cautious first guess */
  private overheadPerPerson = 0.5
  /** persons per transaction lately: how many facts to read ahead */
  private persons = 8

  constructor(private readonly budgetMs: number) {}

  /**
   * Whether a transaction that holds `done` persons should commit now rather than take one more:
   * the predicted commit of one more would pass the budget. Never full before the first person
   * (a transaction does something).
   */
  full(done: number): boolean {
    return done > 0 && this.overheadPerPerson * (done + 1) >= this.budgetMs
  }

  /** Learns from a committed transaction: the event loop's busy time after its work (the commit), its persons. */
  observe(commitMs: number, persons: number): void {
    if (persons === 0) return
    const overhead = Math.max(0, commitMs) / persons
    // Quick to learn that commits got dearer, slower to believe they got cheaper.
    const weight = overhead > this.overheadPerPerson ? 0.5 : 0.2
    this.overheadPerPerson += weight * (overhead - this.overheadPerPerson)
    this.persons += 0.3 * (persons - this.persons)
  }

  /** How many persons' facts to read at a time inside a transaction: about one transaction's worth. */
  readAhead(max: number): number {
    return Math.max(2, Math.min(max, Math.ceil(this.persons)))
  }
}
