/**
 * The happens-before relation of one execution, built step by step from ops with vector
 * clocks (see `hb-rules.ts` for which op does what).
 *
 * Invariants:
 * - `clocks[t][t]` is thread t's current epoch; it is bumped after every step of t that
 *   publishes its clock (a send, a start), so accesses made after a send are not covered by
 *   what the send published;
 * - `published.get(o)` is the join of the clocks of every send on object `o` so far;
 * - `items.get(o)` maps an item put on queue-like object `o` to the join of the clocks of
 *   the puts of equal items not yet taken: a get that returns that item takes in exactly
 *   those puts (the item is the put's `value` and the get's result, compared with `Object.is`).
 *   A get whose item no put announced takes in every send on the object instead.
 */
import type { StepEvent } from '../monitor.js';
import type { Op } from '../ops.js';
import { Role, roleOf } from './hb-rules.js';
import { joinInto, type VectorClock } from './vector-clock.js';

/** Vector clocks of threads and synchronisation objects for one execution. */
export class HappensBefore {
  /** Per thread, its vector clock. */
  readonly clocks: VectorClock[] = [[1]];
  /** Per thread, a clock that only thread start and join advance (for lock-order checks). */
  readonly structural: VectorClock[] = [[1]];
  private readonly published = new Map<string, VectorClock>();
  private readonly items = new Map<string, Map<unknown, VectorClock>>();

  /** Thread `t`'s clock (created on first use). */
  clock(t: number): VectorClock {
    return this.clocks[t] ?? fresh(this.clocks, t);
  }

  /** Thread `t`'s start/join-only clock (created on first use). */
  structuralClock(t: number): VectorClock {
    return this.structural[t] ?? fresh(this.structural, t);
  }

  /** Apply the step's synchronisation. Call for every step whose op is `sync` or started a thread. */
  onSync(ev: StepEvent): void {
    const t = ev.thread;
    const op = ev.op;
    const c = this.clock(t);
    const failed = ev.timedOut || ev.raised !== undefined;
    let bump = false;
    if (op.kind === 'join' && op.thread !== undefined && !failed) {
      const child = this.clocks[op.thread];
      if (child !== undefined) joinInto(c, child);
      const s = this.structural[op.thread];
      if (s !== undefined) joinInto(this.structuralClock(t), s);
    }
    if (op.access === 'sync') {
      const role = roleOf(op, ev.result, failed);
      if (role !== Role.None) {
        if (op.obj !== undefined) bump = this.apply(op, op.obj, role, ev.result, c) || bump;
        // An op over several objects (as_completed, futures.wait) synchronises with each of them.
        if (op.objs !== undefined) for (const o of op.objs) bump = this.apply(op, o, role, ev.result, c) || bump;
      }
    }
    if (ev.spawned >= 0) {
      const child: VectorClock = c.slice();
      child[ev.spawned] = 1;
      this.clocks[ev.spawned] = child;
      bump = true;
      const s = this.structuralClock(t);
      const sChild = s.slice();
      sChild[ev.spawned] = 1;
      this.structural[ev.spawned] = sChild;
      s[t] = (s[t] ?? 0) + 1;
    }
    if (bump) c[t] = (c[t] ?? 0) + 1;
  }

  /** Receive then send on `obj` as `role` says; true when the thread published its clock. */
  private apply(op: Op, obj: string, role: Role, result: unknown, c: VectorClock): boolean {
    if (role & Role.Receive) {
      const item = op.kind === 'get' ? this.takeItem(obj, result) : undefined;
      const from = item ?? this.published.get(obj);
      if (from !== undefined) joinInto(c, from);
    }
    if (!(role & Role.Send)) return false;
    const pub = this.published.get(obj);
    if (pub === undefined) this.published.set(obj, c.slice());
    else joinInto(pub, c);
    if (op.kind === 'put' && op.value !== undefined) this.putItem(obj, op.value, c);
    return true;
  }

  private putItem(obj: string, item: unknown, c: VectorClock): void {
    let m = this.items.get(obj);
    if (m === undefined) {
      m = new Map();
      this.items.set(obj, m);
    }
    const known = m.get(item);
    if (known === undefined) m.set(item, c.slice());
    else joinInto(known, c);
  }

  private takeItem(obj: string, item: unknown): VectorClock | undefined {
    const m = this.items.get(obj);
    const known = m?.get(item);
    if (known !== undefined) m!.delete(item);
    return known;
  }
}

/** A new clock for thread `t` in `clocks`: its own entry 1, nothing seen of others. */
function fresh(clocks: VectorClock[], t: number): VectorClock {
  const c: VectorClock = [];
  c[t] = 1;
  clocks[t] = c;
  return c;
}
