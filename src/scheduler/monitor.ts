/**
 * Monitors watch an execution step by step without changing it: race detection,
 * invariants, statistics. They see ops (data) only, never a model's internals.
 */
import type { ClaimFailure, Failure } from './failures.js';
import type { Op, StepExtra, ThreadRecord } from './ops.js';
import type { SharedState } from './program.js';

/** One executed step, as monitors see it. The object is reused: copy what you keep. */
export interface StepEvent {
  step: number;
  /** Virtual time (µs) when the step ran. */
  time: number;
  thread: number;
  op: Op;
  /** What the op returned to the thread (undefined when it raised). */
  result: unknown;
  /** The exception the op raised into the thread, if any. */
  raised: unknown;
  timedOut: boolean;
  /** Index of the thread this step started, or -1. */
  spawned: number;
  /** Shared state after the step. */
  state: SharedState;
  /** What code run inside the step touched beyond its op (Kernel.touch), if anything. */
  extra?: StepExtra | undefined;
}

/** A thread that cannot run when the execution deadlocks, and the op it waits to run. */
export interface BlockedThread {
  readonly thread: number;
  readonly name: string;
  readonly daemon: boolean;
  /** The op the thread waits to run (undefined only for a thread that never got one). */
  readonly op: Op | undefined;
  /** The op's own description of what it waits for. */
  readonly waitsFor: string;
}

/** What a monitor says about a deadlock. */
export interface DeadlockExplanation {
  readonly cycle: boolean;
  readonly lines: readonly string[];
  /**
   * The pattern: `lock-order inversion` when the cycle runs through two or more locks, or the
   * pattern the recent sync history shows (`check-then-act`, `lost wake-up`, ...); `cause`
   * then explains the latter.
   */
  readonly pattern?: string;
  readonly cause?: string;
}

/** A daemon thread still alive when the program ended (Python drops it where it stands). */
export interface DroppedDaemon {
  readonly name: string;
  /** What its pending op waited for at the end (`the clock (sleeping 1 s)`), if it was blocked. */
  readonly waitsFor: string | undefined;
}

/** A write to a location a claim read, in a what-if run. */
export interface WhatIfWrite {
  readonly thread: string;
  readonly daemon: boolean;
  readonly location: string;
  readonly value: unknown;
  /** Virtual time (µs). */
  readonly time: number;
}

/** What a what-if run says of a false claim: whether it comes to hold, and the writes to what it read up to then. */
export interface WhatIfVerdict {
  readonly holds: boolean;
  readonly writes: readonly WhatIfWrite[];
}

/**
 * What the engine knows of a complete run's end, for explaining false claims, with what-if
 * runs of the program made on demand (see counterfactual.ts).
 */
export interface RunEnd {
  /** Virtual time (µs) when the program ended. */
  readonly time: number;
  readonly dropped: readonly DroppedDaemon[];
  /**
   * Had the program waited for its daemon threads at exit: whether `claim` holds after some
   * step, and the daemons' writes after the original end to the locations the claim read, up
   * to that step. Undefined when no daemon was dropped or that run could not be made.
   */
  withDaemons(claim: ClaimFailure): WhatIfVerdict | undefined;
  /**
   * Had blocking ops waited without their timeouts (sleeps still end): whether `claim` holds,
   * and the writes to the locations it read from step `from` on. Undefined when that run
   * could not be made.
   */
  withoutTimeouts(claim: ClaimFailure, from: number): WhatIfVerdict | undefined;
}

/** What-if runs a deadlock explanation may ask for (counterfactual.ts), made on demand. */
export interface DeadlockWhatIf {
  /** Whether the program still deadlocks when every Condition notify wakes all waiters; undefined when that run could not be made. */
  deadlocksWithNotifyAll(): boolean | undefined;
  /** Whether it still deadlocks when a notify that finds no waiter wakes the next thread to wait. */
  deadlocksWithRememberedNotifies(): boolean | undefined;
}

/** A pattern behind a false claim and the sentence that explains it. */
export interface ClaimExplanation {
  readonly pattern: string;
  readonly cause: string;
}

/** Watches an execution. */
export interface Monitor {
  /** After every step. */
  onStep(ev: StepEvent): void;
  /**
   * When a thread reaches its next op: after the step that led there (the thread's own step,
   * or, for a new thread's first op, inside the step that started it, before that step's
   * `onStep`).
   */
  onArrive?(thread: number, op: Op): void;
  /** When a thread finishes (returned or raised), after the step that ended it. */
  onThreadEnd?(thread: number, step: number): void;
  /**
   * When the execution deadlocks, before `onEnd`: one sentence per blocked thread saying what
   * it holds and waits for; `cycle` is true when the sentences form a wait-for cycle (then
   * only the threads in the cycle are named).
   */
  explainDeadlock?(blocked: readonly BlockedThread[], threadName?: (index: number) => string, whatIf?: DeadlockWhatIf): DeadlockExplanation | undefined;
  /** For a claim that was false at the end of a complete run: the pattern behind it, if known. */
  explainClaim?(claim: ClaimFailure, end: RunEnd): ClaimExplanation | undefined;
  /**
   * Once at the end, with the thread table (names by index); failures returned are added to
   * the execution's failures.
   */
  onEnd?(ending: string, state: SharedState, threads?: readonly ThreadRecord[]): readonly Failure[] | void;
}

/** One monitor that forwards every call to each of `monitors` in order. */
export function combineMonitors(monitors: readonly Monitor[]): Monitor {
  if (monitors.length === 1) return monitors[0]!;
  return {
    onStep(ev) {
      for (const m of monitors) m.onStep(ev);
    },
    onArrive(thread, op) {
      for (const m of monitors) m.onArrive?.(thread, op);
    },
    onThreadEnd(thread, step) {
      for (const m of monitors) m.onThreadEnd?.(thread, step);
    },
    explainDeadlock(blocked, threadName, whatIf) {
      for (const m of monitors) {
        const why = m.explainDeadlock?.(blocked, threadName, whatIf);
        if (why !== undefined) return why;
      }
      return undefined;
    },
    explainClaim(claim, end) {
      for (const m of monitors) {
        const why = m.explainClaim?.(claim, end);
        if (why !== undefined) return why;
      }
      return undefined;
    },
    onEnd(ending, state, threads) {
      const found: Failure[] = [];
      for (const m of monitors) {
        const f = m.onEnd?.(ending, state, threads);
        if (f) found.push(...f);
      }
      return found;
    },
  };
}
