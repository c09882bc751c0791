/**
 * Monitors watch an execution step by step without changing it: race detection,
 * invariants, statistics. They see ops (data) only, never a model's internals.
 */
import type { Failure } from './failures.ts';
import type { Op } from './ops.ts';
import type { SharedState } from './program.ts';

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
}

/** Watches an execution. */
export interface Monitor {
  /** After every step. */
  onStep(ev: StepEvent): void;
  /** When a thread finishes (returned or raised), after the step that ended it. */
  onThreadEnd?(thread: number, step: number): void;
  /** Once at the end; failures returned are added to the execution's failures. */
  onEnd?(ending: string, state: SharedState): readonly Failure[] | void;
}
