import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeriodFrontier } from '../../../src/scheduler/explore/period-frontier.js';

interface E {
  readonly periods: number;
  readonly seq: number;
}

/** The frontier's rule written plainly over an array: pop the least (periods, seq); when full, give up the costliest level. */
class Model {
  items: E[] = [];
  dropped = Infinity;
  constructor(private readonly max: number) {}
  push(e: E): void {
    if (this.items.length >= this.max) {
      const high = Math.max(...this.items.map((x) => x.periods));
      if (high <= e.periods) {
        this.dropped = Math.min(this.dropped, e.periods);
        return;
      }
      this.items = this.items.filter((x) => x.periods !== high);
      this.dropped = Math.min(this.dropped, high);
    }
    this.items.push(e);
  }
  pop(): E | undefined {
    if (this.items.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.items.length; i++) {
      const a = this.items[i]!;
      const b = this.items[best]!;
      if (a.periods < b.periods || (a.periods === b.periods && a.seq < b.seq)) best = i;
    }
    return this.items.splice(best, 1)[0];
  }
}

describe('PeriodFrontier', () => {
  it('pops in order and gives up its costliest level when full, as the plain rule does', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 1, max: 6 }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 200 }), (max, ops) => {
        const f = new PeriodFrontier<E>((a, b) => a.seq < b.seq, max);
        const m = new Model(max);
        let seq = 0;
        for (const o of ops) {
          if ('push' in o) {
            const e = { periods: o.push, seq: seq++ };
            f.push(e);
            m.push(e);
          } else {
            expect(f.peek()).toBe(m.items.length === 0 ? undefined : [...m.items].sort((a, b) => a.periods - b.periods || a.seq - b.seq)[0]);
            expect(f.pop()).toBe(m.pop());
          }
          expect(f.size).toBe(m.items.length);
          expect(f.size).toBeLessThanOrEqual(max);
          expect(f.dropped).toBe(m.dropped);
        }
      }),
      { numRuns: 300 },
    );
  });
});
