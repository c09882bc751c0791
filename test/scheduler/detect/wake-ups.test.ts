import { describe, expect, it } from 'vitest';
import { WakeUps } from '../../../src/scheduler/detect/wake-ups.js';
import type { Op } from '../../../src/scheduler/ops.js';

const op = (kind: Op['kind'], value?: unknown): Op => ({ kind, obj: 'cond', access: 'sync', value, run: () => undefined });
const enter = op('wait', 'enter');
const notify = op('notify', 1);

describe('WakeUps', () => {
  it('a notify that wakes a thread which waits again at once, passing over others, is wasted', () => {
    const w = new WakeUps();
    w.onSync(enter, 1, 0, undefined);
    w.onSync(enter, 2, 1, undefined);
    w.onSync(enter, 3, 2, undefined);
    w.onSync(notify, 4, 3, 1);
    expect(w.lastWasted('cond')).toBeUndefined();
    w.onSync(enter, 1, 6, undefined);
    expect(w.lastWasted('cond')).toEqual({ obj: 'cond', notifier: 4, notifyStep: 3, woken: 1, rewaitStep: 6, passedOver: [2, 3] });
  });

  it('a woken thread that notifies before waiting again used its wake-up', () => {
    const w = new WakeUps();
    w.onSync(enter, 1, 0, undefined);
    w.onSync(enter, 2, 1, undefined);
    w.onSync(notify, 3, 2, 1);
    w.onSync(notify, 1, 3, 1);
    w.onSync(enter, 1, 4, undefined);
    expect(w.lastWasted('cond')).toBeUndefined();
  });

  it('notify_all passes nobody over; a lone waiter woken for nothing took no one\'s turn', () => {
    const w = new WakeUps();
    w.onSync(enter, 1, 0, undefined);
    w.onSync(enter, 2, 1, undefined);
    w.onSync(op('notify', 'all'), 3, 2, 2);
    w.onSync(enter, 1, 3, undefined);
    w.onSync(enter, 2, 4, undefined);
    w.onSync(notify, 3, 5, 1);
    w.onSync(enter, 1, 6, undefined);
    // Thread 1 was woken while 2 waited: wasted; thread 2 is the one passed over.
    expect(w.lastWasted('cond')?.passedOver).toEqual([2]);
    const lone = new WakeUps();
    lone.onSync(enter, 1, 0, undefined);
    lone.onSync(notify, 2, 1, 1);
    lone.onSync(enter, 1, 2, undefined);
    expect(lone.lastWasted('cond')).toBeUndefined();
  });

  it('follows the oldest-first order, and a timed-out waiter leaves the line', () => {
    const w = new WakeUps();
    w.onSync(enter, 1, 0, undefined);
    w.onSync(enter, 2, 1, undefined);
    w.onSync(enter, 3, 2, undefined);
    w.onSync(op('wait', 'timed out'), 1, 3, undefined);
    w.onSync(notify, 4, 4, 1);
    w.onSync(enter, 2, 5, undefined);
    expect(w.lastWasted('cond')).toMatchObject({ woken: 2, passedOver: [3] });
  });
});
