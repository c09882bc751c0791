import { describe, expect, it } from 'vitest';
import { Lock } from '../../../src/models/lock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { explore, type ExploreSummary } from '../../../src/scheduler/explore/explore.js';
import { program, type Program } from '../../../src/scheduler/program.js';
import { factorial, lastzeroTraces, named, sleepyRace } from './helpers.js';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function outcomes(s: ExploreSummary): string[] {
  return s.histogram!.states.map(([k]) => k).sort();
}

function outputs(s: ExploreSummary): string[] {
  return s.histogram!.outputs.map(([k]) => k).sort();
}

describe('DPOR explores one execution per Mazurkiewicz trace', () => {
  // Trace counts from the reference (Abdulla et al.): lastzero (N+3)*2^(N-2), readers 2^N.
  it.each(range(1, 10))('lastzero(%i)', (n) => {
    const s = explore(named(`bench/lastzero-${n}`));
    expect(s.stopped).toBe('exhausted');
    expect(s.explored).toBe(lastzeroTraces(n));
    expect(s.complete).toBe(lastzeroTraces(n));
    expect(s.abandoned).toBe(0);
  });

  it.each(range(1, 8))('readers(%i)', (n) => {
    const s = explore(named(`bench/readers-${n}`));
    expect(s.explored).toBe(2 ** n);
    expect(s.abandoned).toBe(0);
  });

  // The lock orders the critical sections: one trace per order in which the N threads take it.
  it.each(range(1, 5))('locked counter with %i threads: N! lock orders', (n) => {
    const s = explore(named(`bench/locked-counter-${n}`));
    expect(s.explored).toBe(factorial(n));
    expect(s.failures).toEqual([]);
  });

  it('independent threads: a single trace', () => {
    for (const [n, k] of [[2, 2], [3, 3], [4, 2]] as const) expect(explore(named(`bench/independent-${n}-${k}`)).explored).toBe(1);
  });

  it('the executions it explores are pairwise different traces', () => {
    for (const name of ['bench/lastzero-4', 'bench/readers-4', 'bench/counter-3', 'bench/locked-counter-4']) {
      const s = explore(named(name), { countTraces: true, keepGoing: true });
      expect(s.traces).toBe(s.explored);
    }
  });
});

describe('DFS counts, computed independently of DPOR', () => {
  // (n*k)! / (k!)^n interleavings of n threads of k steps each.
  it.each([
    [2, 2, 6],
    [2, 3, 20],
    [3, 2, 90],
    [3, 3, 1680],
  ])('independent %i threads x %i steps: %i interleavings, 1 trace', (n, k, interleavings) => {
    expect(factorial(n * k) / factorial(k) ** n).toBe(interleavings);
    const s = explore(named(`bench/independent-${n}-${k}`), { strategy: 'dfs', countTraces: true, iterateBounds: false });
    expect(s.explored).toBe(interleavings);
    expect(s.traces).toBe(1);
  });

  it.each(range(1, 3))('lastzero(%i): distinct traces among all interleavings match the formula', (n) => {
    const s = explore(named(`bench/lastzero-${n}`), { strategy: 'dfs', countTraces: true, iterateBounds: false });
    expect(s.traces).toBe(lastzeroTraces(n));
  });

  it.each(range(1, 3))('readers(%i): 2^N distinct traces among all interleavings', (n) => {
    expect(explore(named(`bench/readers-${n}`), { strategy: 'dfs', countTraces: true, iterateBounds: false }).traces).toBe(2 ** n);
  });
});

/** Two threads take two locks in opposite orders (the classic ABBA deadlock). */
const abba: Program = program('test/abba', function* main() {
  const a = new Lock({ name: 'A' });
  const b = new Lock({ name: 'B' });
  const t1 = new Thread({ name: 'ab', target: function* () { yield* a.with(() => b.with(function* () {})); } });
  const t2 = new Thread({ name: 'ba', target: function* () { yield* b.with(() => a.with(function* () {})); } });
  yield* t1.start();
  yield* t2.start();
});

/** Python lets any thread release a Lock: an odd program whose outcomes depend on lock order. */
const foreignRelease: Program = program('test/foreign-release', function* main() {
  const lock = new Lock({ name: 'L' });
  const s = shared('s', { who: '' });
  const taker = (name: string) =>
    new Thread({
      name,
      target: function* () {
        yield* lock.acquire();
        yield* s.set('who', `${(yield* s.get('who'))}${name}`);
      },
    });
  const releaser = new Thread({ name: 'r', target: function* () { yield* lock.release(); } });
  yield* lock.acquire();
  for (const t of [taker('x'), taker('y'), releaser]) yield* t.start();
});

describe('DPOR finds every outcome DFS finds (blocking steps included)', () => {
  const cases: [Program, boolean][] = [
    [sleepyRace(false), true],
    [sleepyRace(true), true],
    [named('bench/counter-3'), false],
    [named('bench/locked-counter-3'), false],
    [abba, false],
    [foreignRelease, false],
    [named('tutorial/daemon-thread'), true],
    [named('tutorial/single-thread'), true],
    [named('tutorial/join'), true],
  ];
  it.each(cases.map(([p, u]) => [p.name, p, u] as const))('%s: same final states and outputs', (_name, p, untimed) => {
    const dpor = explore(p, { strategy: 'dpor', untimed, histogram: true });
    const dfs = explore(p, { strategy: 'dfs', untimed, histogram: true, iterateBounds: false });
    expect(dfs.stopped).toBe('exhausted');
    expect(dpor.stopped).toBe('exhausted');
    expect(outcomes(dpor)).toEqual(outcomes(dfs));
    expect(outputs(dpor)).toEqual(outputs(dfs));
    expect(dpor.explored).toBeLessThanOrEqual(dfs.explored);
  });

  it('finds the ABBA deadlock', () => {
    const s = explore(abba);
    expect(s.failures.map((f) => f.failure.kind)).toEqual(['deadlock']);
  });
});
