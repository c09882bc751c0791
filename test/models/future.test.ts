import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/scheduler/exception-line.js';
import { ValueError } from '../../src/models/exceptions.js';
import { Future } from '../../src/models/future.js';
import { log } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { sleep } from '../../src/models/time.js';
import { lines, outcomes, raised, run } from './helpers.js';

// Messages, types and reprs: CPython 3.11 (see the report).
describe('Future messages', () => {
  it('result(timeout) on a pending future raises TimeoutError', () => {
    expect(raised(() => new Future().result(0))).toBe('TimeoutError: ');
  });
  it('exception(timeout) on a pending future raises TimeoutError', () => {
    expect(raised(() => new Future().exception(0.1))).toBe('TimeoutError: ');
  });
  it('result() of a cancelled future', () => {
    expect(raised(function* () {
      const f = new Future();
      yield* f.cancel();
      yield* f.result();
    })).toBe('concurrent.futures._base.CancelledError: ');
  });
  it('exception() of a cancelled future', () => {
    expect(raised(function* () {
      const f = new Future();
      yield* f.cancel();
      yield* f.exception();
    })).toBe('concurrent.futures._base.CancelledError: ');
  });
  it('set_result on a finished future', () => {
    expect(raised(function* () {
      const f = new Future<number>();
      yield* f.set_result(1);
      yield* f.set_result(2);
    })).toBe('concurrent.futures._base.InvalidStateError: FINISHED: <Future at Future#1 state=finished returned int>');
  });
  it('set_result on a cancelled future', () => {
    expect(raised(function* () {
      const f = new Future<number>();
      yield* f.cancel();
      yield* f.set_result(2);
    })).toBe('concurrent.futures._base.InvalidStateError: CANCELLED: <Future at Future#1 state=cancelled>');
  });
});

describe('Future behaviour', () => {
  it('repr by state', () => {
    const r0 = run(function* () {
      const a = new Future<number>();
      const b = new Future<undefined>();
      const c = new Future();
      const before = String(a);
      yield* a.set_result(1);
      yield* b.set_result(undefined);
      yield* c.set_exception(new ValueError('x'));
      yield* log([before, String(a), String(b), String(c)].join(' | '));
    });
    expect(lines(r0)).toEqual([
      '<Future at Future#1 state=pending> | <Future at Future#1 state=finished returned int> | <Future at Future#2 state=finished returned NoneType> | <Future at Future#3 state=finished raised ValueError>',
    ]);
  });

  it('result waits for completion; exception() returns the error; result() re-raises it', () => {
    const r0 = run(function* () {
      const f = new Future<number>();
      const g = new Future<number>();
      const t = new Thread({
        target: function* completer() {
          yield* sleep(0.1);
          yield* f.set_result(42);
          yield* g.set_exception(new ValueError('bad'));
        },
      });
      yield* t.start();
      const v = yield* f.result();
      const e = yield* g.exception();
      let re = '';
      try {
        yield* g.result();
      } catch (x) {
        re = describeError(x).detail;
      }
      yield* log(`${v} ${describeError(e).type} ${re} ${String(yield* f.exception())}`);
    });
    expect(lines(r0)).toEqual(['42 ValueError bad undefined']);
  });

  it('cancel works only while pending; done/running/cancelled report the state', () => {
    const r0 = run(function* () {
      const f = new Future<number>();
      const first = yield* f.cancel();
      const again = yield* f.cancel();
      const g = new Future<number>();
      g.setRunningOrNotifyCancel();
      const running = g.running();
      const late = yield* g.cancel();
      yield* log(`${first} ${again} ${f.cancelled()} ${f.done()} ${running} ${late} ${g.done()}`);
    });
    expect(lines(r0)).toEqual(['true true true true true false false']);
  });

  it('done callbacks run on completion, or at once when already done', () => {
    const r0 = run(function* () {
      const f = new Future<number>();
      const got: string[] = [];
      f.add_done_callback((x) => void got.push(`cb ${x.done()}`));
      yield* f.set_result(5);
      f.add_done_callback(() => void got.push('late'));
      yield* log(got.join(', '));
    });
    expect(lines(r0)).toEqual(['cb true, late']);
  });

  it('an exception in a callback is logged, not raised', () => {
    const r0 = run(function* () {
      const f = new Future<number>();
      f.add_done_callback(() => {
        throw new ValueError('cb');
      });
      yield* f.set_result(1);
      yield* log('goes on');
    });
    expect(lines(r0)).toEqual([
      'exception calling callback for <Future at Future#1 state=finished returned int>',
      'Traceback (most recent call last):',
      'ValueError: cb',
      'goes on',
    ]);
  });

  it('a result(timeout) racing the completion can end either way', () => {
    const seen = outcomes(function* () {
      const f = new Future<number>();
      const t = new Thread({ target: function* completer() { yield* f.set_result(1); } });
      yield* t.start();
      try {
        yield* log(`got ${yield* f.result(1)}`);
      } catch (e) {
        yield* log(describeError(e).type);
      }
    }, 200, { untimed: true });
    expect(seen).toEqual(new Set(['got 1', 'TimeoutError']));
  });
});
