import { describe, expect, it } from 'vitest';
import { SystemExit, ValueError } from '../../src/models/exceptions.js';
import { log } from '../../src/models/logging.js';
import { active_count, current_thread, enumerate, get_ident, main_thread, set_excepthook, Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { Timer } from '../../src/models/timer.js';
import { lines, raised, run } from './helpers.js';

function* noop() {}

// Messages: CPython 3.11 (start twice, join before start, join itself, daemon after start).
describe('Thread messages', () => {
  it('start() twice', () => {
    expect(raised(function* () {
      const t = new Thread({ target: noop });
      yield* t.start();
      yield* t.start();
    })).toBe('RuntimeError: threads can only be started once');
  });
  it('join() before start()', () => {
    expect(raised(() => new Thread({ target: noop }).join())).toBe('RuntimeError: cannot join thread before it is started');
  });
  it('joining the current thread', () => {
    expect(raised(() => current_thread().join())).toBe('RuntimeError: cannot join current thread');
  });
  it('setting daemon after start', () => {
    expect(raised(function* () {
      const t = new Thread({ target: noop });
      yield* t.start();
      t.daemon = true;
    })).toBe('RuntimeError: cannot set daemon status of active thread');
  });
});

// Behaviour: CPython 3.11 runs of the same scenarios (see the report).
describe('Thread behaviour', () => {
  it('names Thread-N (target), the counter skipping explicitly named threads; Timer shares it', () => {
    const r0 = run(function* () {
      const a = new Thread({ target: noop });
      const b = new Thread({ name: 'x' });
      const c = new Thread();
      const d = new Timer(1, noop);
      yield* log(`${a.name}|${b.name}|${c.name}|${String(d)}|${main_thread().name}`);
    });
    expect(lines(r0)).toEqual(['Thread-1 (noop)|x|Thread-2|<Timer(Thread-3, initial)>|MainThread']);
  });

  it('daemon=None inherits the creating thread\'s flag', () => {
    const r0 = run(function* () {
      const seen: string[] = [];
      const parent = new Thread({
        daemon: true,
        target: function* parent() {
          const child = new Thread({ target: function* child() { seen.push(`child daemon ${current_thread().daemon}`); } });
          yield* child.start();
          yield* child.join();
        },
      });
      yield* parent.start();
      yield* parent.join();
      yield* log(`${seen.join('')} | main-made ${new Thread().daemon}`);
    });
    expect(lines(r0)).toEqual(['child daemon true | main-made false']);
  });

  it('join(timeout) returns None while the thread runs on; is_alive tells; enumerate lists live threads', () => {
    const r0 = run(function* () {
      const t = new Thread({ target: function* sleeper() { yield* sleep(0.2); } });
      const before = `${String(t)} ${t.ident} ${t.is_alive()}`;
      yield* t.start();
      const j = yield* t.join(0.01);
      yield* log(`${before} | ${j} ${t.is_alive()} ${active_count()} ${enumerate().map((x) => x.name).join(',')}`);
      yield* t.join();
      yield* log(`${t.is_alive()} ${active_count()} ${String(t).startsWith('<Thread(Thread-1 (sleeper), stopped ')}`);
    });
    expect(lines(r0)).toEqual([
      '<Thread(Thread-1 (sleeper), initial)> null false | undefined true 2 MainThread,Thread-1 (sleeper)',
      'false 1 true',
    ]);
  });

  it('ident and get_ident agree and differ between threads; current_thread is the Thread object', () => {
    const r0 = run(function* () {
      let inside = '';
      const t = new Thread({
        target: function* w() {
          inside = `${get_ident() === t.ident} ${current_thread() === t}`;
        },
      });
      yield* t.start();
      yield* t.join();
      yield* log(`${inside} ${get_ident() === main_thread().ident} ${t.ident !== main_thread().ident} ${current_thread() === main_thread()}`);
    });
    expect(lines(r0)).toEqual(['true true true true true']);
  });

  it('an uncaught exception is printed excepthook-style; other threads and main go on', () => {
    const r0 = run(function* () {
      const t = new Thread({
        target: function* boom(n: number) {
          yield* sleep(0);
          throw new ValueError(`bad ${n}`);
        },
        args: [1],
      });
      yield* t.start();
      yield* t.join();
      yield* log('main goes on');
    });
    expect(lines(r0)).toEqual(['Exception in thread Thread-1 (boom):', 'Traceback (most recent call last):', 'ValueError: bad 1', 'main goes on']);
    expect(r0.failures.map((f) => f.kind)).toEqual(['exception']);
  });

  it('SystemExit in a thread is silent', () => {
    const r0 = run(function* () {
      const t = new Thread({
        target: function* quit() {
          yield* sleep(0);
          throw new SystemExit('3');
        },
      });
      yield* t.start();
      yield* t.join();
      yield* log('after');
    });
    expect(lines(r0)).toEqual(['after']);
    expect(r0.failures).toEqual([]);
  });

  it('a custom excepthook runs in the dying thread instead of the default report', () => {
    // CPython: threading.excepthook = hook prints "hook ValueError bad Thread-1 (boom) Thread-1 (boom)".
    const r0 = run(function* () {
      set_excepthook(function* (args) {
        yield* log(`hook ${args.exc_type} ${(args.exc_value as Error).message} ${args.thread.name} ${current_thread().name}`);
      });
      const t = new Thread({
        target: function* boom() {
          yield* sleep(0);
          throw new ValueError('bad');
        },
      });
      yield* t.start();
      yield* t.join();
      yield* log('after');
    });
    expect(lines(r0)).toEqual(['hook ValueError bad Thread-1 (boom) Thread-1 (boom)', 'after']);
    expect(r0.failures).toEqual([]);
  });

  it('a custom excepthook also runs when the target raises before its first step', () => {
    // The target's code up to its first yield runs inside start(): the hook still runs as the dying thread.
    const r0 = run(function* () {
      set_excepthook(function* (args) {
        yield* log(`hook ${args.exc_type} in ${current_thread().name}`);
        yield* log('hook done');
      });
      const t = new Thread({
        target: function* early() {
          throw new ValueError('at once');
          yield* sleep(0);
        },
      });
      yield* t.start();
      yield* t.join();
      yield* log(`after ${t.is_alive()}`);
    });
    expect(lines(r0)).toEqual(['hook ValueError in Thread-1 (early)', 'hook done', 'after false']);
    expect(r0.output.map((l) => l.thread)).toEqual(['Thread-1 (early)', 'Thread-1 (early)', 'MainThread']);
    expect(r0.failures).toEqual([]);
    expect(r0.results[1]).toBeUndefined();
  });

  it('an excepthook that raises is reported once, as CPython reports a hook\'s exception', () => {
    let calls = 0;
    const r0 = run(function* () {
      set_excepthook(function* () {
        calls++;
        yield* log('hook starts');
        throw new ValueError('hook failed');
      });
      const t = new Thread({
        target: function* boom() {
          yield* sleep(0);
          throw new ValueError('bad');
        },
      });
      yield* t.start();
      yield* t.join();
      yield* log('after');
    });
    expect(calls).toBe(1);
    // CPython 3.11: "Exception in threading.excepthook:", then the hook's traceback.
    expect(lines(r0)).toEqual(['hook starts', 'Exception in threading.excepthook:', 'Traceback (most recent call last):', 'ValueError: hook failed', 'after']);
    expect(r0.failures).toMatchObject([{ kind: 'exception', thread: 'Thread-1 (boom)', type: 'ValueError', detail: 'hook failed', message: "uncaught ValueError in Thread-1 (boom)'s threading.excepthook: hook failed" }]);
  });

  it('a plain-function excepthook runs at once; SystemExit never reaches the hook', () => {
    const seen: string[] = [];
    const r0 = run(function* () {
      set_excepthook((args) => {
        seen.push(`${args.exc_type} ${args.thread.name}`);
      });
      const boom = new Thread({
        name: 'boom',
        target: function* () {
          yield* sleep(0);
          throw new ValueError('bad');
        },
      });
      const quit = new Thread({
        name: 'quit',
        target: function* () {
          yield* sleep(0);
          throw new SystemExit('0');
        },
      });
      yield* boom.start();
      yield* quit.start();
      yield* boom.join();
      yield* quit.join();
      yield* log('after');
    });
    expect(seen).toEqual(['ValueError boom']);
    expect(lines(r0)).toEqual(['after']);
    expect(r0.failures).toEqual([]);
  });

  it('a Timer (which overrides run()) goes through the excepthook too', () => {
    const r0 = run(function* () {
      set_excepthook(function* (args) {
        yield* log(`hook ${args.exc_type} ${args.thread.name}`);
      });
      const t = new Timer(0.1, function* fire() {
        yield* sleep(0);
        throw new ValueError('late');
      });
      yield* t.start();
      yield* t.join();
    });
    expect(lines(r0)).toEqual(['hook ValueError Thread-1']);
    expect(r0.failures).toEqual([]);
  });
});
