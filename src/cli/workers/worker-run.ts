/**
 * What the two worker pools (pool.ts for sampled runs, dpor-pool.ts for DPOR jobs) share: a
 * search driven from the main thread by {@link WorkerRun.run}, which waits for the workers'
 * messages up to a time budget (so the CLI can draw progress and take Ctrl-C between waits),
 * ends the workers once the search is over, and rejects with the first error a worker raised.
 * Lives in cli/ because it reads timers.
 */
export abstract class WorkerRun {
  protected error: Error | undefined;
  protected finished = false;
  /** Time spent in {@link run}, by the exploration's clock. */
  protected elapsed = 0;
  /** Set while {@link run} waits: call it when the search ends or fails. */
  protected wake: (() => void) | undefined;
  private closed: Promise<unknown> | undefined;

  protected constructor(private readonly clock: (() => number) | undefined) {}

  /** Hand out work to idle workers and set `finished` when the search is over. */
  protected abstract settle(): void;

  /** Terminate every worker. */
  protected abstract terminate(): Promise<unknown>;

  /**
   * Wait up to `budgetMs` for the search to end; resolves to true when it has. Rejects with
   * the error a worker raised (a threadsim error keeps its code).
   */
  async run(budgetMs = Infinity): Promise<boolean> {
    const t0 = this.clock?.() ?? 0;
    try {
      if (!this.finished && this.error === undefined) {
        await new Promise<void>((resolve) => {
          const timer = Number.isFinite(budgetMs) ? setTimeout(resolve, budgetMs) : undefined;
          this.wake = () => {
            if (timer !== undefined) clearTimeout(timer);
            resolve();
          };
          this.settle();
        });
        this.wake = undefined;
      }
    } finally {
      this.elapsed += (this.clock?.() ?? 0) - t0;
    }
    if (this.error !== undefined) {
      await this.close();
      throw this.error;
    }
    if (this.finished) await this.close();
    return this.finished;
  }

  /** End the workers (idempotent). */
  close(): Promise<unknown> {
    this.closed ??= this.terminate();
    return this.closed;
  }

  protected fail(e: Error): void {
    this.error ??= e;
    this.wake?.();
  }
}
