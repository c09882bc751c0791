import { describe, expect, it } from 'vitest';
import { empty, removeAt, removeFrom } from '../../src/scheduler/lists.js';

describe('lists kept across runs', () => {
  it('empty leaves no item, whatever the length', () => {
    for (const xs of [[], [1], [1, 2, 3]]) {
      empty(xs);
      expect(xs).toEqual([]);
    }
  });

  it('removeAt removes one index and keeps the order of the rest; an index out of range changes nothing', () => {
    const xs = ['a', 'b', 'c', 'd'];
    removeAt(xs, 1);
    expect(xs).toEqual(['a', 'c', 'd']);
    removeAt(xs, 2);
    expect(xs).toEqual(['a', 'c']);
    removeAt(xs, -1);
    removeAt(xs, 5);
    expect(xs).toEqual(['a', 'c']);
  });

  it('removeFrom removes the first occurrence only, and nothing when absent', () => {
    const xs = [1, 2, 1, 3];
    removeFrom(xs, 1);
    expect(xs).toEqual([2, 1, 3]);
    removeFrom(xs, 9);
    expect(xs).toEqual([2, 1, 3]);
  });
});
