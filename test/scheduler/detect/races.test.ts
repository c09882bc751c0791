import { describe, expect, it } from 'vitest';
import { RaceDetector } from '../../../src/scheduler/detect/races.js';

// Clocks are written by hand: thread t's own entry is its epoch; another entry is what it
// has seen of that thread through synchronisation.
describe('FastTrack shadow memory', () => {
  it('a write then an unordered read from another thread is a race, reported once', () => {
    const d = new RaceDetector();
    d.access('x', 0, [1, 0], 0, true, 1, undefined);
    d.access('x', 1, [0, 1], 1, false, 1, undefined);
    d.access('x', 1, [0, 1], 2, false, 1, undefined);
    expect(d.races.map((r) => [r.earlier.step, r.later.step])).toEqual([[0, 1]]);
  });

  it('a write the reader has seen (epoch <= its clock) is no race', () => {
    const d = new RaceDetector();
    d.access('x', 0, [1, 0], 0, true, 1, undefined);
    d.access('x', 1, [1, 1], 1, false, 1, undefined);
    expect(d.races).toEqual([]);
  });

  it('concurrent reads are fine; a write must follow every one of them', () => {
    const d = new RaceDetector();
    d.access('x', 0, [1, 0, 0], 0, false, 0, undefined);
    d.access('x', 1, [0, 1, 0], 1, false, 0, undefined);
    // Thread 2 saw thread 0's read but not thread 1's: one read-write race, with thread 1.
    d.access('x', 2, [1, 0, 1], 2, true, 5, undefined);
    expect(d.races.map((r) => [r.earlier.thread, r.later.thread, r.earlier.write, r.later.write])).toEqual([[1, 2, false, true]]);
  });

  it('a thread racing with itself is impossible, and locations are separate', () => {
    const d = new RaceDetector();
    d.access('x', 0, [1], 0, true, 1, undefined);
    d.access('x', 0, [2], 1, false, 1, undefined);
    d.access('y', 1, [0, 1], 2, true, 1, undefined);
    expect(d.races).toEqual([]);
  });

  it('one report per location and pair of code sites', () => {
    const d = new RaceDetector();
    for (let i = 0; i < 5; i++) {
      d.access('x', 0, [i + 1, 0], 2 * i, true, i, 'a.ts:1');
      d.access('x', 1, [0, i + 1], 2 * i + 1, true, i, 'a.ts:2');
    }
    expect(d.races).toHaveLength(1);
    d.access('x', 0, [9, 0], 20, true, 0, 'a.ts:3');
    expect(d.races).toHaveLength(2);
  });

  // Atomic updates (a .py program's list.append, d[k] = v) never lose each other's change.
  it('two atomic updates do not race with each other; a read or a plain write racing with one does', () => {
    const d = new RaceDetector();
    d.access('xs', 0, [1, 0], 0, true, undefined, 'a.py:3', true);
    d.access('xs', 1, [0, 1], 1, true, undefined, 'a.py:3', true);
    expect(d.races).toEqual([]);
    d.access('xs', 0, [2, 0], 2, false, [1, 2], 'a.py:9');
    expect(d.races.map((r) => [r.earlier.step, r.later.step])).toEqual([[1, 2]]);
    const p = new RaceDetector();
    p.access('xs', 0, [1, 0], 0, true, 1, 'a.py:3', true);
    p.access('xs', 1, [0, 1], 1, true, 2, 'a.py:5');
    p.access('xs', 0, [2, 0], 2, true, 3, 'a.py:7', true);
    expect(p.races.map((r) => [r.earlier.step, r.later.step])).toEqual([[0, 1], [1, 2]]);
  });
});
