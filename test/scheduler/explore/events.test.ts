import { describe, expect, it } from 'vitest';
import { EventCache, eventOf, eventOfExtra } from '../../../src/scheduler/explore/events.js';
import type { Op } from '../../../src/scheduler/ops.js';
import { AvailabilityTracker } from '../../../src/scheduler/explore/availability.js';

function op(fields: Partial<Op>): Op {
  return { kind: 'read', obj: 's.x', access: 'read', run: () => undefined, ...fields } as Op;
}

describe('EventCache', () => {
  it('hands out one summary for the same step in two executions, equal to eventOf', () => {
    const cache = new EventCache();
    const a = cache.of(1, op({}), -1);
    const b = cache.of(1, op({}), -1);
    expect(b).toBe(a);
    expect(a).toEqual(eventOf(1, op({}), -1));
  });

  it('tells apart every field a summary holds', () => {
    const cache = new EventCache();
    const base = cache.of(1, op({}), -1);
    const variants = [
      cache.of(2, op({}), -1),
      cache.of(1, op({ kind: 'write', access: 'write' }), -1),
      cache.of(1, op({ obj: 's.y' }), -1),
      cache.of(1, op({}), 3),
      cache.of(1, op({ glued: true }), -1),
      cache.of(1, op({ kind: 'acquire', access: 'sync', exclusive: true, enabled: () => true }), -1),
      cache.of(1, op({ kind: 'acquire', access: 'sync', exclusive: true, enabled: () => true, timeout: 5 }), -1),
      cache.of(1, op({ kind: 'join', thread: 2 }), -1),
    ];
    for (const v of variants) expect(v).not.toBe(base);
    // The blocking acquire with and without a timeout differ only in `take`.
    expect(variants[5]!.take).toBe(true);
    expect(variants[6]!.take).toBe(false);
    expect(variants[6]).not.toBe(variants[5]);
  });

  it('shares summaries whose availability is a shared value, and tells those values apart', () => {
    const cache = new EventCache();
    const tracker = new AvailabilityTracker();
    const acquire = (): Op => op({ kind: 'acquire', obj: 'lock', access: 'sync', exclusive: true, enabled: () => true });
    const release = (): Op => op({ kind: 'release', obj: 'lock', access: 'sync', exclusive: true });
    const free = tracker.step(1, acquire(), true, false);
    const heldBy1 = tracker.step(2, acquire(), true, false);
    tracker.step(1, release(), undefined, false);
    tracker.reset();
    const free2 = tracker.step(1, acquire(), true, false);
    const heldBy1again = tracker.step(2, acquire(), true, false);
    expect(free2).toBe(free);
    expect(heldBy1again).toBe(heldBy1);
    expect(heldBy1).toEqual({ heldBy: 1, available: 0 });
    const a = cache.of(2, acquire(), -1, heldBy1);
    expect(cache.of(2, acquire(), -1, heldBy1again)).toBe(a);
    expect(cache.of(2, acquire(), -1, free)).not.toBe(a);
    expect(a.before).toEqual({ heldBy: 1, available: 0 });
  });

  it('does not share summaries that carry an availability made elsewhere, or the clock', () => {
    const cache = new EventCache();
    const a = cache.of(1, op({}), -1, { heldBy: 2, available: 0 });
    const b = cache.of(1, op({}), -1, { heldBy: 2, available: 0 });
    expect(b).not.toBe(a);
    expect(b.before).toEqual({ heldBy: 2, available: 0 });
    const c = cache.of(1, op({}), -1, undefined, 2);
    expect(c.timed).toBe(2);
    expect(cache.of(1, op({}), -1).timed).toBe(0);
  });
});

describe('eventOfExtra', () => {
  it('keeps what an op holds on its prototype (one-step ops), adding the objects its code touched', () => {
    // A one-step op keeps kind, access, exclusive and enabled on its prototype, as lock-ops.ts does.
    const proto = { kind: 'acquire', access: 'sync', exclusive: true, enabled: () => true, run: () => true };
    const acquire = Object.assign(Object.create(proto) as Op, { obj: 'Lock#1', timeout: undefined });
    const e = eventOfExtra(1, acquire, -1, { objs: ['p.x'], write: false, output: false }, { orderOutput: false, daemon: () => false });
    expect(e).toEqual({ ...eventOf(1, acquire, -1), objs: ['p.x'] });
    expect([e.kind, e.access, e.blocking, e.take]).toEqual(['acquire', 'sync', true, true]);
  });
});
