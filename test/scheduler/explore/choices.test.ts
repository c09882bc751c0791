import { describe, expect, it } from 'vitest';
import { as_completed } from '../../../src/models/as-completed.js';
import { Future } from '../../../src/models/future.js';
import { print } from '../../../src/models/logging.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { program } from '../../../src/scheduler/program.js';
import { factorial } from './helpers.js';
import { doneFirst } from '../../fixtures/done-futures.js';

/** Two threads race on x (read, then write x + 1), then MainThread takes the first of two futures done before as_completed. */
const raceAndChoice = program('test/race-and-choice', function* main() {
  const s = shared('s', { x: 0, first: '' });
  const ts = ['t1', 't2'].map((name) => new Thread({ name, target: function* () { const x = yield* s.get('x'); yield* s.set('x', x + 1); } }));
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
  const a = new Future<string>();
  const b = new Future<string>();
  yield* a.set_result('a');
  yield* b.set_result('b');
  const first = (yield* as_completed([a, b]).next()) as { done: false; value: Future<string> };
  yield* s.set('first', yield* first.value.result());
});

describe('exhaustive search over choices', () => {
  it('DPOR and DFS show each order of three done futures exactly once (3! = 6 executions)', () => {
    for (const strategy of ['dpor', 'dfs'] as const) {
      const s = explore(doneFirst(3), { strategy, histogram: true });
      expect(s.exhaustive).toBe(true);
      expect(s.explored).toBe(factorial(3));
      expect(s.histogram!.outputs.map(([o, n]) => [o, n]).sort()).toEqual(['a b c', 'a c b', 'b a c', 'b c a', 'c a b', 'c b a'].map((o) => [o, 1]));
      // 1 + 2 + 2 * 1 functions: {} , first place 1 or 2, and each of those with the second place 1.
      expect(s.choiceFunctions).toBe(6);
    }
  });

  it('period searches every order too, so its finished search is a proof', () => {
    const s = explore(doneFirst(3), { strategy: 'period', histogram: true });
    expect(s.exhaustive).toBe(true);
    expect(s.histogram!.outputs.map(([o]) => o).sort()).toEqual(['a b c', 'a c b', 'b a c', 'b c a', 'c a b', 'c b a']);
    expect(s.choiceFunctions).toBe(6);
  });

  it('four done futures: all 24 orders, once each', () => {
    const s = explore(doneFirst(4), { strategy: 'dpor', histogram: true });
    expect(s.explored).toBe(24);
    expect(s.histogram!.outputs).toHaveLength(24);
    expect(s.histogram!.outputs.every(([, n]) => n === 1)).toBe(true);
  });

  it('DPOR counts traces x answers: the lost-update race has 4 traces, the choice 2 answers, so 8 executions', () => {
    // Traces of two threads each doing read x, write x: R1 R2 commute, so the 6 interleavings
    // fall into 4 classes: t1 whole first, t2 whole first, both reads then W1 W2, both reads then W2 W1.
    const s = explore(raceAndChoice, { strategy: 'dpor', histogram: true });
    expect(s.exhaustive).toBe(true);
    expect(s.explored).toBe(8);
    expect(Object.fromEntries(s.histogram!.states)).toEqual({
      's.x = 1, s.first = "a"': 2,
      's.x = 1, s.first = "b"': 2,
      's.x = 2, s.first = "a"': 2,
      's.x = 2, s.first = "b"': 2,
    });
  });

  it('DFS runs every interleaving under each answer: twice the executions of the choice-free search', () => {
    const s = explore(raceAndChoice, { strategy: 'dfs', histogram: true, iterateBounds: false });
    const states = Object.fromEntries(s.histogram!.states);
    expect(states['s.x = 1, s.first = "a"']).toBe(states['s.x = 1, s.first = "b"']);
    expect(states['s.x = 2, s.first = "a"']).toBe(states['s.x = 2, s.first = "b"']);
    expect(s.explored % 2).toBe(0);
    expect(s.choiceFunctions).toBe(2);
  });

  it('a program without choices searches one function and reports none', () => {
    const s = explore(program('test/plain', function* main() { yield* print('x'); }), { strategy: 'dpor' });
    expect(s.choiceFunctions).toBeUndefined();
    expect(s.explored).toBe(1);
  });

  it('counts an execution only under the choice function whose answers it took (hand count: 3)', () => {
    // a is done before as_completed; worker w completes b either before MainThread's first
    // next() (a batch of 2: orders a b and b a) or after it (a batch of 1, then b: a b). Two
    // traces, three (trace, answers) pairs. Under the function that answers 1, the late-b
    // trace meets a batch of 1, takes the default, repeats the all-default run and is not counted.
    const p = program('test/late-or-early', function* main() {
      const a = new Future<string>();
      const b = new Future<string>();
      yield* a.set_result('a');
      yield* new Thread({ name: 'w', target: () => b.set_result('b') }).start();
      const order: string[] = [];
      for (const f of yield* as_completed([a, b]).all()) order.push(yield* f.result());
      yield* print(order.join(' '));
    });
    const s = explore(p, { strategy: 'dpor', histogram: true });
    expect(s.explored).toBe(3);
    expect(Object.fromEntries(s.histogram!.outputs)).toEqual({ 'a b': 2, 'b a': 1 });
  });

  it('when the batch size depends on the interleaving, DPOR and DFS find the same outcomes', () => {
    // Two workers each complete a future; MainThread iterates without joining, so 0, 1 or 2
    // futures are done at the first next(), and only a batch of 2 has two orders.
    const p = program('test/racing-batch', function* main() {
      const fs = [new Future<string>(), new Future<string>()];
      const ts = ['a', 'b'].map((v, i) => new Thread({ name: `w${v}`, target: () => fs[i]!.set_result(v) }));
      for (const t of ts) yield* t.start();
      const order: string[] = [];
      for (const f of yield* as_completed(fs).all()) order.push(yield* f.result());
      yield* print(order.join(' '));
    });
    const dpor = explore(p, { strategy: 'dpor', histogram: true });
    const dfs = explore(p, { strategy: 'dfs', histogram: true, iterateBounds: false });
    const outputs = (s: typeof dpor) => s.histogram!.outputs.map(([o]) => o).sort();
    expect(outputs(dpor)).toEqual(['a b', 'b a']);
    expect(outputs(dfs)).toEqual(outputs(dpor));
    expect(dpor.exhaustive && dfs.exhaustive).toBe(true);
  });
});
