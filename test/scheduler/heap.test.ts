import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryHeap } from '../../src/scheduler/heap.js';

describe('BinaryHeap', () => {
  it('pops in the order `before` gives, ties in insertion order, with pushes between pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant<'pop'>('pop')), { maxLength: 60 }), (ops) => {
        let seq = 0;
        const heap = new BinaryHeap<{ key: number; seq: number }>((a, b) => a.key < b.key || (a.key === b.key && a.seq < b.seq));
        const model: { key: number; seq: number }[] = [];
        for (const op of ops) {
          if (op === 'pop') {
            model.sort((a, b) => a.key - b.key || a.seq - b.seq);
            expect(heap.pop()).toEqual(model.shift());
          } else {
            const e = { key: op, seq: seq++ };
            heap.push(e);
            model.push(e);
          }
          expect(heap.size).toBe(model.length);
        }
        heap.clear();
        expect(heap.size).toBe(0);
        expect(heap.peek()).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
