import { describe, expect, it } from 'vitest';
import { log } from '../../src/models/logging.js';
import { PriorityQueue } from '../../src/models/priority-queue.js';
import { lines, raised, run } from './helpers.js';

// Orders and messages: CPython 3.11 (see the report).
describe('PriorityQueue', () => {
  it('gets the smallest first; tuples compare element-wise', () => {
    const r0 = run(function* () {
      const q = new PriorityQueue<[number, string]>();
      for (const x of [[1, 'b'], [1, 'a'], [0, 'z']] as [number, string][]) yield* q.put(x);
      const out: string[] = [];
      for (let i = 0; i < 3; i++) out.push(JSON.stringify(yield* q.get()));
      yield* log(out.join(' '));
    });
    expect(lines(r0)).toEqual(['[0,"z"] [1,"a"] [1,"b"]']);
  });

  it('pops many numbers in sorted order (an independent sort is the oracle)', () => {
    const input = [5, 3, 8, 1, 9, 2, 7, 3, 0, 6, 4, 1];
    const r0 = run(function* () {
      const q = new PriorityQueue<number>();
      for (const x of input) yield* q.put(x);
      const out: number[] = [];
      while (!(yield* q.empty())) out.push(yield* q.get());
      yield* log(out.join(','));
    });
    expect(lines(r0)).toEqual([[...input].sort((a, b) => a - b).join(',')]);
  });

  it('unorderable items raise TypeError with the new item on the left', () => {
    expect(raised(function* () {
      const q = new PriorityQueue<unknown>();
      yield* q.put([1, 'a']);
      yield* q.put([1, 2]);
    })).toBe("TypeError: '<' not supported between instances of 'int' and 'str'");
  });

  it('mixed str and int', () => {
    expect(raised(function* () {
      const q = new PriorityQueue<unknown>();
      yield* q.put(1);
      yield* q.put('a');
    })).toBe("TypeError: '<' not supported between instances of 'str' and 'int'");
  });
});
