import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Condition } from '../../../src/models/condition.js';
import { Event } from '../../../src/models/event.js';
import { Lock } from '../../../src/models/lock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { monotonic, sleep } from '../../../src/models/time.js';
import { execute } from '../../../src/scheduler/execution.js';
import { DfsSearch } from '../../../src/scheduler/explore/dfs.js';
import { DporSearch } from '../../../src/scheduler/explore/dpor.js';
import type { DependencyRules, EventInfo } from '../../../src/scheduler/explore/events.js';
import type { Runner } from '../../../src/scheduler/explore/search.js';
import { traceKey } from '../../../src/scheduler/explore/trace-key.js';
import type { Steps } from '../../../src/scheduler/ops.js';
import { program, type Program } from '../../../src/scheduler/program.js';
import { named } from './helpers.js';

/**
 * The strongest check of DPOR under virtual-time rules: every order of dependent steps (an
 * untimed Mazurkiewicz trace, output lines included) that some timed schedule produces, found
 * by DFS over every timed schedule, is the order of some execution DPOR explores. Final states
 * and outputs (dpor-timed.test.ts) can hide a missed trace; trace keys cannot.
 */
interface Coverage {
  readonly dfs: number;
  readonly dpor: number;
  /** How many orders some timed schedule produces and DPOR missed; -1 when DFS hit its cap. */
  readonly missing: number;
  readonly traces: number;
  /** DPOR executions whose race analysis ordered near arrivals by their window only. */
  readonly windowed: number;
  /** DPOR executions with near timed ops outside windows, explored around them as a plain search does. */
  readonly plain: number;
  /** The orders missed (trace keys). */
  readonly missed: ReadonlySet<string>;
}

/** `cap`: give up (missing -1) when DFS runs more executions; `windows`: DporSearch.nearWindowsOn. */
function coverage(p: Program, cap = Infinity, windows = true): Coverage {
  const daemons = new Set<number>();
  const rules: DependencyRules = { orderOutput: true, daemon: (t) => daemons.has(t) };
  const runner: Runner = (policy, monitor, seed = 0) => execute(p, { policy, seed, monitor });
  const untimedKey = (events: readonly EventInfo[]): string => traceKey(events.map((e) => ({ ...e, timed: 0 })), rules);
  const dfs = new DfsSearch(runner, Infinity, true);
  const reachable = new Set<string>();
  let dfsRuns = 0;
  for (let s = dfs.next(); s.kind !== 'done'; s = dfs.next()) {
    if (s.kind !== 'execution') continue;
    for (const t of s.result.threads) if (t.daemon) daemons.add(t.index);
    reachable.add(untimedKey(dfs.events));
    if (++dfsRuns >= cap) return { dfs: dfsRuns, dpor: 0, missing: -1, traces: reachable.size, windowed: 0, plain: 0, missed: new Set() };
  }
  const dpor = new DporSearch(runner, true, false);
  dpor.nearWindowsOn = windows;
  const explored = new Set<string>();
  let dporRuns = 0;
  for (let s = dpor.next(); s.kind !== 'done'; s = dpor.next()) {
    if (s.kind !== 'execution') continue;
    explored.add(untimedKey(dpor.lastEvents));
    dporRuns++;
  }
  const missed = new Set<string>();
  for (const k of reachable) if (!explored.has(k)) missed.add(k);
  return { dfs: dfsRuns, dpor: dporRuns, missing: missed.size, traces: reachable.size, windowed: dpor.windowedExecutions, plain: dpor.fullSpanExecutions, missed };
}

/**
 * A writes x then sleeps; B reads x (so B's arrival follows A's) then sleeps; Z's private
 * steps can fall between the two arrivals. B's write can come before A's only when B arrived
 * at most one step after A, so where Z's steps fall decides it.
 */
function arrivals(name: string, secondsA: number, secondsB: number, zSteps: number): Program {
  return program(name, function* main() {
    const x = shared('x', { v: 0 });
    const y = shared('y', { v: '' });
    const z = shared('z', { v: 0 });
    const a = new Thread({
      name: 'A',
      target: function* () {
        yield* x.set('v', 1);
        yield* sleep(secondsA);
        yield* z.set('v', 9);
        yield* y.set('v', 'A');
      },
    });
    const zt = new Thread({
      name: 'Z',
      target: function* () {
        for (let i = 0; i < zSteps; i++) yield* z.get('v');
      },
    });
    const b = new Thread({
      name: 'B',
      target: function* () {
        yield* x.get('v');
        yield* sleep(secondsB);
        yield* y.set('v', 'B');
      },
    });
    for (const t of [a, zt, b]) yield* t.start();
    for (const t of [a, zt, b]) yield* t.join();
  });
}

/** An Event wait whose timeout (4 µs) races the set() two steps away, and a short sleeper. */
const eventTimeout = program('test/event-timeout', function* main() {
  const e = new Event({ name: 'e' });
  const y = shared('y', { v: 0 });
  const w = new Thread({
    name: 'W',
    target: function* () {
      const ok = yield* e.wait(0.000004);
      yield* y.set('v', ok ? 1 : 2);
    },
  });
  const s = new Thread({
    name: 'S',
    target: function* () {
      yield* y.get('v');
      yield* y.get('v');
      yield* e.set();
    },
  });
  const z = new Thread({
    name: 'Z',
    target: function* () {
      yield* sleep(0.000002);
      yield* y.set('v', 5);
    },
  });
  for (const t of [w, s, z]) yield* t.start();
  for (const t of [w, s, z]) yield* t.join();
});

/** Three threads sleep 3, 5 and 1 µs, then take a lock in turn: the sleeps order the lock. */
const lockAfterSleep = program('test/lock-after-sleep', function* main() {
  const lock = new Lock({ name: 'l' });
  const y = shared('y', { v: 0 });
  const ts = [3, 5, 1].map(
    (us, i) =>
      new Thread({
        name: `t${i}`,
        target: function* () {
          yield* sleep(us / 1e6);
          yield* lock.acquire();
          yield* y.set('v', i);
          yield* lock.release();
        },
      }),
  );
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

/**
 * Two threads sleep 0.1 s while holding a lock, a third writes without it: the sleeps never
 * overlap, so each ends only when every other thread is blocked (far timed ops).
 */
const serialSleeps = program('test/serial-sleeps', function* main() {
  const lock = new Lock({ name: 'l' });
  const y = shared('y', { v: 0 });
  const worker = (i: number) =>
    new Thread({
      name: `t${i}`,
      target: function* () {
        yield* lock.acquire();
        const v = yield* y.get('v');
        yield* sleep(0.1);
        yield* y.set('v', v + 1);
        yield* lock.release();
      },
    });
  const other = new Thread({
    name: 'Z',
    target: function* () {
      yield* y.get('v');
      yield* y.set('v', 100);
    },
  });
  const ts = [worker(0), worker(1), other];
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

/**
 * Programs that attack the window rule for near arrivals (timer-windows.ts, NearWindow): only
 * the steps between a near group's first and last arrival are ordered with its arrivals.
 */

/**
 * A and B sleep `seconds` (B `extraUs` µs longer, or shorter when negative); B's arrival
 * follows A's (it reads what A wrote); Z's private reads can fall between the arrivals; both
 * write y after waking. `after`: A sleeps that long again after waking, then writes z.
 */
function nearPair(name: string, seconds: number, extraUs: number, after?: number): Program {
  return program(name, function* main() {
    const x = shared('x', { v: 0 });
    const y = shared('y', { v: '' });
    const z = shared('z', { v: 0 });
    const w = shared('w', { v: 0 });
    const a = new Thread({
      name: 'A',
      target: function* () {
        yield* x.set('v', 1);
        yield* sleep(seconds);
        yield* y.set('v', 'A');
        if (after !== undefined) {
          yield* sleep(after);
          yield* z.set('v', 1);
        }
      },
    });
    const zt = new Thread({
      name: 'Z',
      target: function* () {
        for (let i = 0; i < 3; i++) yield* w.get('v');
        yield* z.get('v');
      },
    });
    const b = new Thread({
      name: 'B',
      target: function* () {
        yield* x.get('v');
        yield* sleep(seconds + extraUs / 1e6);
        yield* y.set('v', 'B');
        yield* z.set('v', 2);
      },
    });
    for (const t of [a, zt, b]) yield* t.start();
    for (const t of [a, zt, b]) yield* t.join();
  });
}

/** Two rounds: A and B each sleep 0.1 s, write, sleep 0.1 s again, write; Z reads between. */
const twoRounds = program('test/two-rounds', function* main() {
  const x = shared('x', { v: 0 });
  const y = shared('y', { v: '' });
  const w = shared('w', { v: 0 });
  const sleeper = (name: string) =>
    new Thread({
      name,
      target: function* () {
        if (name === 'A') yield* x.set('v', 1);
        else yield* x.get('v');
        yield* sleep(0.1);
        yield* y.set('v', `${name}1`);
        yield* sleep(0.1);
        yield* y.set('v', `${name}2`);
      },
    });
  const zt = new Thread({
    name: 'Z',
    target: function* () {
      yield* w.get('v');
      yield* w.get('v');
      yield* y.get('v');
    },
  });
  const ts = [sleeper('A'), zt, sleeper('B')];
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

/** Three threads read, sleep 0.1 s and write one key (three near sleepers), Z reads it. */
const threeSleepers = program('test/three-sleepers', function* main() {
  const y = shared('y', { v: 0 });
  const ts = ['A', 'B', 'C'].map(
    (name, i) =>
      new Thread({
        name,
        target: function* () {
          const v = yield* y.get('v');
          yield* sleep(0.1);
          yield* y.set('v', v + i + 1);
        },
      }),
  );
  const zt = new Thread({
    name: 'Z',
    target: function* () {
      yield* y.get('v');
    },
  });
  for (const t of [...ts, zt]) yield* t.start();
  for (const t of [...ts, zt]) yield* t.join();
});

/** A sleeps 0.1 s holding a lock; B sleeps 0.1 s, then takes the lock; Z writes without it. */
const nearUnderLock = program('test/near-under-lock', function* main() {
  const lock = new Lock({ name: 'l' });
  const y = shared('y', { v: 0 });
  const a = new Thread({
    name: 'A',
    target: function* () {
      yield* lock.acquire();
      const v = yield* y.get('v');
      yield* sleep(0.1);
      yield* y.set('v', v + 1);
      yield* lock.release();
    },
  });
  const b = new Thread({
    name: 'B',
    target: function* () {
      yield* sleep(0.1);
      yield* lock.acquire();
      yield* y.set('v', 10);
      yield* lock.release();
    },
  });
  const zt = new Thread({
    name: 'Z',
    target: function* () {
      yield* y.get('v');
      yield* y.set('v', 100);
    },
  });
  for (const t of [a, b, zt]) yield* t.start();
  for (const t of [a, b, zt]) yield* t.join();
});

/** W waits on a condition with a 0.1 s timeout; N sleeps 0.1 s, then notifies: woken or timed out. */
const waitVersusNotify = program('test/wait-versus-notify', function* main() {
  const cond = new Condition(new Lock({ name: 'L' }), { name: 'c' });
  const y = shared('y', { v: 0 });
  const w = new Thread({
    name: 'W',
    target: () =>
      cond.with(function* () {
        const ok = yield* cond.wait(0.1);
        yield* y.set('v', ok ? 1 : 2);
      }),
  });
  const n = new Thread({
    name: 'N',
    target: function* () {
      yield* y.get('v');
      yield* sleep(0.1);
      yield* cond.with(function* () {
        yield* cond.notify();
      });
      yield* y.set('v', 3);
    },
  });
  const zt = new Thread({
    name: 'Z',
    target: function* () {
      yield* y.get('v');
      yield* y.get('v');
    },
  });
  for (const t of [w, n, zt]) yield* t.start();
  for (const t of [w, n, zt]) yield* t.join();
});

/** An Event wait with a 0.1 s timeout against a thread that sleeps 0.1 s and sets it. */
const eventVersusSleep = program('test/event-versus-sleep', function* main() {
  const e = new Event({ name: 'e' });
  const y = shared('y', { v: 0 });
  const w = new Thread({
    name: 'W',
    target: function* () {
      yield* y.get('v');
      const ok = yield* e.wait(0.1);
      yield* y.set('v', ok ? 1 : 2);
    },
  });
  const s = new Thread({
    name: 'S',
    target: function* () {
      yield* y.get('v');
      yield* sleep(0.1);
      yield* e.set();
      yield* y.set('v', 3);
    },
  });
  const zt = new Thread({
    name: 'Z',
    target: function* () {
      yield* y.get('v');
    },
  });
  for (const t of [w, s, zt]) yield* t.start();
  for (const t of [w, s, zt]) yield* t.join();
});

const attacks: [string, () => Program][] = [
  ['near pair, equal sleeps', () => nearPair('test/near-equal', 0.1, 0)],
  ['near pair, the later sleeper 3 µs longer', () => nearPair('test/near-longer', 0.1, 3)],
  // B can wake first only with a small gap, and then runs alone: a larger gap allows more.
  ['near pair, the later sleeper 5 µs shorter', () => nearPair('test/near-shorter', 0.1, -5)],
  ['near pair, then a sleep of 0.1 s', () => nearPair('test/near-then-long', 0.1, 0, 0.1)],
  ['two rounds of near sleeps', () => twoRounds],
  ['three near sleepers', () => threeSleepers],
  ['a near sleep under a lock', () => nearUnderLock],
  ['a timed wait racing a notify', () => waitVersusNotify],
  ['an event wait racing a sleeper', () => eventVersusSleep],
];

const built: [string, () => Program][] = [
  ['sleeps under a lock', () => serialSleeps],
  ['arrivals, sleeps of 0.1 s', () => arrivals('test/arrivals', 0.1, 0.1, 3)],
  ['arrivals, sleeps of 3 µs', () => arrivals('test/arrivals-short', 0.000003, 0.000003, 3)],
  ['arrivals, sleeps of 6 and 2 µs', () => arrivals('test/arrivals-mixed', 0.000006, 0.000002, 3)],
  ['event wait timing out', () => eventTimeout],
  ['lock after sleeps', () => lockAfterSleep],
  // A near pair, then a sleep of 3 µs: shorter than the margin, so near wherever it falls, and
  // the pair's window is given up (a near op arrives after the pair's first end).
  ['near pair, then a sleep of 3 µs', () => nearPair('test/near-then-short', 0.1, 0, 0.000003)],
];

// Tutorial and zoo programs whose every timed schedule DFS runs in a few thousand executions.
const examples = [
  'tutorial/single-thread',
  'tutorial/daemon-thread',
  'tutorial/join',
  'tutorial/semaphore',
  'tutorial/timer',
  'tutorial/barrier',
  'zoo/check-then-act',
  'zoo/lock-order-inversion',
  'zoo/lost-notify',
  'zoo/barrier-timeout',
  'zoo/barrier-timeout-fixed',
  'zoo/daemon-lost-write',
];

describe('DPOR under virtual-time rules explores every trace a timed schedule reaches', () => {
  it.each(built)('%s', (_name, make) => {
    const c = coverage(make());
    expect(c.traces).toBeGreaterThan(1);
    expect(c.missing).toBe(0);
    expect(c.dpor).toBeLessThan(c.dfs);
  });

  it.each(attacks)('%s', (_name, make) => {
    const c = coverage(make());
    expect(c.traces).toBeGreaterThan(1);
    expect(c.missing).toBe(0);
    expect(c.dpor).toBeLessThan(c.dfs);
    // Some execution of each used a window (else the attack would test the old rule).
    expect(c.windowed).toBeGreaterThan(0);
  });

  // Far sleeps reorder nothing: one execution per trace a timed schedule reaches.
  it('sleeps under a lock: one execution per trace', () => {
    const c = coverage(serialSleeps);
    expect(c).toMatchObject({ missing: 0, dpor: c.traces });
  });

  it.each(examples)('%s', (name) => {
    const c = coverage(named(name));
    expect(c.missing).toBe(0);
    expect(c.dpor).toBeLessThanOrEqual(c.dfs);
  });
});

/**
 * One action of a generated thread: read or write a shared location, read a private one (a
 * step that commutes with every other thread's), or sleep 0.1 s (near sleeps when they
 * overlap); with `mixed`, also 3 µs more or less than that, or 3 µs (a deadline the other
 * threads' steps reach); with `waits`, also wait on an Event with a timeout, set it, or read
 * the clock.
 */
type Action =
  | { readonly kind: 'read' | 'write'; readonly loc: number }
  | { readonly kind: 'own' }
  | { readonly kind: 'sleep'; readonly us: number }
  | { readonly kind: 'wait'; readonly us: number }
  | { readonly kind: 'set' }
  | { readonly kind: 'clock' };

function actions(mixed: boolean, waits = false): fc.Arbitrary<Action> {
  const plain = fc.oneof(
    fc.record({ kind: fc.constantFrom('read' as const, 'write' as const), loc: fc.integer({ min: 0, max: 1 }) }),
    fc.constant({ kind: 'own' as const }),
    fc.record({ kind: fc.constant('sleep' as const), us: fc.constantFrom(...(mixed ? [100_000, 100_003, 99_997, 3] : [100_000])) }),
  );
  if (!waits) return plain;
  return fc.oneof(plain, fc.record({ kind: fc.constant('wait' as const), us: fc.constantFrom(3, 100_000, 100_002) }), fc.constant({ kind: 'set' as const }), fc.constant({ kind: 'clock' as const }));
}

function specs(mixed: boolean, waits = false): fc.Arbitrary<Action[][]> {
  return fc.array(fc.array(actions(mixed, waits), { minLength: waits ? 1 : 2, maxLength: 4 }), { minLength: 2, maxLength: 3 });
}

/**
 * Generated threads: a thread writes `2 * last + its number`, so the final state shows which
 * reads saw which writes (a wait's result and a clock read count as reads).
 */
function generated(spec: readonly (readonly Action[])[]): Program {
  return program('test/generated-timed', function* main() {
    const mem = shared<Record<string, number>>('m', { x0: 0, x1: 0 });
    const event = new Event({ name: 'e' });
    const ts = spec.map((list, i) => {
      const own = shared(`own${i}`, { v: 0 });
      return new Thread({
        name: `t${i}`,
        target: function* (): Steps<void> {
          let last = 0;
          for (const a of list) {
            if (a.kind === 'write') yield* mem.set(`x${a.loc}`, 2 * last + i + 1);
            else if (a.kind === 'read') last = yield* mem.get(`x${a.loc}`);
            else if (a.kind === 'own') yield* own.get('v');
            else if (a.kind === 'sleep') yield* sleep(a.us / 1e6);
            else if (a.kind === 'wait') last = (yield* event.wait(a.us / 1e6)) ? 1 : 0;
            else if (a.kind === 'set') yield* event.set();
            else last = Math.round((yield* monotonic()) * 1e6) % 7;
          }
        },
      });
    });
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}

const r = (loc: number): Action => ({ kind: 'read', loc });
const w = (loc: number): Action => ({ kind: 'write', loc });
const own: Action = { kind: 'own' };
const nap = (us: number): Action => ({ kind: 'sleep', us });

/**
 * Generated programs on which DPOR under virtual-time rules once missed an order of dependent
 * steps (shrunk by fast-check), with the rule that now finds it (docs/exploration.md, "Time").
 */
const missedOnce: [string, Action[][]][] = [
  // A race's wakeup sequence put the 3 µs sleeper's end before its deadline (dueOrder).
  ['a 3 µs sleeper beside a reader and a writer of two keys', [[r(0), nap(3)], [w(1), nap(100_000), r(0)], [r(1), r(0)]]],
  // Three near sleepers in a window, two from their start: the third's end came too early in
  // the sequence that was to put one thread's read between another's two writes (dueOrder).
  ['three sleepers of 0.1 s, two as soon as they start', [[nap(100_000), r(1)], [nap(100_000), w(1), w(1)], [own, nap(100_000), nap(100_000)]]],
  // Two sleepers due at the same instant, no window (a later arrival with an earlier deadline):
  // the reversal needs the clock to jump (the plain search around near ops outside windows).
  ['two sleepers due together, no window', [[r(0), own, nap(100_000), r(0)], [nap(100_000), w(0), own], [nap(100_003), own]]],
  ['a 3 µs sleeper that writes, among sleepers of 0.1 s', [[r(0), nap(100_000), r(0)], [nap(3), w(0), own, r(0)], [r(0), nap(100_000)]]],
  // The plain search's one-step branch at the 3 µs sleeper's end swallowed the sequence of a
  // later race that began with that end, and the branch did not follow it (openLeaf).
  ['a 3 µs sleeper at the start, then a write two readers race', [[nap(3), w(1), own], [r(1), r(1), nap(100_000)], [own, r(1)]]],
  // A 3 µs sleep whose end came straight after its arrival (every other thread was done or
  // asleep, so the clock jumped) counted as far, as if only a jump could end it; run earlier,
  // the clock reaches it by steps (timer-windows.ts, self-near).
  ['a 3 µs sleep ended by a jump of the clock', [[own, nap(100_000), own], [own, own, w(0)], [own, nap(3), r(0), nap(3)]]],
  // A wait that times out after 3 µs only when three steps run before the set().
  ['a 3 µs event wait, a set() and a clock read', [[{ kind: 'clock' }], [r(0), { kind: 'set' }], [{ kind: 'wait', us: 3 }]]],
];

// Runs and seed (override with TSIM_RUNS and TSIM_SEED to search longer).
const runs = Number(process.env.TSIM_RUNS ?? 40);
const seed = Number(process.env.TSIM_SEED ?? 20261206);

/** Every order of dependent steps some timed schedule of `spec` produces is explored (skipped when DFS passes 3,000 executions). */
function missesNone(spec: readonly (readonly Action[])[], reached: { windowed: number; plain: number }): void {
  const c = coverage(generated(spec), 3000);
  fc.pre(c.missing >= 0);
  reached.windowed += c.windowed;
  reached.plain += c.plain;
  expect(c.missing).toBe(0);
}

describe('DPOR under virtual-time rules on generated programs with near sleeps', () => {
  it.each(missedOnce)('%s', (_name, spec) => {
    const c = coverage(generated(spec));
    expect(c.traces).toBeGreaterThan(1);
    expect(c.missing).toBe(0);
  });

  it.each([
    ['sleeps of 0.1 s', false, false],
    ['sleeps of 0.1 s, 3 µs longer or shorter, and 3 µs', true, false],
    ['sleeps, event waits with timeouts, set() and clock reads', true, true],
  ])('%s: every order a timed schedule reaches', (_name, mixed, waits) => {
    const reached = { windowed: 0, plain: 0 };
    fc.assert(
      fc.property(specs(mixed, waits), (spec) => missesNone(spec, reached)),
      { numRuns: runs, seed },
    );
    // The generated programs reach the rules under test: windows, and near ops outside them.
    if (!waits) expect(reached.windowed).toBeGreaterThan(0);
    if (mixed) expect(reached.plain).toBeGreaterThan(0);
  });
});
