import { describe, expect, it } from 'vitest';
import { execute } from '../../src/scheduler/execution.js';
import { program } from '../../src/scheduler/program.js';
import { GilPolicy, RandomPolicy, FifoPolicy, ReplayPolicy } from '../../src/scheduler/policies/index.js';
import { Thread } from '../../src/models/thread.js';
import { Lock } from '../../src/models/lock.js';
import { logging } from '../../src/models/logging.js';
import { shared } from '../../src/models/shared.js';
import { sleep } from '../../src/models/time.js';
import { ValueError } from '../../src/models/exceptions.js';
import { ThreadsimError } from '../../src/errors.js';
import { renderOutput } from '../../src/trace/text.js';
import type { Op, SpawnOptions, Steps } from '../../src/scheduler/ops.js';

const gil = () => ({ policy: new GilPolicy(), seed: 0 });
const text = (r: ReturnType<typeof execute>, timestamps = false) => renderOutput(r.output, { timestamps, level: 10 });

describe('threads and program end', () => {
  it('runs the child first after start() under the gil policy', () => {
    const p = program('child-first', function* () {
      const t = new Thread({ target: function* child() { yield* logging.info('child'); } });
      yield* t.start();
      yield* logging.info('parent');
    });
    expect(text(execute(p, gil()))).toEqual(['child', 'parent']);
  });

  it('lets the random policy run the parent before the child for some seed', () => {
    const p = program('either-first', function* () {
      const t = new Thread({ target: function* child() { yield* logging.info('child'); } });
      yield* t.start();
      yield* logging.info('parent');
    });
    const firsts = new Set<string>();
    for (let seed = 0; seed < 50; seed++) firsts.add(text(execute(p, { policy: new RandomPolicy(), seed }))[0]!);
    expect(firsts).toEqual(new Set(['child', 'parent']));
  });

  it('joins non-daemon threads at exit and drops daemon threads where they stand', () => {
    const p = program('exit', function* () {
      const body = function* (name: string, seconds: number) {
        yield* sleep(seconds);
        yield* logging.info('%s done', name);
      };
      yield* new Thread({ target: body, args: ['worker', 1] as [string, number] }).start();
      yield* new Thread({ target: body, args: ['daemon', 5] as [string, number], daemon: true }).start();
      yield* logging.info('main returns');
    });
    const r = execute(p, gil());
    // The exit waits for the worker (1 s) but not for the daemon, still asleep until 5 s.
    expect(text(r)).toEqual(['main returns', 'worker done']);
    expect(r.time).toBeLessThan(2_000_000);
    expect(r.failures).toEqual([]);
  });

  it('inherits the daemon flag from the creating thread', () => {
    let inner: boolean | undefined;
    const p = program('inherit', function* () {
      const outer = new Thread({
        daemon: true,
        target: function* () {
          inner = new Thread({ target: function* () {} }).daemon;
        },
      });
      yield* outer.start();
      yield* outer.join();
    });
    execute(p, gil());
    expect(inner).toBe(true);
  });

  it('names threads Thread-N (target) and skips explicitly named ones in the count', () => {
    const names: string[] = [];
    const p = program('names', function* () {
      function* update() {}
      names.push(new Thread({ target: update }).name);
      names.push(new Thread({ name: 'custom' }).name);
      names.push(new Thread().name);
    });
    execute(p, gil());
    expect(names).toEqual(['Thread-1 (update)', 'custom', 'Thread-2']);
  });

  it('prints an uncaught exception like threading.excepthook and lets other threads go on', () => {
    const p = program('boom', function* () {
      const t = new Thread({
        target: function* boom(n: number) {
          yield* logging.info('about to fail');
          throw new ValueError(`bad ${n}`);
        },
        args: [1] as [number],
      });
      yield* t.start();
      yield* t.join();
      yield* logging.info('main goes on');
    });
    const r = execute(p, gil());
    expect(text(r)).toEqual(['about to fail', 'Exception in thread Thread-1 (boom):', 'Traceback (most recent call last):', 'ValueError: bad 1', 'main goes on']);
    expect(r.failures).toMatchObject([{ kind: 'exception', thread: 'Thread-1 (boom)', type: 'ValueError', detail: 'bad 1' }]);
  });

  it('reports an exception in MainThread and still joins non-daemon threads', () => {
    const p = program('main-raises', function* () {
      yield* new Thread({ target: function* w() { yield* sleep(1); yield* logging.info('worker finished'); } }).start();
      throw new ValueError('main failed');
    });
    const r = execute(p, gil());
    expect(text(r)).toEqual(['Traceback (most recent call last):', 'ValueError: main failed', 'worker finished']);
    expect(r.failures[0]).toMatchObject({ kind: 'exception', thread: 'MainThread' });
  });

  it('join(timeout) returns after the timeout while the thread is still alive', () => {
    let alive: boolean | undefined;
    let before = -1;
    let after = -1;
    const p = program('join-timeout', function* () {
      const t = new Thread({ target: function* () { yield* sleep(5); } });
      yield* t.start();
      before = (yield { kind: 'read', obj: 'clock', access: 'none', run: (k) => k.now } as Op) as number;
      yield* t.join(1);
      after = (yield { kind: 'read', obj: 'clock', access: 'none', run: (k) => k.now } as Op) as number;
      alive = t.is_alive();
    });
    execute(p, gil());
    expect(alive).toBe(true);
    expect(after - before).toBeGreaterThanOrEqual(1_000_000);
    expect(after - before).toBeLessThan(1_100_000);
  });
});

describe('virtual clock', () => {
  it('starts at 12:00:00 and jumps to deadlines when nothing can run', () => {
    const p = program('clock', function* () {
      yield* logging.info('start');
      yield* sleep(2);
      yield* logging.info('two seconds later');
      yield* sleep(3600);
      yield* logging.info('an hour later');
    });
    expect(text(execute(p, gil()), true)).toEqual(['12:00:00: start', '12:00:02: two seconds later', '13:00:02: an hour later']);
  });
});

describe('failures', () => {
  it('reports a deadlock naming each blocked thread and what it waits for', () => {
    const p = program('self-deadlock', function* () {
      const l = new Lock();
      yield* l.acquire();
      yield* l.acquire();
    });
    const r = execute(p, gil());
    expect(r.ending).toBe('deadlock');
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.message).toContain('MainThread waits for Lock#1 held by MainThread');
  });

  it('reports a deadlock at exit when a non-daemon thread can never finish', () => {
    const p = program('stuck-worker', function* () {
      const l = new Lock();
      yield* l.acquire();
      yield* new Thread({ name: 'worker', target: function* () { yield* l.acquire(); } }).start();
    });
    const r = execute(p, gil());
    expect(r.ending).toBe('deadlock');
    expect(r.failures[0]!.message).toContain('worker waits for Lock#1 held by MainThread');
    expect(r.failures[0]!.message).toContain('MainThread waits for the end of worker');
  });

  it('stops a spin loop at the step bound and says how to raise it', () => {
    const p = program('spin', function* () {
      const s = shared('s', { flag: false });
      while (!(yield* s.get('flag'))) {
        /* spin */
      }
    });
    const r = execute(p, { ...gil(), maxSteps: 500 });
    expect(r.ending).toBe('step-bound');
    expect(r.steps).toBe(500);
    expect(r.failures[0]!.message).toMatch(/more than 500 steps.*--max-steps/);
  });

  it('reports a false claim with its own explanation', () => {
    const p = program(
      'claim',
      function* () {
        const c = shared('c', { n: 0 });
        yield* c.set('n', 1);
      },
      { claims: { 'n is two': (s) => s.c?.n === 2 || `c.n is ${String(s.c?.n)}`, 'n is one': (s) => s.c?.n === 1 } },
    );
    const r = execute(p, gil());
    expect(r.failures).toEqual([{ kind: 'claim', claim: 'n is two', reads: ['c.n'], message: "claim 'n is two' is false: c.n is 1" }]);
  });
});

describe('bad programs get threadsim errors that say what to write instead', () => {
  it('yield without a star', () => {
    const p = program('no-star', function* () {
      const s = shared('s', { x: 0 });
      yield s.get('x') as unknown as Op;
    });
    // A one-step primitive is an op itself, so yielding it works; a generator does not.
    expect(() => execute(p, gil())).not.toThrow();
    const q = program('no-star-gen', function* () {
      yield sleep(1) as unknown as Op;
    });
    expect(() => execute(q, gil())).toThrow(/MainThread yielded a generator at step 0.*yield\*/);
  });

  it('a thread body that is an async function', () => {
    const p = program('async-body', function* () {
      const t = new Thread({ target: (async () => undefined) as never });
      yield* t.start();
    });
    expect(() => execute(p, gil())).toThrow(/returned a promise.*function\*/);
  });

  it('a primitive called outside a running thread', () => {
    expect(() => new Lock()).toThrow(ThreadsimError);
    expect(() => new Lock()).toThrow(/Lock\(\) was used outside a running thread/);
  });
});

describe('determinism and replay', () => {
  const racy = program('racy', function* () {
    const c = shared('c', { n: 0 });
    function* inc() {
      for (let i = 0; i < 3; i++) yield* c.set('n', (yield* c.get('n')) + 1);
    }
    const ts = [new Thread({ target: inc }), new Thread({ target: inc })];
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });

  it('gives identical results for the same seed and different ones across seeds', () => {
    const a = execute(racy, { policy: new RandomPolicy(), seed: 7, record: true });
    const b = execute(racy, { policy: new RandomPolicy(), seed: 7, record: true });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const schedules = new Set<string>();
    for (let seed = 0; seed < 20; seed++) schedules.add(execute(racy, { policy: new RandomPolicy(), seed }).schedule.join(','));
    expect(schedules.size).toBeGreaterThan(5);
  });

  it('replays a recorded schedule step for step', () => {
    const a = execute(racy, { policy: new RandomPolicy(), seed: 3 });
    const b = execute(racy, { policy: new ReplayPolicy(a.schedule), seed: 0 });
    expect(b.schedule).toEqual(a.schedule);
    expect(b.state).toEqual(a.state);
  });

  it('stops a replay that cannot follow its schedule instead of guessing', () => {
    const names = (i: number) => ['MainThread', 'Thread-1 (inc)', 'Thread-2 (inc)'][i] ?? `#${i}`;
    expect(() => execute(racy, { policy: new ReplayPolicy([0, 2], names), seed: 0 })).toThrow('replay diverged at step 1: expected Thread-2 (inc), runnable [MainThread, Thread-1 (inc)]');
  });

  it('fifo runs a thread until it blocks', () => {
    const r = execute(racy, { policy: new FifoPolicy(), seed: 0 });
    // No preemption: each worker does its 6 steps in one go, so no update is lost.
    expect(r.state.c?.n).toBe(6);
  });
});

/*
 * The engine's side of threading.excepthook: SpawnOptions.onUncaught, driven here by raw ops
 * (no Thread model in between), so only the engine's mechanism is under test.
 */
describe('uncaught exceptions: SpawnOptions.onUncaught', () => {
  /** One step that prints `line` as the thread running it. */
  const say = (line: string): Op => ({ kind: 'log', obj: undefined, access: 'none', run: (k) => k.emit('stdout', 0, line) });
  /** A program whose main starts one thread `T` running `body` with `options`, then returns. */
  const spawning = (body: () => Steps<unknown>, options: Partial<SpawnOptions>) =>
    program('spawn-raw', function* () {
      yield { kind: 'spawn', obj: 'T', access: 'sync', run: (k) => void k.spawn(body, { name: 'T', daemon: false, handle: undefined, ...options }) } as Op;
      yield say('main');
    });
  const who = (r: ReturnType<typeof execute>) => r.output.map((l) => `${l.thread}: ${l.text}`);

  it('runs the steps it returns in the dying thread, which then ends with no result and no failure', () => {
    const asked: unknown[] = [];
    const p = spawning(
      function* () {
        yield say('body');
        throw new ValueError('bad');
      },
      {
        onUncaught: (e) => {
          asked.push(e);
          return (function* () {
            yield say(`hook ${(e as Error).message}`);
            yield say('hook again');
            return 'not a result';
          })();
        },
      },
    );
    const r = execute(p, gil());
    expect(who(r)).toEqual(['T: body', 'T: hook bad', 'T: hook again', 'MainThread: main']);
    expect(asked).toHaveLength(1);
    expect(r.failures).toEqual([]);
    expect(r.results[1]).toBeUndefined();
    // Thread T's steps: the body's one op, then the hook's two; no step is lost to the switch.
    expect(r.schedule.filter((i) => i === 1)).toHaveLength(3);
  });

  it('reports what the hook steps raise as CPython reports an excepthook\'s exception, asking only once', () => {
    let asked = 0;
    const p = spawning(
      function* () {
        yield say('body');
        throw new ValueError('bad');
      },
      {
        onUncaught: () => {
          asked++;
          return (function* () {
            yield say('hook');
            throw new ValueError('hook failed');
          })();
        },
      },
    );
    const r = execute(p, gil());
    expect(asked).toBe(1);
    expect(who(r)).toEqual(['T: body', 'T: hook', 'T: Exception in threading.excepthook:', 'T: Traceback (most recent call last):', 'T: ValueError: hook failed', 'MainThread: main']);
    expect(r.failures).toMatchObject([{ kind: 'exception', thread: 'T', type: 'ValueError', detail: 'hook failed', message: "uncaught ValueError in T's threading.excepthook: hook failed" }]);
  });

  it('handles a body that raises before its first op (inside spawn) the same way', () => {
    const p = spawning(
      function* () {
        throw new ValueError('at once');
      },
      { onUncaught: () => (function* () { yield say('hook'); })() },
    );
    const r = execute(p, gil());
    expect(who(r)).toEqual(['T: hook', 'MainThread: main']);
    expect(r.failures).toEqual([]);
  });

  it('falls back to the default report when it returns undefined, or to onError when given', () => {
    const body = function* () {
      throw new ValueError('at once');
    };
    const plain = execute(spawning(body, { onUncaught: () => undefined }), gil());
    // Raised inside spawn, so the spawning thread's step prints the report.
    expect(who(plain)).toEqual(['MainThread: Exception in thread T:', 'MainThread: Traceback (most recent call last):', 'MainThread: ValueError: at once', 'MainThread: main']);
    expect(plain.failures).toMatchObject([{ kind: 'exception', thread: 'T', detail: 'at once' }]);
    const errors: unknown[] = [];
    const custom = execute(spawning(body, { onUncaught: () => undefined, onError: (e) => errors.push(e) }), gil());
    expect(who(custom)).toEqual(['MainThread: main']);
    expect(errors).toHaveLength(1);
    expect(custom.failures).toMatchObject([{ kind: 'exception', thread: 'T', detail: 'at once' }]);
  });

  it('never offers threadsim\'s own errors: they stop the run', () => {
    let asked = 0;
    const p = spawning(
      function* () {
        yield say('body');
        throw new ThreadsimError('TSIM010', 'misused', 'Do not.');
      },
      {
        onUncaught: () => {
          asked++;
          return undefined;
        },
      },
    );
    expect(() => execute(p, gil())).toThrow(ThreadsimError);
    expect(asked).toBe(0);
  });
});
