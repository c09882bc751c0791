/**
 * The set's hash table gives CPython 3.11's iteration order: after collisions, deletions and
 * reuse of their slots, resizes, and `pop`'s finger. Expected orders printed by python3 3.11.7
 * (`list(s)` after the same operations); test/python/programs/sets.py checks many more.
 */
import { describe, expect, it } from 'vitest';
import { pyHash } from '../../src/python/pyhash.js';
import { PySet } from '../../src/python/pyset.js';

const identity = (): bigint => 0n;
const add = (s: PySet, x: unknown): void => s.add(x, pyHash(x, identity));

describe('PySet', () => {
  it('reuses a deleted slot as CPython does', () => {
    const s = new PySet(false);
    for (const k of [17, 1, 33, 9, 25, 41]) {
      add(s, k);
      s.discard(k - 16, pyHash(k - 16, identity));
    }
    expect(s.items()).toEqual([41, 1, 33]);
  });

  it('pops from where the last pop stopped', () => {
    const s = new PySet(false);
    for (let i = 0; i < 20; i++) add(s, i);
    const popped = Array.from({ length: 6 }, () => s.pop());
    expect(popped).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.items()).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('places colliding keys along the probe sequence, through resizes', () => {
    const s = new PySet(false);
    for (let x = 0; x < 12; x++) add(s, x * 7);
    expect(s.items()).toEqual([0, 35, 70, 7, 42, 77, 14, 49, 21, 56, 28, 63]);
  });

  it('raises KeyError when popping an empty set', () => {
    expect(() => new PySet(false).pop()).toThrow('pop from an empty set');
  });
});
