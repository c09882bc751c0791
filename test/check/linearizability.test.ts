import { describe, expect, it } from 'vitest';
import { BLOCKS, canonical, checkLinearizable, type HistoryOp, type SequentialSpec } from '../../src/check/linearizability.js';

// Sequential specifications written from the textbook definitions of the objects.
const counter: SequentialSpec<number> = {
  initial: 0,
  apply: (n, name) => (name === 'inc' ? { state: n + 1, result: n + 1 } : { state: n, result: n }),
};
const fifo: SequentialSpec<readonly number[]> = {
  initial: [],
  apply: (q, name, arg) => (name === 'enq' ? { state: [...q, arg as number], result: undefined } : { state: q.slice(1), result: q[0] ?? null }),
};
/** A one-slot blocking buffer: put blocks when full, get blocks when empty. */
const slot: SequentialSpec<readonly number[]> = {
  initial: [],
  apply: (b, name, arg) => {
    if (name === 'put') return b.length >= 1 ? BLOCKS : { state: [arg as number], result: undefined };
    return b.length === 0 ? BLOCKS : { state: [], result: b[0] };
  },
};

const op = (thread: number, name: string, arg: unknown, result: unknown, invoked: number, returned?: number): HistoryOp => ({ thread, name, arg, result, invoked, returned });

describe('checkLinearizable', () => {
  it('two overlapping increments that both return 1 are not linearizable; 1 and 2 are', () => {
    expect(checkLinearizable([op(0, 'inc', undefined, 1, 0, 4), op(1, 'inc', undefined, 1, 1, 5)], counter).linearizable).toBe(false);
    const ok = checkLinearizable([op(0, 'inc', undefined, 2, 0, 4), op(1, 'inc', undefined, 1, 1, 5)], counter);
    expect(ok.linearizable).toBe(true);
    if (ok.linearizable) expect(ok.order.map((o) => o.result)).toEqual([1, 2]);
  });

  it('real-time order constrains the witness: an operation that returned first cannot go second', () => {
    // thread 0's increment returned (at 3) before thread 1's was called (at 5), yet saw 2
    expect(checkLinearizable([op(0, 'inc', undefined, 2, 0, 3), op(1, 'inc', undefined, 1, 5, 8)], counter).linearizable).toBe(false);
    // overlapping, the same results are fine
    expect(checkLinearizable([op(0, 'inc', undefined, 2, 0, 6), op(1, 'inc', undefined, 1, 5, 8)], counter).linearizable).toBe(true);
  });

  it('a FIFO queue: a dequeue must return the first of two sequential enqueues', () => {
    const history = (got: number) => [op(0, 'enq', 1, undefined, 0, 1), op(0, 'enq', 2, undefined, 2, 3), op(1, 'deq', undefined, got, 4, 5)];
    expect(checkLinearizable(history(1), fifo).linearizable).toBe(true);
    expect(checkLinearizable(history(2), fifo).linearizable).toBe(false);
  });

  it('program order within a thread holds even without time gaps', () => {
    // the same thread: enq(1) then deq; the deq cannot be linearized before the enq
    expect(checkLinearizable([op(0, 'enq', 1, undefined, 0, 2), op(0, 'deq', undefined, null, 2, 3)], fifo).linearizable).toBe(false);
  });

  it('a deadlock is allowed only where the specification blocks too', () => {
    // put(1), get() -> 1 completed; a get still waiting on the empty slot: legitimate
    const waitingGet = [op(0, 'put', 1, undefined, 0, 2), op(1, 'get', undefined, 1, 1, 4), op(2, 'get', undefined, undefined, 3)];
    expect(checkLinearizable(waitingGet, slot, true).linearizable).toBe(true);
    // the same, but a put is stuck while the slot is empty: a lost wake-up
    const waitingPut = [op(0, 'put', 1, undefined, 0, 2), op(1, 'get', undefined, 1, 1, 4), op(0, 'put', 2, undefined, 3)];
    const verdict = checkLinearizable(waitingPut, slot, true);
    expect(verdict.linearizable).toBe(false);
    if (!verdict.linearizable) expect(verdict.reason).toContain('put(2) still waiting');
  });

  it('a completed operation cannot be linearized where the specification blocks', () => {
    expect(checkLinearizable([op(0, 'get', undefined, 7, 0, 1)], slot).linearizable).toBe(false);
  });

  it('canonical compares plain values structurally, keys in any order', () => {
    expect(canonical({ b: 1, a: [undefined, null] })).toBe(canonical({ a: [undefined, null], b: 1 }));
    expect(canonical(undefined)).not.toBe(canonical(null));
  });
});
