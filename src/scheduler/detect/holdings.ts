/**
 * Who holds which lock, derived from ops alone: a successful `acquire` (its result is not
 * False and it neither raised nor timed out) adds one hold, a `release` removes one, from
 * the releasing thread when it holds the object (re-entrant locks count) and else from the
 * oldest holder (a `Lock` may be released by another thread). Semaphores use the same kinds;
 * an object that two threads ever held at once, or that a thread released without holding
 * it, is no mutex and is left out of lock-order analysis.
 *
 * Lock order (after the lock-order graphs of Havelund, "Using Runtime Analysis to Guide
 * Model Checking of Java Programs", SPIN 2000, with gate locks): when a thread takes lock
 * B while holding A, the graph gets the edge A -> B. Two edges A -> B and B -> A from
 * different threads form a potential deadlock unless both threads held a common third
 * (gate) lock, or the first acquisition happens-before the second thread even started
 * through thread start and join alone.
 */

/** One acquisition made while holding another lock. */
export interface OrderEdge {
  readonly thread: number;
  readonly held: string;
  readonly acquired: string;
  readonly step: number;
  /** Other locks the thread held at the time (gate locks). */
  readonly gates: readonly string[];
  /** The thread's start/join-only epoch at the acquisition. */
  readonly epoch: number;
}

/** Lock holdings and the lock-order graph of one execution. */
export class Holdings {
  /** Object -> holding threads, oldest first (a thread appears once per hold). */
  private readonly holders = new Map<string, number[]>();
  /** Objects that are no mutex: two threads held them at once, or one released another's hold. */
  private readonly shared = new Set<string>();
  private readonly edges = new Map<string, OrderEdge>();
  private readonly inversions: (readonly [OrderEdge, OrderEdge])[] = [];

  /** Potential deadlocks: pairs of opposite edges over objects that only one thread held at a time. */
  lockOrderInversions(): (readonly [OrderEdge, OrderEdge])[] {
    return this.inversions.filter(([a]) => !this.shared.has(a.held) && !this.shared.has(a.acquired));
  }

  /** The threads that hold `obj`, oldest first, each once. */
  holdersOf(obj: string): number[] {
    return [...new Set(this.holders.get(obj) ?? [])];
  }

  /** Every object `thread` holds, in the order it took them. */
  heldBy(thread: number): string[] {
    const out: string[] = [];
    for (const [obj, hs] of this.holders) if (hs.includes(thread)) out.push(obj);
    return out;
  }

  /**
   * Thread `thread` acquired `obj` at `step`. `epoch` is its start/join-only epoch and
   * `orderedBefore(edge)` tells whether an earlier edge's acquisition happens-before the
   * current thread through starts and joins.
   */
  acquired(obj: string, thread: number, step: number, epoch: number, orderedBefore: (e: OrderEdge) => boolean): void {
    const held = this.heldBy(thread).filter((o) => o !== obj);
    let hs = this.holders.get(obj);
    if (hs === undefined) {
      hs = [];
      this.holders.set(obj, hs);
    }
    if (hs.some((h) => h !== thread)) this.shared.add(obj);
    hs.push(thread);
    for (const a of held) this.addEdge({ thread, held: a, acquired: obj, step, gates: held.filter((g) => g !== a), epoch }, orderedBefore);
  }

  /** Thread `thread` released `obj`. */
  released(obj: string, thread: number): void {
    const hs = this.holders.get(obj);
    if (hs === undefined || hs.length === 0) return;
    const i = hs.lastIndexOf(thread);
    // Released by a thread that does not hold it: a signal (a Lock or Semaphore handed from
    // thread to thread), not a mutex, so it takes no part in lock-order analysis.
    if (i < 0) this.shared.add(obj);
    hs.splice(i >= 0 ? i : 0, 1);
  }

  private addEdge(e: OrderEdge, orderedBefore: (e: OrderEdge) => boolean): void {
    const key = `${e.held}\u0000${e.acquired}`;
    if (!this.edges.has(key)) this.edges.set(key, e);
    const back = this.edges.get(`${e.acquired}\u0000${e.held}`);
    if (back === undefined || back.thread === e.thread) return;
    if (back.gates.some((g) => e.gates.includes(g))) return;
    if (orderedBefore(back)) return;
    if (this.inversions.some(([x, y]) => (x.held === back.held && x.acquired === back.acquired) || (y.held === back.held && y.acquired === back.acquired))) return;
    this.inversions.push([back, e]);
  }
}
