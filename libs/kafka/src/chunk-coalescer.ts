/**
 * Merges the chunks that concurrently consumed partitions submit into one unit of work (one
 * database transaction, one produce request), the way a database merges commits that arrive
 * together. kafkajs hands each partition's batch to its own handler; without this, a consumer of
 * six partitions pays six transactions, produce round trips and offset commits where one would do.
 *
 * - Work runs one unit at a time; chunks submitted meanwhile wait and go together in the next.
 * - A unit starts as soon as every active handler has submitted, or `maxItems` are waiting, or the
 *   first waiting chunk has waited `lingerMs` (a handler still busy is not waited for longer).
 * - Each submitter learns the unit's outcome: it resolves, or rejects with the unit's error.
 */
export class ChunkCoalescer<T> {
  private waiting: Array<{ items: T[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  private activeHandlers = 0;
  private running = false;
  private decisionDue = false;
  private lingerTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly work: (items: T[]) => Promise<void>,
    private readonly options: { maxItems: number; lingerMs: number },
  ) {}

  /** A partition handler started: a unit may wait (up to the linger) for its chunk. */
  enter(): void {
    this.activeHandlers++;
  }

  /** A partition handler finished: the others need not wait for it any more. */
  leave(): void {
    this.activeHandlers--;
    this.schedule();
  }

  submit(items: T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Decides on the next turn of the event loop, not at once: kafkajs starts the handlers of one
   * fetch one after another, and the first must not run alone before the others have entered.
   */
  private schedule(): void {
    if (this.decisionDue || this.running || this.waiting.length === 0) return;
    this.decisionDue = true;
    setImmediate(() => {
      this.decisionDue = false;
      this.decide();
    });
  }

  private decide(): void {
    if (this.running || this.waiting.length === 0) return;
    const everyoneWaiting = this.waiting.length >= this.activeHandlers;
    const waitingItems = this.waiting.reduce((sum, submission) => sum + submission.items.length, 0);
    if (everyoneWaiting || waitingItems >= this.options.maxItems) {
      void this.runUnit();
    } else if (!this.lingerTimer) {
      this.lingerTimer = setTimeout(() => {
        this.lingerTimer = null;
        if (!this.running && this.waiting.length > 0) void this.runUnit();
      }, this.options.lingerMs);
    }
  }

  private async runUnit(): Promise<void> {
    if (this.lingerTimer) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    // Whole chunks, up to maxItems (always at least one), oldest first.
    const unit: typeof this.waiting = [];
    let items = 0;
    while (this.waiting.length > 0 && (unit.length === 0 || items + this.waiting[0].items.length <= this.options.maxItems)) {
      const next = this.waiting.shift()!;
      unit.push(next);
      items += next.items.length;
    }
    this.running = true;
    try {
      await this.work(unit.flatMap((submission) => submission.items));
      unit.forEach((submission) => submission.resolve());
    } catch (error) {
      unit.forEach((submission) => submission.reject(error));
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
