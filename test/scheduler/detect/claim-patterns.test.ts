/**
 * Patterns behind false claims and swallowed exceptions, on small programs: a daemon dropped
 * before its write (order violation), a timeout that fired (timing assumption), a future's
 * exception nobody read (swallowed exception).
 */
import { describe, expect, it } from 'vitest';
import { Event, Future, Lock, logging, shared, sleep, Thread, ThreadPoolExecutor, ValueError } from '../../../src/models/index.js';
import { RaceMonitor } from '../../../src/scheduler/detect/index.js';
import { execute, type ExecutionResult } from '../../../src/scheduler/execution.js';
import type { ClaimFailure } from '../../../src/scheduler/failures.js';
import { GilPolicy } from '../../../src/scheduler/policies/index.js';
import { program, type Program, type Steps } from '../../../src/index.js';
import { runChoices } from '../../../src/check/run-choices.js';
import { builtin } from '../../../src/examples/index.js';

const run = (p: Program, detect = true): ExecutionResult => execute(p, { policy: new GilPolicy(), seed: 0, ...(detect ? { monitor: new RaceMonitor() } : {}) });
const claim = (r: ExecutionResult): ClaimFailure | undefined => r.failures.find((f): f is ClaimFailure => f.kind === 'claim');

/** A daemon that sleeps, then writes `box.done` and logs; main ends at once. */
function daemonProgram(location: 'done' | 'other'): Program {
  return program(
    'daemon',
    function* () {
      const box = shared('box', { done: false, other: 0 });
      const t = new Thread({
        target: function* saver() {
          yield* sleep(2);
          yield* logging.info('saver: writing');
          if (location === 'done') yield* box.set('done', true);
          else yield* box.set('other', 1);
        },
        daemon: true,
      });
      yield* t.start();
    },
    { claims: { 'box is done': (s) => s.box?.done === true } },
  );
}

describe('order violation: a daemon dropped before its write', () => {
  it('names the write the claim missed, from a run that waits for the daemon', () => {
    const r = run(daemonProgram('done'));
    const c = claim(r);
    expect(c?.pattern).toBe('order violation');
    expect(c?.message).toBe("claim 'box is done' is false (order violation): final state: box.done = false, box.other = 0");
    expect(c?.cause).toContain('Thread-1 (saver) is a daemon thread and was still running when the program ended');
    expect(c?.cause).toContain('Had the program waited for it, it would have written box.done = True at 2.000 s and the claim would hold');
  });

  it('leaves the run as Python ends it: no later output, steps or state', () => {
    const detected = run(daemonProgram('done'));
    const plain = run(daemonProgram('done'), false);
    expect(detected.output).toEqual(plain.output);
    expect(detected.output.map((l) => l.text)).not.toContain('saver: writing');
    expect(detected.steps).toBe(plain.steps);
    expect(detected.schedule).toEqual(plain.schedule);
    expect(detected.time).toBe(plain.time);
    expect(detected.state).toEqual({ box: { done: false, other: 0 } });
    expect(detected.failures.map((f) => f.kind)).toEqual(['claim']);
  });

  it('leaves the policy that made the run alone: what it recorded is of the reported run', () => {
    // zoo/barrier-timeout: the what-if run without timeouts takes other steps than this one.
    const barrier = builtin('zoo/barrier-timeout')!;
    const choices = [1, 0, 1, 1, 0, 1];
    const plain = runChoices(barrier, choices);
    const watched = runChoices(barrier, choices, { monitor: () => new RaceMonitor() });
    expect(claim(watched.execution)?.pattern).toBe('timing assumption');
    expect(watched.points).toEqual(plain.points);
    expect(watched.preemptions).toBe(plain.preemptions);
    expect(watched.execution.schedule).toEqual(plain.execution.schedule);
  });

  it('does not blame a daemon whose later writes the claim does not read', () => {
    expect(claim(run(daemonProgram('other')))?.pattern).toBeUndefined();
  });

  it('names the dropped saver even when another daemon runs for ever', () => {
    const p = program(
      'saver-and-heartbeat',
      function* () {
        const s = shared('s', { beats: 0, saved: false });
        function* heartbeat(): Steps<void> {
          for (;;) {
            yield* s.set('beats', (yield* s.get('beats')) + 1);
            yield* sleep(0.01);
          }
        }
        function* saver(): Steps<void> {
          yield* sleep(0.5);
          yield* s.set('saved', true);
        }
        yield* new Thread({ target: heartbeat, daemon: true }).start();
        yield* new Thread({ target: saver, daemon: true }).start();
      },
      { claims: { saved: (st) => st.s?.saved === true } },
    );
    const c = claim(run(p));
    expect(c?.pattern).toBe('order violation');
    expect(c?.cause).toMatch(/^Thread-2 \(saver\) is a daemon thread .* it would have written s\.saved = True at 0\.5\d\d s and the claim would hold/);
  });

  it('does not blame a daemon whose writes would not make the claim hold', () => {
    // A heartbeat daemon writes `beats` for ever; the claim reads it but is false because of `total`.
    const p = program(
      'beat',
      function* () {
        const s = shared('s', { beats: 0, total: 0 });
        function* heartbeat(): Steps<void> {
          for (;;) {
            yield* s.set('beats', (yield* s.get('beats')) + 1);
            yield* sleep(0.001);
          }
        }
        yield* new Thread({ target: heartbeat, daemon: true }).start();
        yield* s.set('total', 1);
      },
      { claims: { 'total is 2': (st) => (st.s?.beats as number) >= 0 && st.s?.total === 2 } },
    );
    const c = claim(run(p));
    expect(c?.reads).toEqual(['s.beats', 's.total']);
    expect(c?.pattern).toBeUndefined();
  });
});

describe('timing assumption: a timeout fired', () => {
  /** A worker gives up on a lock main holds for 1 s; the claim wants the worker's write. */
  function impatient(): Program {
    return program(
      'impatient',
      function* () {
        const box = shared('box', { got: false });
        const lock = new Lock({ name: 'L' });
        yield* lock.acquire();
        const t = new Thread({
          target: function* worker(): Steps<void> {
            if (yield* lock.acquire(true, 0.25)) yield* box.set('got', true);
          },
        });
        yield* t.start();
        yield* sleep(1);
        yield* lock.release();
        yield* t.join();
      },
      { claims: { 'the worker got the lock': (s) => s.box?.got === true } },
    );
  }

  it('names the op that gave up, its timeout, and the release that came later', () => {
    const c = claim(run(impatient()));
    expect(c?.pattern).toBe('timing assumption');
    expect(c?.cause).toMatch(/^Thread-1 \(worker\)'s acquire on L gave up after its 0\.25 s timeout, at 0\.25\d s \(step \d+\)\. MainThread's release on L came only at 1\.\d{3} s/);
  });

  it('is not claimed for a timeout the false claim does not depend on', () => {
    // A heartbeat polls an Event with a timeout (the usual idiom); the claim fails because a
    // withdrawal reads and writes the balance in two critical sections.
    const p = program(
      'heartbeat',
      function* () {
        const acct = shared('acct', { balance: 100 });
        const lock = new Lock({ name: 'L' });
        const stop = new Event();
        function* heartbeat(): Steps<void> {
          while (!(yield* stop.wait(0.05))) {
            // tick
          }
        }
        function* withdraw(n: number): Steps<void> {
          let b = 0;
          yield* lock.with(function* () {
            b = yield* acct.get('balance');
          });
          yield* sleep(0.1);
          yield* lock.with(function* () {
            yield* acct.set('balance', b - n);
          });
        }
        const hb = new Thread({ target: heartbeat });
        yield* hb.start();
        const ws = [30, 20].map((n) => new Thread({ target: withdraw, args: [n] as [number] }));
        for (const t of ws) yield* t.start();
        for (const t of ws) yield* t.join();
        yield* stop.set();
        yield* hb.join();
      },
      { claims: { 'both count': (s) => s.acct?.balance === 50 } },
    );
    const r = run(p);
    expect(r.failures.map((f) => f.kind)).toEqual(['claim']);
    expect(claim(r)?.pattern).toBeUndefined();
  });

  it('is not claimed when a data race touches what the claim reads', () => {
    const p = program(
      'racy-and-timed',
      function* () {
        const box = shared('box', { n: 0 });
        const lock = new Lock();
        yield* lock.acquire();
        function* bump(): Steps<void> {
          yield* lock.acquire(true, 0);
          const v = yield* box.get('n');
          yield* box.set('n', v + 1);
        }
        const ts = [new Thread({ target: bump }), new Thread({ target: bump })];
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
      { claims: { 'n is 3': (s) => s.box?.n === 3 } },
    );
    const r = run(p);
    expect(r.failures.some((f) => f.kind === 'race' && f.location === 'box.n')).toBe(true);
    expect(claim(r)?.pattern).toBeUndefined();
  });
});

describe('swallowed exception: a future whose exception nobody read', () => {
  function futures(read: 'none' | 'result' | 'exception' | 'map'): Program {
    return program('futures', function* () {
      function* parse(text: string): Steps<number> {
        if (text === 'x') throw new ValueError(`bad ${text}`);
        return 1;
      }
      yield* ThreadPoolExecutor.with({ maxWorkers: 1 }, function* (ex) {
        if (read === 'map') {
          const results = yield* ex.map(parse as (...a: never[]) => Steps<number>, ['1', 'x']);
          try {
            yield* results.all();
          } catch (e) {
            if (!(e instanceof ValueError)) throw e;
          }
          return;
        }
        const f = yield* ex.submit(parse, 'x');
        if (read === 'result') {
          try {
            yield* f.result();
          } catch (e) {
            if (!(e instanceof ValueError)) throw e;
          }
        } else if (read === 'exception') {
          yield* f.exception();
        }
      });
      const hand = new Future<number>();
      yield* hand.set_exception(new ValueError('by hand'));
      if (read !== 'none') yield* hand.exception();
    });
  }

  it('reports each unread exception with the task, the error and the worker', () => {
    const r = run(futures('none'));
    expect(r.failures.map((f) => f.kind)).toEqual(['unread-exception', 'unread-exception']);
    const [task, hand] = r.failures;
    expect(task).toMatchObject({ pattern: 'swallowed exception', future: 'Future#1', error: 'ValueError: bad x', thread: 'ThreadPoolExecutor-0_0' });
    expect(task?.message).toMatch(/^swallowed exception: the task parse\('x'\) \(Future#1\) raised ValueError: bad x in ThreadPoolExecutor-0_0 at step \d+, and no thread called result\(\) or exception\(\) on Future#1/);
    expect(hand).toMatchObject({ future: 'Future#2', error: 'ValueError: by hand', thread: 'MainThread' });
    expect(hand?.message).toMatch(/^swallowed exception: Future#2 was given ValueError: by hand by MainThread's set_exception\(\) at step \d+, and no thread called result\(\) or exception\(\) on Future#2, so the error vanished without a word\. Read the future \(result\(\) re-raises its exception\)\.$/);
  });

  for (const read of ['result', 'exception', 'map'] as const) {
    it(`reports nothing when the program reads them (${read})`, () => {
      expect(run(futures(read)).failures).toEqual([]);
    });
  }

  it('counts a done-callback handed the failed future as seeing its exception, before or after completion', () => {
    for (const when of ['before', 'after'] as const) {
      const seen: string[] = [];
      const p = program('callback', function* () {
        const f = new Future<number>();
        const note = (done: Future<number>): void => {
          seen.push(String(done));
        };
        if (when === 'before') f.add_done_callback(note);
        yield* f.set_exception(new ValueError('late'));
        if (when === 'after') f.add_done_callback(note);
        const g = new Future<number>();
        yield* g.set_exception(new ValueError('never seen'));
      });
      const r = run(p);
      expect(seen).toEqual(['<Future at Future#1 state=finished raised ValueError>']);
      expect(r.failures.map((f) => (f.kind === 'unread-exception' ? f.future : f.kind))).toEqual(['Future#2']);
    }
  });

  it('reports nothing without race detection', () => {
    expect(run(futures('none'), false).failures).toEqual([]);
  });
});
