import { describe, expect, it } from 'vitest';
import { Event } from '../../../src/models/event.js';
import { Lock } from '../../../src/models/lock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { sleep } from '../../../src/models/time.js';
import { execute } from '../../../src/scheduler/execution.js';
import { DfsSearch } from '../../../src/scheduler/explore/dfs.js';
import { DporSearch } from '../../../src/scheduler/explore/dpor.js';
import type { DependencyRules, EventInfo } from '../../../src/scheduler/explore/events.js';
import type { Runner } from '../../../src/scheduler/explore/search.js';
import { traceKey } from '../../../src/scheduler/explore/trace-key.js';
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
  readonly missing: number;
  readonly traces: number;
}

function coverage(p: Program): Coverage {
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
    dfsRuns++;
  }
  const dpor = new DporSearch(runner, true, false);
  const explored = new Set<string>();
  let dporRuns = 0;
  for (let s = dpor.next(); s.kind !== 'done'; s = dpor.next()) {
    if (s.kind !== 'execution') continue;
    explored.add(untimedKey(dpor.lastEvents));
    dporRuns++;
  }
  let missing = 0;
  for (const k of reachable) if (!explored.has(k)) missing++;
  return { dfs: dfsRuns, dpor: dporRuns, missing, traces: reachable.size };
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

const built: [string, () => Program][] = [
  ['sleeps under a lock', () => serialSleeps],
  ['arrivals, sleeps of 0.1 s', () => arrivals('test/arrivals', 0.1, 0.1, 3)],
  ['arrivals, sleeps of 3 µs', () => arrivals('test/arrivals-short', 0.000003, 0.000003, 3)],
  ['arrivals, sleeps of 6 and 2 µs', () => arrivals('test/arrivals-mixed', 0.000006, 0.000002, 3)],
  ['event wait timing out', () => eventTimeout],
  ['lock after sleeps', () => lockAfterSleep],
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
