import { describe, expect, it } from 'vitest';
import { GilPolicy, SWITCH_INTERVAL_US } from '../../../src/scheduler/policies/gil.js';
import { FifoPolicy } from '../../../src/scheduler/policies/fifo.js';
import { RandomPolicy } from '../../../src/scheduler/policies/random.js';
import { RoundRobinPolicy } from '../../../src/scheduler/policies/round-robin.js';
import { policyByName } from '../../../src/scheduler/policies/index.js';
import type { SchedulingPoint } from '../../../src/scheduler/policies/policy.js';
import { execute } from '../../../src/scheduler/execution.js';
import { program } from '../../../src/scheduler/program.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { builtin } from '../../../src/examples/index.js';

function at(p: Partial<SchedulingPoint>): SchedulingPoint {
  return { step: 0, now: 0, previous: -1, spawned: -1, yielded: false, pending: () => undefined, ...p };
}

/** Two CPU-bound threads that never block: `steps` writes each. */
function spinners(steps: number) {
  return program('spinners', function* () {
    const s = shared('s', { a: 0, b: 0 });
    const ts = (['a', 'b'] as const).map((key) => new Thread({ name: key, target: function* () { for (let i = 0; i < steps; i++) yield* s.set(key, i); } }));
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}

/** Lengths of the runs of consecutive steps by the same thread in a schedule. */
function runLengths(schedule: readonly number[], thread: number): number[] {
  const out: number[] = [];
  let n = 0;
  for (const t of schedule) {
    if (t === thread) n++;
    else if (n > 0) {
      out.push(n);
      n = 0;
    }
  }
  if (n > 0) out.push(n);
  return out;
}

describe('gil', () => {
  it('switches a CPU-bound thread out after one switch interval while another waits', () => {
    const r = execute(spinners(12_000), { policy: new GilPolicy(), seed: 0 });
    // One step costs 1 µs of virtual time, so a slice is the 5 ms interval: 5,000 steps.
    const slices = runLengths(r.schedule, 1);
    expect(slices.length).toBeGreaterThan(1);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SWITCH_INTERVAL_US + 1);
    expect(slices[0]).toBeGreaterThanOrEqual(SWITCH_INTERVAL_US - 1);
  });

  it('keeps the holder when nobody else is runnable and hands over to the longest waiter', () => {
    const gil = new GilPolicy();
    gil.begin(0);
    expect(gil.pick([2], at({ step: 0, previous: 2 }))).toBe(2);
    expect(gil.pick([2, 1, 3], at({ step: 1, previous: 2, now: 10 }))).toBe(2);
    expect(gil.pick([2, 1, 3], at({ step: 2, previous: 2, now: 10 + SWITCH_INTERVAL_US }))).toBe(1);
    expect(gil.pick([1, 3], at({ step: 3, previous: 1, spawned: 3, now: 20 + SWITCH_INTERVAL_US }))).toBe(3);
  });

  it('holds the thread that ran last as the GIL holder, also after steps it was not asked about', () => {
    const gil = new GilPolicy();
    gil.begin(0);
    expect(gil.pick([1, 2], at({ step: 0, previous: 1, now: 0 }))).toBe(1);
    // Steps 1..9: thread 1 blocked and thread 2 ran alone, so the engine did not ask. At step 10
    // thread 1 is runnable again: thread 2 ran last without yielding, so it holds the GIL...
    expect(gil.pick([2, 1], at({ step: 10, previous: 2, now: 10 }))).toBe(2);
    // ...for a whole interval counted from when thread 1 began to wait.
    expect(gil.pick([2, 1], at({ step: 11, previous: 2, now: 10 + SWITCH_INTERVAL_US - 1 }))).toBe(2);
    expect(gil.pick([2, 1], at({ step: 12, previous: 2, now: 10 + SWITCH_INTERVAL_US }))).toBe(1);
  });

  it('takes sys.setswitchinterval from the scheduling point', () => {
    const gil = new GilPolicy();
    gil.begin(0);
    expect(gil.pick([1, 2], at({ step: 0, previous: 1, now: 0, switchInterval: 3 }))).toBe(1);
    expect(gil.pick([1, 2], at({ step: 1, previous: 1, now: 2, switchInterval: 3 }))).toBe(1);
    expect(gil.pick([1, 2], at({ step: 2, previous: 1, now: 3, switchInterval: 3 }))).toBe(2);
  });

  it('does not switch tutorial/pipeline-lock\'s consumer out right after its release (it still holds the GIL)', () => {
    const r = execute(builtin('tutorial/pipeline-lock')!, { policy: new GilPolicy(), seed: 0, record: true });
    const steps = r.trace!;
    const releases = steps.filter((s) => s.kind === 'release' && s.obj === 'producer_lock' && s.step + 1 < steps.length);
    expect(releases.length).toBeGreaterThan(5);
    for (const s of releases) expect(steps[s.step + 1]!.thread, `step ${s.step + 1}`).toBe(s.thread);
  });
});

describe('fifo, round-robin and random', () => {
  it('fifo never preempts', () => {
    const r = execute(spinners(300), { policy: new FifoPolicy(), seed: 0 });
    expect(runLengths(r.schedule, 1)).toEqual([300]);
  });

  it('round-robin switches at every step while both threads can run', () => {
    const rr = new RoundRobinPolicy();
    expect(rr.pick([0, 1, 2], at({ previous: 1 }))).toBe(2);
    expect(rr.pick([0, 1, 2], at({ previous: 2 }))).toBe(0);
    expect(rr.pick([1], at({ previous: 1 }))).toBe(1);
  });

  it('random picks every runnable thread about equally often', () => {
    const rnd = new RandomPolicy();
    rnd.begin(42);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rnd.pick([0, 1, 2, 3], at({}))]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('random is a pure function of the seed', () => {
    const seq = (seed: number) => {
      const p = new RandomPolicy();
      p.begin(seed);
      return Array.from({ length: 32 }, () => p.pick([0, 1, 2], at({})));
    };
    expect(seq(5)).toEqual(seq(5));
    expect(seq(5)).not.toEqual(seq(6));
  });

  it('rejects an unknown policy name with the list of known ones', () => {
    expect(() => policyByName('lifo')).toThrow(/unknown policy 'lifo'.*gil, fifo, round-robin, random/);
  });
});
