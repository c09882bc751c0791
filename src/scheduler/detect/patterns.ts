/**
 * Names the bug pattern behind a data race from the accesses around it, read from ops only.
 * The race's two accesses and the nearest access of one of its threads to the same location
 * form a triple p, c, p' (p and p' by one thread, c by the other, in execution order), and
 * the unserializable interleavings of Lu, Tucek, Qin and Zhou ("AVIO: Detecting Atomicity
 * Violations via Access Interleaving Invariants", ASPLOS 2006) name it:
 * - read, write, write: **lost update** (the second write was computed from a stale read)
 *   when the thread did nothing else in between, else **check-then-act**;
 * - read, write, read: **check-then-act** (the test and the action see different values);
 * - write, read, write and write, write, read: **atomicity violation** (an intermediate value
 *   is seen, or a thread reads back another thread's value instead of its own);
 * - no such triple, but both threads read then write the location around the racing
 *   accesses: a **lost update** this run did not show but another schedule will;
 * - a read and a write with no such triple: **order violation** (the read can happen before
 *   the write it depends on).
 * Two unordered writes with no triple get no name.
 */

/** One data access as the pattern recogniser sees it. */
export interface DataAccess {
  readonly step: number;
  readonly thread: number;
  readonly location: string;
  readonly write: boolean;
}

/** A recognised pattern: its name and the steps of the accesses that show it, in order. */
export interface PatternMatch {
  readonly name: 'lost update' | 'check-then-act' | 'atomicity violation' | 'order violation';
  readonly steps: readonly number[];
  /**
   * True when this run shows the bug itself (the interleaving happened, or for an order
   * violation the read came first); false when only another schedule would.
   */
  readonly seen: boolean;
}

/**
 * The pattern of the race between the accesses at steps `earlier` and `later` (indices into
 * `accesses`, which lists every data access of the execution in step order), if any.
 */
export function recognisePattern(accesses: readonly DataAccess[], earlier: number, later: number): PatternMatch | undefined {
  const e = accesses[earlier];
  const l = accesses[later];
  if (e === undefined || l === undefined) return undefined;
  const x = e.location;
  // The same thread's next access to x after e, if it comes after l: e, l, next.
  const next = nextAccess(accesses, earlier, e.thread, x);
  if (next !== undefined && next > later) {
    const m = triple(accesses, earlier, later, next);
    if (m !== undefined) return m;
  }
  // The later thread's previous access to x before l, if it comes before e: prev, e, l.
  const prev = prevAccess(accesses, later, l.thread, x);
  if (prev !== undefined && prev < earlier) {
    const m = triple(accesses, prev, earlier, later);
    if (m !== undefined) return m;
  }
  // Not interleaved in this run: both threads read-modify-write x around the racing
  // accesses, so another schedule can put one's read between the other's read and write.
  const a = readModifyWrite(accesses, earlier);
  const b = readModifyWrite(accesses, later);
  if (a !== undefined && b !== undefined) return { name: 'lost update', steps: [...a, ...b].sort((p, q) => p - q), seen: false };
  if (e.write !== l.write) return { name: 'order violation', steps: [e.step, l.step], seen: !e.write };
  return undefined;
}

/** The steps of the read and the write of x that access `i` belongs to, when it is half of a read then write. */
function readModifyWrite(accesses: readonly DataAccess[], i: number): [number, number] | undefined {
  const a = accesses[i]!;
  const other = a.write ? prevAccess(accesses, i, a.thread, a.location) : nextAccess(accesses, i, a.thread, a.location);
  if (other === undefined) return undefined;
  const o = accesses[other]!;
  if (o.write === a.write) return undefined;
  const [ri, wi] = a.write ? [other, i] : [i, other];
  if (otherAccessBetween(accesses, ri, wi, a.thread)) return undefined;
  return [accesses[ri]!.step, accesses[wi]!.step];
}

function triple(accesses: readonly DataAccess[], pi: number, ci: number, qi: number): PatternMatch | undefined {
  const p = accesses[pi]!;
  const c = accesses[ci]!;
  const q = accesses[qi]!;
  const steps = [p.step, c.step, q.step];
  if (!p.write && c.write && q.write) {
    return { name: otherAccessBetween(accesses, pi, qi, p.thread) ? 'check-then-act' : 'lost update', steps, seen: true };
  }
  if (!p.write && c.write && !q.write) return { name: 'check-then-act', steps, seen: true };
  if (p.write && !c.write && q.write) return { name: 'atomicity violation', steps, seen: true };
  if (p.write && c.write && !q.write) return { name: 'atomicity violation', steps, seen: true };
  return undefined;
}

function nextAccess(accesses: readonly DataAccess[], from: number, thread: number, x: string): number | undefined {
  for (let i = from + 1; i < accesses.length; i++) {
    const a = accesses[i]!;
    if (a.thread === thread && a.location === x) return i;
  }
  return undefined;
}

function prevAccess(accesses: readonly DataAccess[], from: number, thread: number, x: string): number | undefined {
  for (let i = from - 1; i >= 0; i--) {
    const a = accesses[i]!;
    if (a.thread === thread && a.location === x) return i;
  }
  return undefined;
}

/** True when `thread` accessed another shared location strictly between indices a and b. */
function otherAccessBetween(accesses: readonly DataAccess[], a: number, b: number, thread: number): boolean {
  const x = accesses[a]!.location;
  for (let i = a + 1; i < b; i++) {
    const s = accesses[i]!;
    if (s.thread === thread && s.location !== x) return true;
  }
  return false;
}
