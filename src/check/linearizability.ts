/**
 * Linearizability of a concurrent history against a sequential specification (Herlihy and
 * Wing, "Linearizability: a correctness condition for concurrent objects", TOPLAS 1990): the
 * history is linearizable when some total order of its operations (1) respects real-time
 * order (an operation that returned before another was called comes first), and (2) run one
 * at a time on the specification, gives every operation the result it actually returned.
 *
 * The search is Wing and Gong's ("Testing and verifying concurrent objects", JPDC 1993):
 * depth first, repeatedly linearizing an operation that no pending-to-linearize operation
 * must precede, backtracking on a wrong result; with Lowe's memoisation of visited
 * (linearized set, specification state) pairs ("Testing for linearizability", CCPE 2017), so
 * each configuration is expanded once.
 *
 * Blocking operations: the specification may answer {@link BLOCKS} (a get from an empty
 * buffer). A completed operation cannot be linearized where it blocks. When the execution
 * ended in a deadlock, the operations still running are not linearized, and each must block
 * in the final state: a deadlock the specification would not have is a violation (the
 * liveness side of blocking data structures, as Lincheck checks suspended operations).
 */

/** The specification's answer for an operation that cannot proceed in a state. */
export const BLOCKS: unique symbol = Symbol('blocks');

/** What the specification does with one operation: new state and result, or {@link BLOCKS}. */
export type SpecStep<S> = { readonly state: S; readonly result: unknown } | typeof BLOCKS;

/** A sequential specification: an initial state and the effect of each operation. */
export interface SequentialSpec<S> {
  readonly initial: S;
  /** Must be pure: the search calls it on many states. */
  apply(state: S, name: string, arg: unknown): SpecStep<S>;
  /** A string identifying a state (for memoisation). Default: a canonical JSON form. */
  key?(state: S): string;
}

/** One operation of a history. */
export interface HistoryOp {
  /** The calling thread (operations of one thread are in program order). */
  readonly thread: number;
  readonly name: string;
  readonly arg: unknown;
  /** What it returned (or `{ raised: 'Type' }`); meaningless while pending. */
  readonly result: unknown;
  /** Time point when it was called. */
  readonly invoked: number;
  /** Time point when it returned; undefined while pending. */
  readonly returned: number | undefined;
}

/** The verdict: a witness order, or why none exists. */
export type Verdict =
  | { readonly linearizable: true; readonly order: readonly HistoryOp[] }
  | { readonly linearizable: false; readonly reason: string };

/** A canonical string of a plain value (sorted keys; `undefined` kept): equality of results. */
export function canonical(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? `${v}n` : (JSON.stringify(v) ?? String(v));
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const entries = Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** `name(arg)` as reports show an operation. */
export function showCall(name: string, arg: unknown): string {
  return `${name}(${arg === undefined ? '' : canonical(arg)})`;
}

/** True when `p` must come before `o`: same thread in program order, or p returned before o was called. */
function precedes(p: HistoryOp, pi: number, o: HistoryOp, oi: number): boolean {
  if (p.returned === undefined) return false;
  if (p.thread === o.thread) return pi < oi;
  return p.returned < o.invoked;
}

/** Decide whether `history` is linearizable; `deadlocked` when its execution ended in one. */
export function checkLinearizable<S>(history: readonly HistoryOp[], spec: SequentialSpec<S>, deadlocked = false): Verdict {
  const key = spec.key ?? canonical;
  const done = history.map(() => false);
  const completed = history.map((o) => o.returned !== undefined);
  const remaining = completed.filter(Boolean).length;
  const visited = new Set<string>();
  const order: HistoryOp[] = [];

  const blockedAtEnd = (state: S): boolean =>
    history.every((o, i) => completed[i] || spec.apply(state, o.name, o.arg) === BLOCKS);

  const search = (state: S, left: number): boolean => {
    if (left === 0) return !deadlocked || blockedAtEnd(state);
    for (let i = 0; i < history.length; i++) {
      if (done[i] || !completed[i]) continue;
      const o = history[i]!;
      let minimal = true;
      for (let j = 0; j < history.length && minimal; j++) {
        if (j !== i && !done[j] && completed[j] && precedes(history[j]!, j, o, i)) minimal = false;
      }
      if (!minimal) continue;
      const step = spec.apply(state, o.name, o.arg);
      if (step === BLOCKS || canonical(step.result) !== canonical(o.result)) continue;
      done[i] = true;
      const config = `${done.map((d) => (d ? 1 : 0)).join('')}|${key(step.state)}`;
      if (!visited.has(config)) {
        visited.add(config);
        order.push(o);
        if (search(step.state, left - 1)) return true;
        order.pop();
      }
      done[i] = false;
    }
    return false;
  };

  if (search(spec.initial, remaining)) return { linearizable: true, order: [...order] };
  const stuck = history.filter((o) => o.returned === undefined).map((o) => showCall(o.name, o.arg));
  const reason =
    deadlocked && stuck.length > 0 && linearizableIgnoringBlocking(history, spec)
      ? `the execution deadlocked with ${stuck.join(', ')} still waiting, but in every sequential order consistent with the results at least one of them could go on`
      : 'no sequential order of the operations, consistent with their real-time order, gives the results they returned';
  return { linearizable: false, reason };
}

/** The same search with blocking at the end ignored: tells a lost wake-up from a wrong result. */
function linearizableIgnoringBlocking<S>(history: readonly HistoryOp[], spec: SequentialSpec<S>): boolean {
  return checkLinearizable(history, spec, false).linearizable;
}
