import { describe, expect, it } from 'vitest';
import { Thread } from '../../src/models/thread.js';
import { shared } from '../../src/models/shared.js';
import { execute } from '../../src/scheduler/execution.js';
import type { Op, Steps } from '../../src/scheduler/ops.js';
import { GilPolicy, RandomPolicy, ReplayPolicy } from '../../src/scheduler/policies/index.js';
import type { Policy } from '../../src/scheduler/policies/policy.js';
import { PctPolicy } from '../../src/scheduler/policies/pct.js';
import { program } from '../../src/scheduler/program.js';
import { parseSchedule, printSchedule } from '../../src/trace/notation.js';
import { runSchedule } from '../../src/trace/schedule-policy.js';

/** One step that makes two choices, among 3 and among 2, and keeps the answers. */
function* pick(out: ReturnType<typeof shared>): Steps<void> {
  const op: Op = { kind: 'read', obj: undefined, access: 'none', run: (k) => [k.choose(3), k.choose(2), k.choose(1)] };
  const got = (yield op) as number[];
  yield* out.set('got', got.join(','));
}

const twoChoices = program('test/two-choices', function* main() {
  const out = shared('out', { got: '' });
  yield* pick(out);
});

function answers(policy: Policy, seed = 0): string {
  return String(execute(twoChoices, { policy, seed }).state.out?.got);
}

describe('choices in the engine', () => {
  it('the gil policy takes the default answer 0; the run records every choice with two or more alternatives', () => {
    const r = execute(twoChoices, { policy: new GilPolicy(), seed: 0 });
    expect(r.state.out?.got).toBe('0,0,0');
    // A choice among 1 is no choice: not recorded.
    expect(r.choices).toEqual([
      { step: 0, thread: 0, key: '0#0', k: 3, value: 0 },
      { step: 0, thread: 0, key: '0#1', k: 2, value: 0 },
    ]);
  });

  it('a run without choices has no choices field (results and traces keep their shape)', () => {
    const r = execute(program('test/none', function* main() { yield* shared('s', { x: 0 }).set('x', 1); }), { policy: new GilPolicy(), seed: 0 });
    expect(r.choices).toBeUndefined();
  });

  it('random and PCT draw the answers from the seed: every pair shows, and a seed repeats its answers', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) seen.add(answers(new RandomPolicy(), seed));
    expect([...seen].sort()).toEqual(['0,0,0', '0,1,0', '1,0,0', '1,1,0', '2,0,0', '2,1,0']);
    expect(answers(new RandomPolicy(), 7)).toBe(answers(new RandomPolicy(), 7));
    const pct = new Set<string>();
    for (let seed = 0; seed < 60; seed++) pct.add(answers(new PctPolicy({ threads: 1, steps: 2, depth: 2 }), seed));
    expect(pct.size).toBe(6);
  });

  it('replay takes the recorded answers and stops at a choice the recording does not have', () => {
    const r = execute(twoChoices, { policy: new RandomPolicy(), seed: 3 });
    const again = execute(twoChoices, { policy: new ReplayPolicy(r.schedule, undefined, r.choices), seed: 0 });
    expect(again.state.out?.got).toBe(r.state.out?.got);
    const wrong = r.choices!.map((c) => ({ ...c, k: c.k + 1 }));
    expect(() => execute(twoChoices, { policy: new ReplayPolicy(r.schedule, undefined, wrong), seed: 0 })).toThrow(/TSIM007|replay diverged at step 0: the program made a choice among 3/);
  });

  it('an answer out of range is a policy bug, reported as such', () => {
    const bad: Policy = { name: 'bad', begin: () => undefined, pick: (r) => r[0]!, choose: (k) => k };
    expect(() => execute(twoChoices, { policy: bad, seed: 0 })).toThrow('policy bad answered 3 to a choice among 3 alternatives');
  });

  it("keys name a thread by its creation path, not its index: the same in every interleaving", () => {
    const p = program('test/keys', function* main() {
      const out = shared('out', { got: '' });
      const starter = new Thread({ name: 'starter', target: function* () { yield* new Thread({ name: 'child', target: () => pick(out) }).start(); } });
      const other = new Thread({ name: 'other', target: () => pick(out) });
      yield* starter.start();
      yield* other.start();
    });
    const keys = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const r = execute(p, { policy: new RandomPolicy(), seed });
      for (const c of r.choices ?? []) keys.add(`${r.threads[c.thread]!.name} ${c.key}`);
    }
    // child is thread 3 or 2 depending on who started first; its key is always 0.0.0.
    expect([...keys].sort()).toEqual(['child 0.0.0#0', 'child 0.0.0#1', 'other 0.1#0', 'other 0.1#1']);
  });
});

describe('choices in the schedule notation', () => {
  const choices = [
    { step: 1, thread: 0, key: '0#0', k: 3, value: 2 },
    { step: 1, thread: 0, key: '0#1', k: 2, value: 0 },
    { step: 3, thread: 0, key: '0#2', k: 2, value: 0 },
  ];

  it('a step whose answers are not all default is written alone with all of them; default answers are not written', () => {
    expect(printSchedule([0, 0, 0, 0, 1], ['MainThread', 'T'], choices)).toBe('MainThread MainThread{2,0} MainThread*2 T');
    expect(printSchedule([0, 0, 0, 0], ['MainThread'], choices.map((c) => ({ ...c, value: 0 })))).toBe('MainThread*4');
  });

  it('parses answers on one-step runs only', () => {
    expect(parseSchedule('MainThread{2,0} T1*3')[0]).toMatchObject({ count: 1, choices: [2, 0] });
    expect(parseSchedule('"a b"{1}')[0]).toMatchObject({ choices: [1] });
    expect(() => parseSchedule('T1*2{1}')).toThrow("bad schedule at character 5: choices belong to one step: write T1*1 then one step with the choices");
    expect(() => parseSchedule('T1{x}')).toThrow("'{' must hold the answers");
    expect(() => parseSchedule('{1}')).toThrow("'{' must follow a thread");
  });

  it('a thread name with braces is quoted, so that it reads back', () => {
    const printed = printSchedule([0, 1], ['MainThread', 'w{1}']);
    expect(printed).toBe('MainThread "w{1}"');
    expect(parseSchedule(printed)[1]!.thread).toEqual({ kind: 'name', name: 'w{1}', quoted: true });
  });

  it('run --schedule gives the answers to the step, and reports answers that do not fit', () => {
    const r = runSchedule(twoChoices, 'MainThread{2,1} MainThread*2', { fallback: new GilPolicy(), seed: 0 });
    expect(r.state.out?.got).toBe('2,1,0');
    expect(() => runSchedule(twoChoices, 'MainThread{3,1} MainThread*2', { fallback: new GilPolicy(), seed: 0 })).toThrow('schedule step 0: choice 1 of \'MainThread{3,1}\' has 3 alternatives (0..2), not 4');
    expect(() => runSchedule(twoChoices, 'MainThread MainThread{1} MainThread', { fallback: new GilPolicy(), seed: 0 })).toThrow("'MainThread{1}' gives 1 answer, but the step makes no choice");
  });
});
