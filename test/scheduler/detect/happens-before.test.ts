import { describe, expect, it } from 'vitest';
import { HappensBefore } from '../../../src/scheduler/detect/happens-before.js';
import { Role, roleOf } from '../../../src/scheduler/detect/hb-rules.js';
import type { StepEvent } from '../../../src/scheduler/monitor.js';
import type { Op } from '../../../src/scheduler/ops.js';

function op(kind: Op['kind'], obj: string, extra: Partial<Op> = {}): Op {
  return { kind, obj, access: 'sync', run: () => undefined, ...extra };
}
function ev(thread: number, o: Op, extra: Partial<StepEvent> = {}): StepEvent {
  return { step: 0, time: 0, thread, op: o, result: undefined, raised: undefined, timedOut: false, spawned: -1, state: {}, ...extra };
}
/** True when thread a's current epoch is covered by thread b's clock. */
function ordered(hb: HappensBefore, a: number, b: number, epoch: number): boolean {
  return epoch <= (hb.clock(b)[a] ?? 0);
}

describe('roles from op data', () => {
  it('a failed or timed-out acquire orders nothing; a successful one receives', () => {
    expect(roleOf(op('acquire', 'L'), true, false)).toBe(Role.Receive);
    expect(roleOf(op('acquire', 'L'), false, false)).toBe(Role.None);
    expect(roleOf(op('acquire', 'L'), undefined, true)).toBe(Role.None);
  });
  it('releases send, unknown sync kinds do both', () => {
    expect(roleOf(op('release', 'L'), undefined, false)).toBe(Role.Send);
    expect(roleOf(op('clear', 'E'), undefined, false)).toBe(Role.Both);
  });
});

describe('happens-before edges', () => {
  it('release -> next acquire orders the releaser\'s earlier steps before the acquirer', () => {
    const hb = new HappensBefore();
    hb.clock(1);
    const before = hb.clock(0)[0]!;
    hb.onSync(ev(0, op('release', 'L')));
    expect(ordered(hb, 0, 1, before)).toBe(false);
    hb.onSync(ev(1, op('acquire', 'L'), { result: true }));
    expect(ordered(hb, 0, 1, before)).toBe(true);
    // What thread 0 does after the release is not ordered before thread 1.
    expect(ordered(hb, 0, 1, hb.clock(0)[0]!)).toBe(false);
  });

  it('start hands the parent\'s clock to the child; join takes the child\'s back', () => {
    const hb = new HappensBefore();
    const parentBefore = hb.clock(0)[0]!;
    hb.onSync(ev(0, op('spawn', 'T'), { spawned: 1 }));
    expect(ordered(hb, 0, 1, parentBefore)).toBe(true);
    const childEpoch = hb.clock(1)[1]!;
    expect(ordered(hb, 1, 0, childEpoch)).toBe(false);
    hb.onSync(ev(0, op('join', 'T', { thread: 1 })));
    expect(ordered(hb, 1, 0, childEpoch)).toBe(true);
  });

  it('a timed-out join takes nothing', () => {
    const hb = new HappensBefore();
    hb.onSync(ev(0, op('spawn', 'T'), { spawned: 1 }));
    const childEpoch = hb.clock(1)[1]!;
    hb.onSync(ev(0, op('join', 'T', { thread: 1 }), { timedOut: true }));
    expect(ordered(hb, 1, 0, childEpoch)).toBe(false);
  });

  it('a get takes in only the put of the item it returns', () => {
    const hb = new HappensBefore();
    hb.clock(1);
    hb.clock(2);
    const e0 = hb.clock(0)[0]!;
    hb.onSync(ev(0, op('put', 'Q', { value: 'a' })));
    const e1 = hb.clock(1)[1]!;
    hb.onSync(ev(1, op('put', 'Q', { value: 'b' })));
    hb.onSync(ev(2, op('get', 'Q'), { result: 'b' }));
    expect(ordered(hb, 1, 2, e1)).toBe(true);
    expect(ordered(hb, 0, 2, e0)).toBe(false);
  });

  it('a send by an op over several objects (objs) reaches receives on each of them', () => {
    const hb = new HappensBefore();
    hb.clock(1);
    const e0 = hb.clock(0)[0]!;
    hb.onSync(ev(0, op('submit', 'Pool', { objs: ['Pool work queue'] })));
    hb.onSync(ev(1, op('get', 'Pool work queue'), { result: {} }));
    expect(ordered(hb, 0, 1, e0)).toBe(true);
  });
});
