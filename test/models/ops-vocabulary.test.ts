/**
 * Race detection and DPOR read ops only: every op a model emits for a synchronisation object
 * must say `access: 'sync'` and name the object as traces do. This runs a program that uses
 * every model and checks each step's op.
 */
import { describe, expect, it } from 'vitest';
import { as_completed } from '../../src/models/as-completed.js';
import { Barrier } from '../../src/models/barrier.js';
import { BoundedSemaphore } from '../../src/models/bounded-semaphore.js';
import { Condition } from '../../src/models/condition.js';
import { Event } from '../../src/models/event.js';
import { ThreadPoolExecutor } from '../../src/models/executor.js';
import { wait } from '../../src/models/futures-wait.js';
import { LifoQueue } from '../../src/models/lifo-queue.js';
import { Lock } from '../../src/models/lock.js';
import { log } from '../../src/models/logging.js';
import { PriorityQueue } from '../../src/models/priority-queue.js';
import { Queue } from '../../src/models/queue.js';
import { RLock } from '../../src/models/rlock.js';
import { Semaphore } from '../../src/models/semaphore.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { Timer } from '../../src/models/timer.js';
import { execute } from '../../src/scheduler/execution.js';
import type { StepEvent } from '../../src/scheduler/monitor.js';
import type { Op } from '../../src/scheduler/ops.js';
import { policyByName } from '../../src/scheduler/policies/index.js';
import { program } from '../../src/scheduler/program.js';

const everything = program('every-model', function* main() {
  const lock = new Lock();
  const rlock = new RLock();
  const cond = new Condition();
  const sem = new Semaphore(1);
  const bsem = new BoundedSemaphore(1);
  const ev = new Event();
  const bar = new Barrier(2);
  const q = new Queue<number>(1);
  const lq = new LifoQueue<number>();
  const pq = new PriorityQueue<number>();
  const worker = new Thread({
    target: function* worker() {
      yield* lock.with(() => sleep(0.01));
      yield* rlock.with(() => rlock.with(() => sleep(0)));
      yield* cond.with(() => cond.wait(0.5));
      yield* sem.with(() => sleep(0));
      yield* bsem.with(() => sleep(0));
      yield* ev.wait();
      yield* bar.wait();
      yield* q.put(yield* lq.get());
      yield* q.task_done();
    },
  });
  yield* worker.start();
  yield* lock.with(() => sleep(0.01));
  yield* sleep(0.1);
  yield* cond.with(() => cond.notify_all());
  yield* sem.with(() => sleep(0));
  yield* ev.set();
  yield* ev.is_set();
  yield* bar.wait();
  yield* lq.put(1);
  yield* pq.put(2);
  yield* pq.get();
  yield* q.get();
  yield* q.join();
  yield* q.qsize();
  yield* bar.n_waiting();
  yield* bar.broken();
  yield* worker.join();
  yield* ev.clear();
  yield* new Timer(0.01, function* t() {}).start();
  yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
    const fs = [yield* ex.submit(function* a() { yield* sleep(0.01); return 1; }), yield* ex.submit(function* b() { return 2; })];
    yield* wait(fs);
    for (const f of yield* as_completed(fs).all()) yield* f.result();
    yield* (yield* ex.map(function* c(x: number) { return x; }, [1, 2])).all();
  });
  yield* log('end');
});

const SYNC_OBJECT = /^(Lock|RLock|Condition|Semaphore|BoundedSemaphore|Event|Barrier|Queue|LifoQueue|PriorityQueue|Future)#\d+$|^Thread-\d+( \(.+\))?(\.finished)?$|^ThreadPoolExecutor-\d+(_\d+| idle workers)?$|^concurrent\.futures$/;

describe('ops of the models', () => {
  it('every step on a synchronisation object is sync and names it', () => {
    const ops: Op[] = [];
    const monitor = { onStep: (ev: StepEvent) => void ops.push(ev.op) };
    const r = execute(everything, { policy: policyByName('random'), seed: 1, monitor });
    expect(r.failures.map((f) => f.message)).toEqual([]);
    expect(r.ending).toBe('complete');
    const kinds = new Set<string>();
    for (const op of ops) {
      if (op.kind === 'log' || op.kind === 'sleep' || op.kind === 'exit') {
        expect(op.access).toBe('none');
        continue;
      }
      kinds.add(op.kind);
      expect({ kind: op.kind, access: op.access }).toEqual({ kind: op.kind, access: 'sync' });
      for (const obj of [op.obj, ...(op.objs ?? [])]) expect(obj).toMatch(SYNC_OBJECT);
    }
    for (const k of ['acquire', 'release', 'wait', 'notify', 'put', 'get', 'set', 'clear', 'read', 'spawn', 'join', 'submit', 'result', 'shutdown']) expect(kinds).toContain(k);
  });

  it('queue puts carry the item in value', () => {
    const ops: Op[] = [];
    execute(everything, { policy: policyByName('fifo'), seed: 0, monitor: { onStep: (ev) => void ops.push(ev.op) } });
    const puts = ops.filter((o) => o.kind === 'put' && /Queue#/.test(o.obj ?? ''));
    expect(puts.map((o) => [o.obj, o.value])).toEqual([
      ['LifoQueue#1', 1],
      ['PriorityQueue#1', 2],
      ['Queue#1', 1],
    ]);
  });
});
