/**
 * The race detector as a {@link Monitor}: happens-before clocks over sync ops, FastTrack
 * shadow memory over shared reads and writes, lock holdings for deadlock explanations and
 * lock-order inversions. It sees ops only.
 */
import type { ClaimFailure, Failure, RaceAccess, RaceFailure } from '../failures.js';
import type { BlockedThread, ClaimExplanation, DeadlockExplanation, DeadlockWhatIf, Monitor, RunEnd, StepEvent } from '../monitor.js';
import type { ThreadRecord } from '../ops.js';
import type { SharedState } from '../program.js';
import { explainDeadlock } from './deadlock.js';
import { blockedPattern, SyncHistory } from './blocked-patterns.js';
import { claimPattern } from './claim-patterns.js';
import { HappensBefore } from './happens-before.js';
import { Holdings, type OrderEdge } from './holdings.js';
import { recognisePattern, type DataAccess } from './patterns.js';
import { RaceDetector, type AccessRecord, type FoundRace } from './races.js';
import { Timeouts } from './timeouts.js';
import { UnreadExceptions } from './unread-exceptions.js';
import { WakeUps } from './wake-ups.js';

/** Options of {@link RaceMonitor}. */
export interface DetectOptions {
  /**
   * Keep every data access so that races can be given a pattern name (lost update, ...).
   * Costs memory proportional to the run; the CLI turns it on for the run it reports.
   */
  readonly patterns?: boolean;
}

/** Finds data races, explains deadlocks and finds lock-order inversions in one execution. */
export class RaceMonitor implements Monitor {
  readonly hb = new HappensBefore();
  readonly races = new RaceDetector();
  readonly holdings = new Holdings();
  readonly history = new SyncHistory();
  readonly wakeUps = new WakeUps();
  readonly timeouts = new Timeouts();
  readonly unread = new UnreadExceptions();
  /** Thread names, once the run has ended (for explanations asked for after `onEnd`). */
  private names: ((thread: number) => string) | undefined;
  private readonly accesses: DataAccess[] | undefined;

  constructor(options: DetectOptions = {}) {
    this.accesses = options.patterns ? [] : undefined;
  }

  onStep(ev: StepEvent): void {
    const ran = ev.extra?.ran;
    if (ran !== undefined) for (const r of ran) this.onOp({ ...ev, op: r.op, result: r.raised ? undefined : r.result, raised: r.raised ? true : undefined, spawned: -1, timedOut: false });
    this.onOp(ev);
  }

  /**
   * One op: the step's own, or one that code run inside the step ran (a class's `__eq__`
   * inside a list's `in`), checked as if it were a step of the same thread at the same step
   * number: its reads and writes race with other threads' as a step's would, and a lock it
   * takes and gives back orders them as a step's would.
   */
  private onOp(ev: StepEvent): void {
    const op = ev.op;
    const access = op.access;
    if (access === 'read' || access === 'write') {
      if (op.obj === undefined || ev.raised !== undefined) return;
      const write = access === 'write';
      this.races.access(op.obj, ev.thread, this.hb.clock(ev.thread), ev.step, write, write ? op.value : ev.result, op.site, op.atomic === true);
      this.accesses?.push({ step: ev.step, thread: ev.thread, location: op.obj, write });
      return;
    }
    if (access !== 'sync' && ev.spawned < 0) return;
    this.hb.onSync(ev);
    this.timeouts.onSync(op, ev.thread, ev.step, ev.time, ev.timedOut);
    if (op.obj === undefined || ev.raised !== undefined) return;
    this.unread.onSync(op, ev.thread, ev.step, ev.timedOut);
    this.wakeUps.onSync(op, ev.thread, ev.step, ev.result);
    this.history.add(op.obj, { step: ev.step, thread: ev.thread, kind: op.kind, result: typeof ev.result === 'object' ? undefined : ev.result });
    if (op.kind === 'acquire') {
      if (ev.timedOut || ev.result === false) return;
      const t = ev.thread;
      const s = this.hb.structuralClock(t);
      this.holdings.acquired(op.obj, t, ev.step, s[t] ?? 0, (e: OrderEdge) => e.epoch <= (s[e.thread] ?? 0));
    } else if (op.kind === 'release') {
      this.holdings.released(op.obj, ev.thread);
    }
  }

  explainDeadlock(blocked: readonly BlockedThread[], threadName?: (index: number) => string, whatIf?: DeadlockWhatIf): DeadlockExplanation {
    const found = explainDeadlock(blocked, this.holdings);
    if (found.cycle) return found;
    const names = new Map(blocked.map((b) => [b.thread, b.name]));
    const name = (t: number): string => names.get(t) ?? threadName?.(t) ?? `thread #${t}`;
    const named = blocked
      .map((b) => blockedPattern(b, blocked, this.history, this.wakeUps, name))
      // A pattern on a Condition is only the cause when its fix, tried in a what-if run, avoids
      // the deadlock: waking every waiter (lost wake-up), or keeping the lost notify (order violation).
      .filter((x): x is NonNullable<typeof x> => x !== undefined && confirmed(x.pattern, whatIf));
    if (named.length === 0) return found;
    // Threads waiting on one Condition share its explanation: say it once.
    const cause = [...new Set(named.map((n) => n.line))].join(' ');
    return { ...found, pattern: named[0]!.pattern, cause };
  }

  explainClaim(claim: ClaimFailure, end: RunEnd): ClaimExplanation | undefined {
    const racy = new Set(this.races.races.map((r) => r.location));
    return claimPattern(claim, { end, timeout: this.timeouts.first, racy, name: this.names ?? ((t) => `thread #${t}`) });
  }

  onEnd(_ending: string, _state: SharedState, threads?: readonly ThreadRecord[]): Failure[] {
    const name = (i: number): string => threads?.[i]?.name ?? `thread #${i}`;
    this.names = name;
    const found: Failure[] = this.races.races.map((r) => this.raceFailure(r, name));
    found.push(...this.unread.failures(name));
    for (const [a, b] of this.holdings.lockOrderInversions()) {
      const edges = [a, b].map((e) => ({ thread: name(e.thread), held: e.held, acquired: e.acquired, step: e.step }));
      found.push({
        kind: 'lock-order',
        pattern: 'lock-order inversion',
        edges,
        message:
          `lock-order inversion on ${a.held} and ${a.acquired}: ${edges[0]!.thread} took ${a.acquired} while holding ${a.held} at step ${a.step}, ` +
          `${edges[1]!.thread} took ${b.acquired} while holding ${b.held} at step ${b.step}; run at the same time, each can hold one lock and wait for the other (a deadlock). Take the locks in one order everywhere.`,
      });
    }
    return found;
  }

  private raceFailure(r: FoundRace, name: (i: number) => string): RaceFailure {
    const pattern = this.pattern(r);
    const first = side(r.earlier, name);
    const second = side(r.later, name);
    const what = (a: RaceAccess): string => `${a.thread} ${a.access === 'read' ? `read ${show(a.value)}` : `wrote ${show(a.value)}`} at step ${a.step}${a.site === undefined ? '' : ` (${a.site})`}`;
    return {
      kind: 'race',
      location: r.location,
      first,
      second,
      ...(pattern === undefined ? {} : { pattern: pattern.name, patternSteps: pattern.steps, patternSeen: pattern.seen }),
      message: `data race on ${r.location}${pattern === undefined ? '' : ` (${pattern.name})`}: ${what(first)}, ${what(second)}; nothing orders them`,
    };
  }

  private pattern(r: FoundRace): ReturnType<typeof recognisePattern> {
    const acc = this.accesses;
    if (acc === undefined) return undefined;
    return recognisePattern(acc, indexOfStep(acc, r.earlier.step), indexOfStep(acc, r.later.step));
  }
}

/** Whether the what-if run a Condition pattern calls for avoids the deadlock (other patterns need none). */
function confirmed(pattern: string, whatIf: DeadlockWhatIf | undefined): boolean {
  if (pattern === 'lost wake-up') return whatIf?.deadlocksWithNotifyAll() === false;
  if (pattern === 'order violation') return whatIf?.deadlocksWithRememberedNotifies() === false;
  return true;
}

function side(a: AccessRecord, name: (i: number) => string): RaceAccess {
  return { step: a.step, thread: name(a.thread), access: a.write ? 'write' : 'read', value: a.value, ...(a.site === undefined ? {} : { site: a.site }) };
}

/** Index of the access made at `step` (accesses are in step order). */
function indexOfStep(acc: readonly DataAccess[], step: number): number {
  let lo = 0;
  let hi = acc.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = acc[mid]!.step;
    if (s === step) return mid;
    if (s < step) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A value as reports show it. */
function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
