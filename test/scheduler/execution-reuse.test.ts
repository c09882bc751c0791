import { describe, expect, it } from 'vitest';
import { execute } from '../../src/scheduler/execution.js';
import { program } from '../../src/scheduler/program.js';
import { GilPolicy, RandomPolicy } from '../../src/scheduler/policies/index.js';
import { Thread, current_thread } from '../../src/models/thread.js';
import { logging } from '../../src/models/logging.js';
import { shared } from '../../src/models/shared.js';
import type { Steps } from '../../src/scheduler/ops.js';

// execute() reuses one engine instance across calls: a result must not change when later runs
// reuse the engine, whatever it held (output, failures, state, short and long schedules).

function* add(c: ReturnType<typeof counterStore>, label: string): Steps<void> {
  const v = yield* c.get('value');
  yield* logging.info(`${label} read ${v}`);
  yield* c.set('value', v + 1);
}
const counterStore = () => shared('c', { value: 0 });

const racy = program(
  'reuse/racy',
  function* main() {
    const c = counterStore();
    const ts = [new Thread({ name: 'a', target: add, args: [c, 'a'] }), new Thread({ name: 'b', target: add, args: [c, 'b'] })];
    for (const t of ts) yield* t.start();
  },
  { claims: { 'no lost update': (s) => s.c?.value === 2 } },
);

/** A run far longer than the schedule the engine copies eagerly. */
const long = program('reuse/long', function* main() {
  const c = shared('n', { value: 0 });
  for (let i = 0; i < 1000; i++) yield* c.set('value', i);
});

const plain = (r: ReturnType<typeof execute>) => JSON.parse(JSON.stringify({ ...r, schedule: [...r.schedule] })) as unknown;

describe('execute() reuses its engine between runs', () => {
  it('leaves an earlier result as it was after later runs', () => {
    const policy = new RandomPolicy();
    // Find a failing seed and a passing one, so both kinds of result are kept.
    const results = Array.from({ length: 20 }, (_, seed) => execute(racy, { policy, seed }));
    const failing = results.find((r) => r.failures.length > 0)!;
    const passing = results.find((r) => r.failures.length === 0)!;
    expect(failing).toBeDefined();
    expect(passing).toBeDefined();
    const before = [plain(failing), plain(passing)];
    for (let seed = 20; seed < 60; seed++) execute(racy, { policy, seed });
    expect([plain(failing), plain(passing)]).toEqual(before);
    // And the same seed gives the same run again, as a fresh engine would.
    expect(plain(execute(racy, { policy, seed: failing.seed }))).toEqual(before[0]);
    expect(Object.isFrozen(failing.state) && Object.isFrozen(failing.state.c)).toBe(true);
  });

  it('keeps a long schedule readable after the engine ran other programs', () => {
    const first = execute(long, { policy: new GilPolicy(), seed: 0 });
    execute(long, { policy: new GilPolicy(), seed: 1 });
    execute(racy, { policy: new GilPolicy(), seed: 0 });
    expect(first.steps).toBeGreaterThan(1000);
    expect(first.schedule).toHaveLength(first.steps);
    expect(first.schedule.every((t) => t === 0)).toBe(true);
  });

  it('runs an execution started inside a running one on its own engine', () => {
    let inner: ReturnType<typeof execute> | undefined;
    const outer = program(
      'reuse/outer',
      function* main() {
        const c = shared('o', { value: 1 });
        yield* c.set('value', 2);
        inner = execute(racy, { policy: new GilPolicy(), seed: 0 });
        yield* c.set('value', 3);
      },
      { claims: { 'ends at 3': (s) => s.o?.value === 3 } },
    );
    const r = execute(outer, { policy: new GilPolicy(), seed: 0 });
    expect(r.failures).toEqual([]);
    expect(r.state).toEqual({ o: { value: 3 } });
    expect(inner!.state).toEqual({ c: { value: 2 } });
    expect(inner!.threads.map((t) => t.name)).toEqual(['MainThread', 'a', 'b']);
  });

  // The engine reuses a finished run's thread records only when nothing a result holds can
  // reach them: a model Thread kept in the final state or returned by a thread still names its
  // own thread after later runs reused the engine.
  it('keeps a thread that a result can still reach (in the final state, or returned) as it was', () => {
    const keeper = (inState: boolean) =>
      program(`reuse/keeps-${inState ? 'state' : 'result'}`, function* main() {
        const s = shared('s', { who: null as Thread | null });
        const w = new Thread({
          name: 'keeper',
          target: function* () {
            if (inState) yield* s.set('who', current_thread());
            else return current_thread();
            return undefined;
          },
        });
        yield* w.start();
        yield* w.join();
      });
    const other = program('reuse/other', function* main() {
      const c = shared('c', { value: 0 });
      for (const name of ['x', 'y', 'z']) yield* new Thread({ name, target: add, args: [c, name] }).start();
    });
    for (const inState of [true, false]) {
      const first = execute(keeper(inState), { policy: new GilPolicy(), seed: 0 });
      const kept = (inState ? first.state.s!.who : first.results[1]) as Thread;
      expect(kept).toBeInstanceOf(Thread);
      const ident = kept.ident;
      for (let seed = 0; seed < 5; seed++) execute(other, { policy: new RandomPolicy(), seed });
      expect(kept.name).toBe('keeper');
      expect(kept.is_alive()).toBe(false);
      expect(kept.ident).toBe(ident);
    }
  });
});
