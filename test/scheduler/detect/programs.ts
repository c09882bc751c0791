/**
 * Small programs for the detector's tests: one per bug pattern, and correctly synchronised
 * twins that must never report a race. Written for these tests; the pattern recogniser sees
 * their ops only.
 */
import { Barrier } from '../../../src/models/barrier.js';
import { Condition } from '../../../src/models/condition.js';
import { Event } from '../../../src/models/event.js';
import { ThreadPoolExecutor } from '../../../src/models/executor.js';
import { Lock } from '../../../src/models/lock.js';
import { Queue } from '../../../src/models/queue.js';
import { Semaphore } from '../../../src/models/semaphore.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { sleep } from '../../../src/models/time.js';
import { Timer } from '../../../src/models/timer.js';
import type { Steps } from '../../../src/scheduler/ops.js';
import { program, type Program } from '../../../src/scheduler/program.js';

function* startAll(threads: readonly Thread<never[]>[] | readonly Thread<[number]>[]): Steps<void> {
  for (const t of threads) yield* t.start();
}
function* joinAll(threads: readonly Thread<never[]>[] | readonly Thread<[number]>[]): Steps<void> {
  for (const t of threads) yield* t.join();
}

/** Two threads increment a counter without a lock: read, sleep, write. */
export const lostUpdate: Program = program('test/lost-update', function* main() {
  const c = shared('counter', { n: 0 });
  function* inc(): Steps<void> {
    const v = yield* c.get('n');
    yield* sleep(0.01);
    yield* c.set('n', v + 1);
  }
  const ts = [new Thread({ target: inc }), new Thread({ target: inc })];
  yield* startAll(ts);
  yield* joinAll(ts);
});

/**
 * Two withdrawals check the balance, then read it again to subtract: check-then-act. The
 * first pauses after its check long enough for the second to withdraw meanwhile.
 */
export const checkThenAct: Program = program(
  'test/check-then-act',
  function* main() {
    const acct = shared('account', { balance: 10 });
    function* withdraw(pause: number): Steps<void> {
      const seen = yield* acct.get('balance');
      if (seen < 10) return;
      yield* sleep(pause);
      const now = yield* acct.get('balance');
      yield* acct.set('balance', now - 10);
    }
    const ts = [new Thread({ target: withdraw, args: [0.02] }), new Thread({ target: withdraw, args: [0] })];
    yield* startAll(ts);
    yield* joinAll(ts);
  },
  { claims: { 'no overdraft': (s) => (s.account?.balance as number) >= 0 } },
);

/** A worker reads a setting that MainThread writes only after starting it: order violation. */
export const orderViolation: Program = program('test/order-violation', function* main() {
  const cfg = shared('config', { size: 0 });
  const out = shared('result', { size: -1 });
  const worker = new Thread({
    target: function* use(): Steps<void> {
      yield* out.set('size', yield* cfg.get('size'));
    },
  });
  yield* worker.start();
  yield* cfg.set('size', 8);
  yield* worker.join();
});

/** A writer sets a two-step value; a reader sees the half-done state: atomicity violation. */
export const atomicityViolation: Program = program('test/atomicity-violation', function* main() {
  const doc = shared('doc', { state: 'empty' });
  const writer = new Thread({
    target: function* write(): Steps<void> {
      yield* doc.set('state', 'half written');
      yield* sleep(0.01);
      yield* doc.set('state', 'complete');
    },
  });
  const reader = new Thread({
    target: function* read(): Steps<void> {
      yield* sleep(0.005);
      yield* doc.get('state');
    },
  });
  yield* startAll([writer, reader]);
  yield* joinAll([writer, reader]);
});

/** Two threads take locks A and B in opposite orders, sleeping in between: a deadlock. */
export const lockOrderDeadlock: Program = program('test/lock-order-deadlock', function* main() {
  const a = new Lock({ name: 'Lock A' });
  const b = new Lock({ name: 'Lock B' });
  const both = (first: Lock, second: Lock) =>
    function* take(): Steps<void> {
      yield* first.with(function* () {
        yield* sleep(0.01);
        yield* second.with(function* () {});
      });
    };
  const ts = [new Thread({ target: both(a, b) }), new Thread({ target: both(b, a) })];
  yield* startAll(ts);
  yield* joinAll(ts);
});

/**
 * The same lock orders, but the second thread waits long enough that the run does not
 * deadlock: only lock-order analysis can tell. With `gate`, both hold a gate lock around
 * their nested sections, and no deadlock is possible. With `joined`, the first thread is
 * joined before the second starts.
 */
export function lockOrderLatent(variant: 'plain' | 'gate' | 'joined'): Program {
  return program(`test/lock-order-${variant}`, function* main() {
    const a = new Lock({ name: 'Lock A' });
    const b = new Lock({ name: 'Lock B' });
    const g = new Lock({ name: 'Gate' });
    const nested = (first: Lock, second: Lock, delay: number) =>
      function* take(): Steps<void> {
        yield* sleep(delay);
        const inner = function* (): Steps<void> {
          yield* first.with(function* () {
            yield* second.with(function* () {});
          });
        };
        if (variant === 'gate') yield* g.with(inner);
        else yield* inner();
      };
    const t1 = new Thread({ target: nested(a, b, 0) });
    const t2 = new Thread({ target: nested(b, a, 1) });
    yield* t1.start();
    if (variant === 'joined') yield* t1.join();
    yield* t2.start();
    yield* joinAll([t1, t2]);
  });
}

/** Fixed: a Lock around every read-modify-write, threads joined before the final read. */
export const lockedCounter: Program = program(
  'test/locked-counter',
  function* main() {
    const c = shared('counter', { n: 0 });
    const lock = new Lock();
    function* inc(): Steps<void> {
      for (let i = 0; i < 3; i++) {
        yield* lock.acquire();
        const v = yield* c.get('n');
        yield* sleep(0.001);
        yield* c.set('n', v + 1);
        yield* lock.release();
      }
    }
    const ts = [new Thread({ target: inc }), new Thread({ target: inc }), new Thread({ target: inc })];
    yield* c.set('n', 0);
    yield* startAll(ts);
    yield* joinAll(ts);
    yield* c.set('n', (yield* c.get('n')) * 10);
  },
  { claims: { 'counted 90': (s) => s.counter?.n === 90 } },
);

/** Fixed: each thread writes its own slot; MainThread reads all slots after joining. */
export const joinedWriters: Program = program('test/joined-writers', function* main() {
  const slots = shared('slots', { a: 0, b: 0, done: 0 });
  const ta = new Thread({ target: function* wa(): Steps<void> { yield* slots.set('a', (yield* slots.get('done')) + 1); } });
  const tb = new Thread({ target: function* wb(): Steps<void> { yield* slots.set('b', (yield* slots.get('done')) + 2); } });
  yield* slots.set('done', 5);
  yield* startAll([ta, tb]);
  yield* ta.join();
  yield* slots.set('a', (yield* slots.get('a')) + 1);
  yield* tb.join();
  yield* slots.set('done', (yield* slots.get('a')) + (yield* slots.get('b')));
});

/**
 * Fixed: an executor with one worker (so later tasks run on a reused worker, ordered by
 * submit only); each task reads what MainThread wrote before submitting it and writes its
 * result; MainThread reads a result only after `result()` returned.
 */
export const executorResults: Program = program('test/executor-results', function* main() {
  const data = shared('data', { input: 1, output: 0 });
  function* task(): Steps<number> {
    const v = yield* data.get('input');
    yield* sleep(0.001);
    yield* data.set('output', v * 2);
    return v;
  }
  yield* ThreadPoolExecutor.with({ maxWorkers: 1 }, function* (ex) {
    for (let i = 1; i <= 3; i++) {
      yield* data.set('input', i);
      const f = yield* ex.submit(task);
      yield* f.result();
      yield* data.get('output');
    }
  });
  yield* data.set('output', 0);
});

/**
 * Every access holds the Lock, but the read and the write are two critical sections with a
 * pause between: a lost update with no data race (a race-free atomicity violation).
 */
export const splitSections: Program = program(
  'test/split-sections',
  function* main() {
    const c = shared('counter', { n: 0 });
    const lock = new Lock({ name: 'L' });
    function* inc(): Steps<void> {
      const v = yield* lock.with(function* () {
        return yield* c.get('n');
      });
      yield* sleep(0.01);
      yield* lock.with(function* () {
        yield* c.set('n', v + 1);
      });
    }
    const ts = [new Thread({ target: inc }), new Thread({ target: inc })];
    yield* startAll(ts);
    yield* joinAll(ts);
  },
  { claims: { 'counted 2': (s) => s.counter?.n === 2 } },
);

/**
 * A two-part state change in two critical sections: the writer sets `a`, pauses, sets `b`;
 * the reader, under the same Lock, sees the new `a` with the old `b`.
 */
export const twoStage: Program = program(
  'test/two-stage',
  function* main() {
    const st = shared('state', { a: 0, b: 0, consistent: true });
    const lock = new Lock({ name: 'L' });
    const writer = new Thread({
      target: function* write(): Steps<void> {
        yield* lock.with(function* () {
          yield* st.set('a', 1);
        });
        yield* sleep(0.01);
        yield* lock.with(function* () {
          yield* st.set('b', 1);
        });
      },
    });
    const reader = new Thread({
      target: function* read(): Steps<void> {
        yield* sleep(0.005);
        yield* lock.with(function* () {
          const a = yield* st.get('a');
          const b = yield* st.get('b');
          yield* st.set('consistent', a === b);
        });
      },
    });
    yield* startAll([writer, reader]);
    yield* joinAll([writer, reader]);
  },
  { claims: { 'the reader saw a consistent state': (s) => s.state?.consistent === true } },
);

/** Fixed: the producer fills a slot, then puts its number; the consumer reads the slot it got. */
export const queueHandOff: Program = program('test/queue-hand-off', function* main() {
  const slots = shared('slots', { s0: 0, s1: 0, s2: 0 });
  const q = new Queue<'s0' | 's1' | 's2'>(1);
  const producer = new Thread({
    target: function* produce(): Steps<void> {
      for (const k of ['s0', 's1', 's2'] as const) {
        yield* slots.set(k, 7);
        yield* q.put(k);
      }
    },
  });
  const consumer = new Thread({
    target: function* consume(): Steps<void> {
      for (let i = 0; i < 3; i++) {
        const k = yield* q.get();
        yield* slots.set(k, (yield* slots.get(k)) + 1);
      }
    },
  });
  yield* startAll([producer, consumer]);
  yield* joinAll([producer, consumer]);
});

/** Fixed: a Condition guards `ready`; the waiter reads data only after seeing it set. */
export const conditionHandOff: Program = program('test/condition-hand-off', function* main() {
  const st = shared('st', { data: 0, ready: false });
  const cond = new Condition();
  const waiter = new Thread({
    target: function* wait(): Steps<void> {
      yield* cond.with(function* () {
        while (!(yield* st.get('ready'))) yield* cond.wait();
      });
      yield* st.set('data', (yield* st.get('data')) + 1);
    },
  });
  yield* waiter.start();
  yield* sleep(0.001);
  yield* cond.with(function* () {
    yield* st.set('ready', true);
    yield* cond.notify();
    yield* st.set('data', 41);
  });
  yield* waiter.join();
});

/** Fixed: Event set after the write, waited for before the read; a Semaphore guards a counter. */
export const eventAndSemaphore: Program = program('test/event-semaphore', function* main() {
  const st = shared('st', { config: 0, count: 0 });
  const ready = new Event();
  const sem = new Semaphore(1);
  function* worker(): Steps<void> {
    yield* ready.wait();
    const c = yield* st.get('config');
    yield* sem.acquire();
    yield* st.set('count', (yield* st.get('count')) + c);
    yield* sem.release();
  }
  const ts = [new Thread({ target: worker }), new Thread({ target: worker })];
  yield* startAll(ts);
  yield* st.set('config', 5);
  yield* ready.set();
  yield* joinAll(ts);
});

/** Fixed: each party writes its own slot, waits at the Barrier, then reads the other's. */
export const barrierPhases: Program = program('test/barrier-phases', function* main() {
  const st = shared('st', { a: 0, b: 0 });
  const barrier = new Barrier(2);
  const party = (mine: 'a' | 'b', other: 'a' | 'b') =>
    function* phase(): Steps<void> {
      yield* st.set(mine, 1);
      yield* barrier.wait();
      yield* st.get(other);
    };
  const ts = [new Thread({ target: party('a', 'b') }), new Thread({ target: party('b', 'a') })];
  yield* startAll(ts);
  yield* joinAll(ts);
});

/** Fixed: a Timer's function reads what MainThread wrote before starting the timer. */
export const timerStart: Program = program('test/timer-start', function* main() {
  const st = shared('st', { x: 0 });
  yield* st.set('x', 3);
  const t = new Timer(0.01, function* fire(): Steps<void> {
    yield* st.set('x', (yield* st.get('x')) + 1);
  });
  yield* t.start();
  yield* t.join();
  yield* st.get('x');
});
