/**
 * Race-free atomicity violations: every shared access holds a lock, yet a thread's update is
 * split over two critical sections and another thread's conflicting access runs in between.
 * Happens-before race detection cannot see these (each access is ordered by the lock), so a
 * failed claim with no data race is explained by the first such split in the trace.
 *
 * A thread's critical section is a stretch in which it holds at least one lock (from taking
 * the first to releasing the last), derived from `acquire` results and `release` ops.
 * A split is an access p in one critical section of a thread and an access q in its next
 * section that look like halves of one update (a read whose value a later write uses, or
 * writes to two locations), and an access c by another thread, between them in time, that
 * makes the triple unserializable (on one location: read-write-read, write-write-read,
 * read-write-write, write-read-write; on two locations: c conflicts with p or q). After the interleavings of Lu et al. (AVIO, ASPLOS 2006),
 * extended to two locations as in the multi-variable case of Lu et al. (MUVI, SOSP 2007).
 */

/** The parts of a recorded step the analysis reads. */
export interface SectionStep {
  readonly step: number;
  readonly thread: number;
  readonly kind: string;
  readonly obj: string | undefined;
  readonly access: string;
  readonly result: unknown;
  readonly timedOut: boolean;
  readonly raised?: string;
}

/** A split critical section: `first` and `second` by one thread, `between` by another. */
export interface SplitSection<S extends SectionStep = SectionStep> {
  readonly first: S;
  readonly between: S;
  readonly second: S;
  /** The locks the thread held at `first` and at `second`. */
  readonly locksFirst: readonly string[];
  readonly locksSecond: readonly string[];
}

interface Section<S extends SectionStep> {
  readonly id: number;
  /** The locks held at the section's first access. */
  locks: readonly string[];
  readonly accesses: S[];
}

/** The first split critical section in `trace`, or undefined. */
export function findSplitSection<S extends SectionStep>(trace: readonly S[]): SplitSection<S> | undefined {
  const held = new Map<number, string[]>();
  const current = new Map<number, Section<S>>();
  const previous = new Map<number, Section<S>>();
  const accesses: S[] = [];
  for (const s of trace) {
    const locks = held.get(s.thread) ?? [];
    if (s.kind === 'acquire' && s.obj !== undefined && s.raised === undefined && !s.timedOut && s.result !== false) {
      if (locks.length === 0) {
        const done = current.get(s.thread);
        if (done !== undefined && done.accesses.length > 0) previous.set(s.thread, done);
        current.set(s.thread, { id: s.step, locks: [], accesses: [] });
      }
      locks.push(s.obj);
      held.set(s.thread, locks);
      continue;
    }
    if (s.kind === 'release' && s.obj !== undefined && s.raised === undefined) {
      const i = locks.lastIndexOf(s.obj);
      if (i >= 0) locks.splice(i, 1);
      continue;
    }
    if (s.access !== 'read' && s.access !== 'write') continue;
    accesses.push(s);
    const cur = current.get(s.thread);
    if (locks.length === 0 || cur === undefined) continue;
    if (cur.accesses.length === 0) cur.locks = [...locks];
    const prev = previous.get(s.thread);
    if (prev !== undefined) {
      for (const p of prev.accesses) {
        if (!belongTogether(p, s, cur.accesses)) continue;
        const between = accesses.find((c) => c.thread !== s.thread && c.step > p.step && c.step < s.step && unserializable(p, c, s));
        if (between !== undefined) return { first: p, between, second: s, locksFirst: prev.locks, locksSecond: [...locks] };
      }
    }
    cur.accesses.push(s);
  }
  return undefined;
}

/**
 * Whether p (an earlier section) and q (a later one) look like halves of one update: a read
 * whose value a later write uses (unless the thread read the location afresh in q's
 * section first), or two writes to different locations (a two-part state change).
 */
function belongTogether(p: SectionStep, q: SectionStep, before: readonly SectionStep[]): boolean {
  if (p.access === 'read' && q.access === 'write') return !before.some((a) => a.access === 'read' && a.obj === p.obj);
  return p.access === 'write' && q.access === 'write' && p.obj !== q.obj;
}

/**
 * True when c between p and q cannot be moved before p or after q without changing what is
 * read: on one location, read-write-read, write-write-read, read-write-write and
 * write-read-write (AVIO's four); on two locations, c conflicting with either access.
 */
function unserializable(p: SectionStep, c: SectionStep, q: SectionStep): boolean {
  if (p.obj !== q.obj) return conflicts(c, p) || conflicts(c, q);
  if (c.obj !== p.obj) return false;
  const [pw, cw, qw] = [p.access === 'write', c.access === 'write', q.access === 'write'];
  return cw ? !(pw && qw) : pw && qw;
}

function conflicts(a: SectionStep, b: SectionStep): boolean {
  return a.obj === b.obj && (a.access === 'write' || b.access === 'write');
}
