/**
 * Model of `threading.Barrier`.
 *
 * Mirrors: `Barrier(parties, action=None, timeout=None)`; `wait(timeout=None)` returns the
 * arrival index 0..parties-1; the last arrival runs `action` before anyone is released, while
 * no other barrier call can proceed (CPython holds the barrier's lock); if the action raises,
 * the barrier breaks and the exception propagates in that thread. A wait that times out
 * breaks the barrier and raises `BrokenBarrierError` (a RuntimeError) in every waiter;
 * `abort()` breaks it; `reset()` makes current waiters raise `BrokenBarrierError` and the
 * barrier usable again once they have left; threads arriving while the previous round drains
 * wait for it. `n_waiting` and `broken` are one-step reads. A timeout and the last arrival at
 * the same instant are both possible outcomes: the policy chooses.
 * Does not mirror: nothing known; `parties` is not checked, as in CPython 3.11.
 */
import { runtime } from '../scheduler/context.js';
import { WaitQueue, type Kernel, type Op, type Steps } from '../scheduler/ops.js';
import { BrokenBarrierError } from './exceptions.js';
import { callMaybeSteps } from './maybe-steps.js';
import { toMicros } from './time.js';

/** CPython's barrier states. */
const FILLING = 0;
const DRAINING = 1;
const RESETTING = -1;
const BROKEN = -2;

/** Options of `Barrier(parties, action=None, timeout=None)`. */
export interface BarrierOptions {
  /** Called by one thread (the last to arrive) before the others are released. */
  readonly action?: () => unknown;
  /** Default timeout of `wait()`, seconds. */
  readonly timeout?: number | null;
  readonly name?: string;
}

/** Model of `threading.Barrier`. */
export class Barrier {
  /** Name in traces: `Barrier#1`, or the name given. */
  readonly id: string;
  readonly parties: number;
  private readonly action: (() => unknown) | undefined;
  private readonly timeout: number | null;
  private state = FILLING;
  private count = 0;
  /** True while the last arrival runs the action: CPython's barrier lock is held meanwhile. */
  private busy = false;
  /** Every waiter parks here; CPython's `notify_all` on each state change wakes them all. */
  private readonly changed: WaitQueue;

  constructor(parties: number, options: BarrierOptions = {}) {
    const rt = runtime('Barrier()');
    this.parties = parties;
    this.action = options.action;
    this.timeout = options.timeout ?? null;
    this.id = options.name ?? `Barrier#${rt.counter('Barrier')}`;
    this.changed = new WaitQueue(this.id);
  }

  /** `wait(timeout=None)`: the arrival index, or BrokenBarrierError. */
  *wait(timeout: number | null = null): Steps<number> {
    const limit = timeout ?? this.timeout;
    const enter: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      value: 'arrive',
      waitOn: this.changed,
      enabled: () => !this.busy && (this.state === FILLING || this.state === BROKEN),
      run: (k) => {
        if (this.state === BROKEN) throw new BrokenBarrierError();
        const index = this.count++;
        if (index + 1 === this.parties) {
          if (this.action !== undefined) this.busy = true;
          else this.release(k);
        }
        return index;
      },
      describeWait: () => `${this.id} to finish its previous round`,
    };
    const index = (yield enter) as number;
    if (index + 1 === this.parties) {
      if (this.action !== undefined) yield* this.runAction();
      return index;
    }
    const block: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      waitOn: this.changed,
      enabled: () => this.state !== FILLING && !this.busy,
      ...(limit === null ? {} : { timeout: toMicros(Math.max(0, limit)) }),
      run: (k, timedOut) => (timedOut && this.busy ? 'relock' : this.leave(k, index)),
      describeWait: () => `${this.parties - this.count} more thread(s) at ${this.id} (${this.count}/${this.parties} waiting)`,
    };
    if ((yield block) === 'relock') {
      // Timed out while the action held the lock: re-acquire it, then look at the state.
      const relock: Op = { kind: 'wait', obj: this.id, access: 'sync', waitOn: this.changed, enabled: () => !this.busy, run: (k) => this.leave(k, index) };
      yield relock;
    }
    return index;
  }

  /** `abort()`: break the barrier; current and future waiters raise BrokenBarrierError. */
  *abort(): Steps<void> {
    yield this.lockedOp('abort', (k) => this.breakNow(k));
  }

  /** `reset()`: waiters raise BrokenBarrierError; the barrier is reusable once they left. */
  *reset(): Steps<void> {
    yield this.lockedOp('reset', (k) => {
      if (this.count > 0) {
        if (this.state === FILLING || this.state === BROKEN) this.state = RESETTING;
      } else {
        this.state = FILLING;
      }
      k.wake(this.changed);
    });
  }

  /** `n_waiting`: threads waiting in the current round (one-step read). */
  *n_waiting(): Steps<number> {
    const op: Op = { kind: 'read', obj: this.id, access: 'sync', value: 'n_waiting', run: () => (this.state === FILLING ? this.count : 0) };
    return (yield op) as number;
  }

  /** `broken`: true once broken and not reset (one-step read). */
  *broken(): Steps<boolean> {
    const op: Op = { kind: 'read', obj: this.id, access: 'sync', value: 'broken', run: () => this.state === BROKEN };
    return (yield op) as boolean;
  }

  /** The last arrival runs the action; a raise breaks the barrier and propagates. */
  private *runAction(): Steps<void> {
    try {
      yield* callMaybeSteps(this.action!);
    } catch (e) {
      const broke: Op = {
        kind: 'set',
        obj: this.id,
        access: 'sync',
        value: 'action raised',
        run: (k) => {
          this.busy = false;
          this.breakNow(k);
          this.exit(k);
        },
      };
      yield broke;
      throw e;
    }
    const release: Op = {
      kind: 'set',
      obj: this.id,
      access: 'sync',
      value: 'release',
      run: (k) => {
        this.busy = false;
        this.release(k);
      },
    };
    yield release;
  }

  /** A waiter's return: raise when broken, reset, or timed out still filling. */
  private leave(k: Kernel, index: number): number {
    const state = this.state;
    if (state === FILLING) this.breakNow(k);
    this.exit(k);
    if (state === FILLING || state < 0) throw new BrokenBarrierError();
    return index;
  }

  /** Everyone is here: release the waiters and leave as the last arrival. */
  private release(k: Kernel): void {
    this.state = DRAINING;
    k.wake(this.changed);
    this.exit(k);
  }

  private breakNow(k: Kernel): void {
    this.state = BROKEN;
    k.wake(this.changed);
  }

  /** A thread leaves; the last one out of a draining or resetting round refills. */
  private exit(k: Kernel): void {
    this.count--;
    if (this.count === 0 && (this.state === RESETTING || this.state === DRAINING)) {
      this.state = FILLING;
      k.wake(this.changed);
    }
  }

  private lockedOp(what: string, run: (k: Kernel) => void): Op {
    return {
      kind: 'set',
      obj: this.id,
      access: 'sync',
      value: what,
      waitOn: this.changed,
      enabled: () => !this.busy,
      run,
      describeWait: () => `${this.id}'s action to finish`,
    };
  }

  toString(): string {
    const state = this.state === BROKEN ? 'broken' : `waiters=${this.state === FILLING ? this.count : 0}/${this.parties}`;
    return `<threading.Barrier at ${this.id}: ${state}>`;
  }
}
