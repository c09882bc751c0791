/**
 * Differential check of every misuse message against the machine's CPython: each case runs
 * as a Python snippet under `python3` and as the threadsim equivalent, and the last traceback
 * line (`Type: message`, or `Type` alone) must be identical. CPython is the oracle here, so
 * nothing is copied from threadsim's own output. Needs `python3` (3.11) on PATH, as CI has.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { as_completed } from '../../src/models/as-completed.js';
import { Barrier } from '../../src/models/barrier.js';
import { BoundedSemaphore } from '../../src/models/bounded-semaphore.js';
import { Condition } from '../../src/models/condition.js';
import { Event } from '../../src/models/event.js';
import { ThreadPoolExecutor } from '../../src/models/executor.js';
import { Future } from '../../src/models/future.js';
import { wait } from '../../src/models/futures-wait.js';
import { local } from '../../src/models/local.js';
import { Lock, TIMEOUT_MAX } from '../../src/models/lock.js';
import { PriorityQueue } from '../../src/models/priority-queue.js';
import { Queue } from '../../src/models/queue.js';
import { RLock } from '../../src/models/rlock.js';
import { Semaphore } from '../../src/models/semaphore.js';
import { current_thread, Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { describeError, exceptionLine } from '../../src/scheduler/exception-line.js';
import type { Step, Steps } from '../../src/scheduler/ops.js';
import { run } from './helpers.js';

function* noop() {}

/** A misuse: Python statements and the threadsim body that should raise the same. */
interface Case {
  readonly py: string;
  readonly ts: () => Step<unknown>;
}

const CASES: Readonly<Record<string, Case>> = {
  'Lock.release unlocked': { py: 'threading.Lock().release()', ts: () => new Lock().release() },
  'Lock.acquire(False, 1)': { py: 'threading.Lock().acquire(False, 1)', ts: () => new Lock().acquire(false, 1) },
  'Lock.acquire(timeout=-2)': { py: 'threading.Lock().acquire(timeout=-2)', ts: () => new Lock().acquire(true, -2) },
  'Lock.acquire(timeout > TIMEOUT_MAX)': { py: 'threading.Lock().acquire(timeout=threading.TIMEOUT_MAX + 1)', ts: () => new Lock().acquire(true, TIMEOUT_MAX + 1) },
  'RLock.acquire(timeout=inf)': { py: 'threading.RLock().acquire(timeout=float("inf"))', ts: () => new RLock().acquire(true, Infinity) },
  'RLock.release un-acquired': { py: 'threading.RLock().release()', ts: () => new RLock().release() },
  'RLock.release twice': {
    py: 'r = threading.RLock(); r.acquire(); r.release(); r.release()',
    ts: function* () {
      const r = new RLock();
      yield* r.acquire();
      yield* r.release();
      yield* r.release();
    },
  },
  'RLock.acquire(False, 1)': { py: 'threading.RLock().acquire(False, 1)', ts: () => new RLock().acquire(false, 1) },
  'RLock.acquire(timeout=-2)': { py: 'threading.RLock().acquire(timeout=-2)', ts: () => new RLock().acquire(true, -2) },
  'Condition.wait unowned': { py: 'threading.Condition().wait()', ts: () => new Condition().wait() },
  'Condition.wait_for unowned': { py: 'threading.Condition().wait_for(lambda: False, 0)', ts: () => new Condition().wait_for(() => false, 0) },
  'Condition.notify unowned': { py: 'threading.Condition().notify()', ts: () => new Condition().notify() },
  'Condition.notify_all unowned': { py: 'threading.Condition().notify_all()', ts: () => new Condition().notify_all() },
  'Condition(Lock).wait unowned': { py: 'threading.Condition(threading.Lock()).wait()', ts: () => new Condition(new Lock()).wait() },
  'Semaphore(-1)': {
    py: 'threading.Semaphore(-1)',
    ts: function* () {
      new Semaphore(-1);
    },
  },
  'Semaphore.release(0)': { py: 'threading.Semaphore(0).release(0)', ts: () => new Semaphore(0).release(0) },
  'Semaphore.acquire(False, 1)': { py: 'threading.Semaphore(0).acquire(False, 1)', ts: () => new Semaphore(0).acquire(false, 1) },
  'BoundedSemaphore over-release': { py: 'threading.BoundedSemaphore(1).release()', ts: () => new BoundedSemaphore(1).release() },
  'BoundedSemaphore.release(n) too many': {
    py: 'b = threading.BoundedSemaphore(2); b.acquire(); b.release(2)',
    ts: function* () {
      const b = new BoundedSemaphore(2);
      yield* b.acquire();
      yield* b.release(2);
    },
  },
  'Barrier timeout': { py: 'threading.Barrier(2).wait(0)', ts: () => new Barrier(2).wait(0) },
  'Barrier wait when broken': {
    py: 'b = threading.Barrier(2); b.abort(); b.wait()',
    ts: function* () {
      const b = new Barrier(2);
      yield* b.abort();
      yield* b.wait();
    },
  },
  'Queue.get negative timeout': { py: 'queue.Queue().get(True, -1)', ts: () => new Queue().get(true, -1) },
  'Queue.put negative timeout': { py: 'queue.Queue(2).put(1, True, -1)', ts: () => new Queue(2).put(1, true, -1) },
  'Queue.task_done too often': { py: 'queue.Queue().task_done()', ts: () => new Queue().task_done() },
  'Queue.get_nowait empty': { py: 'queue.Queue().get_nowait()', ts: () => new Queue().get_nowait() },
  'Queue.get(False, -1) empty': { py: 'queue.Queue().get(False, -1)', ts: () => new Queue().get(false, -1) },
  'Queue.get timeout': { py: 'queue.Queue().get(timeout=0.01)', ts: () => new Queue().get(true, 0.01) },
  'Queue.put_nowait full': {
    py: 'q = queue.Queue(1); q.put(1); q.put_nowait(2)',
    ts: function* () {
      const q = new Queue(1);
      yield* q.put(1);
      yield* q.put_nowait(2);
    },
  },
  'PriorityQueue str after int': {
    py: 'q = queue.PriorityQueue(); q.put(1); q.put("a")',
    ts: function* () {
      const q = new PriorityQueue<unknown>();
      yield* q.put(1);
      yield* q.put('a');
    },
  },
  'PriorityQueue tuple element types': {
    py: 'q = queue.PriorityQueue(); q.put((1, "a")); q.put((1, 2))',
    ts: function* () {
      const q = new PriorityQueue<unknown>();
      yield* q.put([1, 'a']);
      yield* q.put([1, 2]);
    },
  },
  'local missing attribute': {
    py: 'threading.local().x',
    ts: function* () {
      new local<{ x: number }>().get('x');
    },
  },
  'local del missing attribute': {
    py: 'del threading.local().x',
    ts: function* () {
      new local<{ x: number }>().delete('x');
    },
  },
  'Thread.start twice': {
    py: 't = threading.Thread(target=lambda: None); t.start(); t.start()',
    ts: function* () {
      const t = new Thread({ target: noop });
      yield* t.start();
      yield* t.start();
    },
  },
  'Thread.join before start': { py: 'threading.Thread().join()', ts: () => new Thread().join() },
  'Thread.join current': { py: 'threading.current_thread().join()', ts: () => current_thread().join() },
  'Thread.daemon after start': {
    py: 't = threading.Thread(target=lambda: None); t.start(); t.daemon = True',
    ts: function* () {
      const t = new Thread({ target: noop });
      yield* t.start();
      t.daemon = true;
    },
  },
  'ThreadPoolExecutor(0)': {
    py: 'cf.ThreadPoolExecutor(0)',
    ts: function* () {
      new ThreadPoolExecutor({ maxWorkers: 0 });
    },
  },
  'submit after shutdown': {
    py: 'e = cf.ThreadPoolExecutor(1); e.shutdown(); e.submit(print)',
    ts: function* () {
      const e = new ThreadPoolExecutor({ maxWorkers: 1 });
      yield* e.shutdown();
      yield* e.submit(noop);
    },
  },
  'Future.result timeout': { py: 'cf.Future().result(0)', ts: () => new Future().result(0) },
  'Future.exception timeout': { py: 'cf.Future().exception(0)', ts: () => new Future().exception(0) },
  'Future.result cancelled': {
    py: 'f = cf.Future(); f.cancel(); f.result()',
    ts: function* () {
      const f = new Future();
      yield* f.cancel();
      yield* f.result();
    },
  },
  'Future.set_result twice': {
    py: 'f = cf.Future(); f.set_result(1); f.set_result(2)',
    ts: function* () {
      const f = new Future<number>();
      yield* f.set_result(1);
      yield* f.set_result(2);
    },
  },
  'as_completed timeout': { py: 'list(cf.as_completed([cf.Future(), cf.Future()], 0))', ts: () => as_completed([new Future(), new Future()], 0).all() },
  'wait bad return_when': { py: 'cf.wait([cf.Future()], 0, return_when="X")', ts: () => wait([new Future()], 0, 'X') },
  'sleep negative': { py: 'time.sleep(-1)', ts: () => sleep(-1) },
  'sleep nan': { py: 'time.sleep(float("nan"))', ts: () => sleep(NaN) },
  'sleep inf': { py: 'time.sleep(float("inf"))', ts: () => sleep(Infinity) },
};

/**
 * Object addresses and thread idents differ between CPython and threadsim
 * (`at 0x7f..` / `at Future#1`, `owner=1403..` / `owner=1000`).
 */
function normalize(line: string): string {
  return line.replace(/ at (0x[0-9a-f]+|[A-Za-z]+#\d+)\b/g, ' at ADDR').replace(/owner=[1-9]\d*/g, 'owner=IDENT');
}

/** Reprs: a Python expression and the threadsim object whose `String()` should print the same. */
const REPRS: Readonly<Record<string, { readonly py: string; readonly ts: () => Steps<unknown> }>> = {
  Lock: { py: 'repr(threading.Lock())', ts: function* () { return new Lock(); } },
  'Lock locked': { py: 'l = threading.Lock(); l.acquire(); result = repr(l)', ts: function* () { const l = new Lock(); yield* l.acquire(); return l; } },
  RLock: { py: 'repr(threading.RLock())', ts: function* () { return new RLock(); } },
  'RLock held twice': { py: 'r = threading.RLock(); r.acquire(); r.acquire(); result = repr(r)', ts: function* () { const r = new RLock(); yield* r.acquire(); yield* r.acquire(); return r; } },
  Condition: { py: 'repr(threading.Condition())', ts: function* () { return new Condition(); } },
  Semaphore: { py: 'repr(threading.Semaphore(2))', ts: function* () { return new Semaphore(2); } },
  BoundedSemaphore: { py: 'b = threading.BoundedSemaphore(2); b.acquire(); result = repr(b)', ts: function* () { const b = new BoundedSemaphore(2); yield* b.acquire(); return b; } },
  'Event set': { py: 'e = threading.Event(); e.set(); result = repr(e)', ts: function* () { const e = new Event(); yield* e.set(); return e; } },
  Barrier: { py: 'repr(threading.Barrier(2))', ts: function* () { return new Barrier(2); } },
  'Barrier broken': { py: 'b = threading.Barrier(2); b.abort(); result = repr(b)', ts: function* () { const b = new Barrier(2); yield* b.abort(); return b; } },
  Queue: { py: 'repr(queue.Queue())', ts: function* () { return new Queue(); } },
  PriorityQueue: { py: 'repr(queue.PriorityQueue())', ts: function* () { return new PriorityQueue(); } },
  'Thread initial': { py: 'repr(threading.Thread(name="w"))', ts: function* () { return new Thread({ name: 'w' }); } },
  'Future finished': { py: 'f = cf.Future(); f.set_result("x"); result = repr(f)', ts: function* () { const f = new Future<string>(); yield* f.set_result('x'); return f; } },
};

function cpythonLines(): Record<string, string> {
  const script = [
    'import json, sys, threading, queue, time, traceback',
    'import concurrent.futures as cf',
    'cases = json.loads(sys.stdin.read())',
    'out = {}',
    'for name, code in cases.items():',
    '    try:',
    '        scope = {"threading": threading, "queue": queue, "time": time, "cf": cf}',
    '        if name.startswith("repr "):',
    '            if code.startswith("repr("):',
    '                out[name] = eval(code, scope)',
    '            else:',
    '                exec(code, scope)',
    '                out[name] = scope["result"]',
    '            continue',
    '        exec(code, scope)',
    '        out[name] = "no error"',
    '    except BaseException as e:',
    '        out[name] = traceback.format_exception_only(type(e), e)[-1].strip()',
    'print(json.dumps(out))',
  ].join('\n');
  const input = JSON.stringify(
    Object.fromEntries([...Object.entries(CASES).map(([k, c]) => [k, c.py]), ...Object.entries(REPRS).map(([k, c]) => [`repr ${k}`, c.py])]),
  );
  return JSON.parse(execFileSync('python3', ['-c', script], { input, encoding: 'utf8', timeout: 30_000 })) as Record<string, string>;
}

function threadsimLine(body: () => Step<unknown>): string {
  let got = 'no error';
  run(function* () {
    try {
      yield* body();
    } catch (e) {
      const d = describeError(e);
      got = exceptionLine(d.type, d.detail);
    }
  });
  return got;
}

describe('misuse messages match CPython 3.11 exactly', () => {
  const python = cpythonLines();
  it('runs against CPython 3.11', () => {
    const version = execFileSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
    expect(version).toBe('3.11');
  });
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      expect(python[name]).not.toBe('no error');
      expect(normalize(threadsimLine(c.ts))).toBe(normalize(python[name]!));
    });
  }
});

describe('reprs match CPython 3.11 (addresses aside)', () => {
  const python = cpythonLines();
  for (const [name, c] of Object.entries(REPRS)) {
    it(name, () => {
      let got = '';
      run(function* () {
        got = String(yield* c.ts());
      });
      expect(normalize(got)).toBe(normalize(python[`repr ${name}`]!));
    });
  }
});
