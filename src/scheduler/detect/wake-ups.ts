/**
 * Lost wake-ups on a Condition, from op data only: a `wait` op with value `enter` puts its
 * thread at the back of the object's waiters, a `notify` that woke `n` threads takes the `n`
 * oldest (the order CPython's Condition keeps), a `wait` with value `timed out` takes its
 * thread out. A wake-up is wasted when the woken thread, before it notified anyone itself,
 * entered `wait` on the same object again (it woke, found nothing it could do, and slept),
 * while other threads stayed waiting: `notify()` picked a thread that could not use the
 * wake-up over one that perhaps could.
 */
import type { Op } from '../ops.js';

/** A wake-up spent on a thread that went straight back to waiting. */
export interface WastedWakeUp {
  readonly obj: string;
  readonly notifier: number;
  readonly notifyStep: number;
  readonly woken: number;
  readonly rewaitStep: number;
  /** The threads still waiting right after the notify: the ones it did not wake. */
  readonly passedOver: readonly number[];
}

interface Wake {
  readonly notifier: number;
  readonly step: number;
  readonly passedOver: readonly number[];
}

/** Simulates each Condition's waiter list and remembers the last wasted wake-up per object. */
export class WakeUps {
  private readonly waiting = new Map<string, number[]>();
  private readonly woken = new Map<string, Map<number, Wake>>();
  private readonly wasted = new Map<string, WastedWakeUp>();

  /** After a sync op on `op.obj` that ran without raising. */
  onSync(op: Op, thread: number, step: number, result: unknown): void {
    const obj = op.obj;
    if (obj === undefined) return;
    if (op.kind === 'wait') {
      if (op.value === 'enter') {
        const wake = this.woken.get(obj)?.get(thread);
        if (wake !== undefined) {
          this.woken.get(obj)!.delete(thread);
          if (wake.passedOver.length > 0) {
            this.wasted.set(obj, { obj, notifier: wake.notifier, notifyStep: wake.step, woken: thread, rewaitStep: step, passedOver: wake.passedOver });
          }
        }
        waitersOf(this.waiting, obj).push(thread);
      } else if (op.value === 'timed out') {
        const q = waitersOf(this.waiting, obj);
        const i = q.indexOf(thread);
        if (i >= 0) q.splice(i, 1);
      }
    } else if (op.kind === 'notify' && typeof result === 'number') {
      const q = waitersOf(this.waiting, obj);
      const taken = q.splice(0, result);
      let wakes = this.woken.get(obj);
      if (wakes === undefined) this.woken.set(obj, (wakes = new Map()));
      // The notifier used its own wake-up (if it had one) to do something for others.
      wakes.delete(thread);
      for (const t of taken) wakes.set(t, { notifier: thread, step, passedOver: q.slice() });
    }
  }

  /** The last wasted wake-up on `obj`, if any. */
  lastWasted(obj: string): WastedWakeUp | undefined {
    return this.wasted.get(obj);
  }
}

/** The waiter line of `key`, made empty on first use. */
function waitersOf(map: Map<string, number[]>, key: string): number[] {
  let l = map.get(key);
  if (l === undefined) map.set(key, (l = []));
  return l;
}
