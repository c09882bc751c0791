import { describe, expect, it } from 'vitest';
import { Execution, execute } from '../../src/scheduler/execution.js';
import { program } from '../../src/scheduler/program.js';
import { RandomPolicy } from '../../src/scheduler/policies/index.js';
import { Thread } from '../../src/models/thread.js';
import { shared, type Shared } from '../../src/models/shared.js';
import type { Steps } from '../../src/scheduler/ops.js';
import { FinalStates } from '../../src/scheduler/final-states.js';

// Runs that end in an equal final state share one frozen state, and a claim that fails the
// same way on it shares its failure; every claim is still asked on every run.

function* add(c: Shared<{ value: number }>): Steps<void> {
  const v = yield* c.get('value');
  yield* c.set('value', v + 1);
}

function counter(claims: Record<string, (s: { c?: { value?: unknown } }) => boolean | string>) {
  return program(
    'final-states/counter',
    function* main() {
      const c = shared('c', { value: 0 });
      for (const name of ['a', 'b']) yield* new Thread({ name, target: add, args: [c] }).start();
    },
    { claims },
  );
}

const racy = counter({ 'no lost update': (s) => s.c?.value === 2 || `c.value is ${String(s.c?.value)}` });

/** The first two seeds whose runs end with c.value === value. */
function twoEndingWith(value: number) {
  const policy = new RandomPolicy();
  const found: ReturnType<typeof execute>[] = [];
  for (let seed = 0; found.length < 2 && seed < 200; seed++) {
    const r = execute(racy, { policy, seed });
    if (r.state.c?.value === value) found.push(r);
  }
  expect(found).toHaveLength(2);
  return found as [ReturnType<typeof execute>, ReturnType<typeof execute>];
}

describe('final states of execute() runs', () => {
  it('hands out one frozen state to runs that end equal, and another to runs that do not', () => {
    const [a, b] = twoEndingWith(2);
    const [lost] = twoEndingWith(1);
    expect(b.state).toBe(a.state);
    expect(Object.isFrozen(a.state) && Object.isFrozen(a.state.c)).toBe(true);
    expect(lost.state).not.toBe(a.state);
    expect(lost.state).toEqual({ c: { value: 1 } });
    expect(a.state).toEqual({ c: { value: 2 } });
  });

  it('gives a repeated claim failure the same content a fresh engine finds', () => {
    const [first, second] = twoEndingWith(1);
    // A fresh engine keeps no states: it asks the claim on its view and notes what it read.
    const fresh = new Execution(racy, { policy: new RandomPolicy(), seed: second.seed }).run();
    expect(fresh.failures).toEqual([{ kind: 'claim', claim: 'no lost update', reads: ['c.value'], message: "claim 'no lost update' is false: c.value is 1" }]);
    expect(second.failures).toEqual(fresh.failures);
    expect(first.failures).toEqual(fresh.failures);
  });

  it('asks every claim on every run: a verdict that changes between equal states is seen', () => {
    let verdict: boolean | string = 'first reason';
    const moody = program(
      'final-states/still',
      function* main() {
        shared('c', { value: 0 });
      },
      { claims: { moody: () => verdict } },
    );
    const policy = new RandomPolicy();
    const runs = [0, 1, 2].map((seed) => {
      const r = execute(moody, { policy, seed });
      verdict = seed === 0 ? 'second reason' : true;
      return r;
    });
    // Every run ends in the same state, so the later runs are checked on the kept one.
    expect(runs[1]!.state).toBe(runs[0]!.state);
    expect(runs[2]!.state).toBe(runs[0]!.state);
    expect(runs[0]!.failures.map((f) => f.message)).toEqual(["claim 'moody' is false: first reason"]);
    expect(runs[1]!.failures.map((f) => f.message)).toEqual(["claim 'moody' is false: second reason"]);
    expect(runs[2]!.failures).toEqual([]);
  });

  it('says whether every value of a state is a primitive', () => {
    const kept = new FinalStates();
    expect(kept.intern({ a: { x: 1, y: 'two', z: null, w: undefined, v: true } }).primitive).toBe(true);
    expect(kept.intern({}).primitive).toBe(true);
    expect(kept.intern({ a: { x: 1 }, b: { list: [1, 2] } }).primitive).toBe(false);
    expect(kept.intern({ a: { f: () => 1 } }).primitive).toBe(false);
    expect(kept.intern({ a: { x: 1 }, b: { o: { nested: 1 } }, c: { y: 2 } }).primitive).toBe(false);
  });
});
