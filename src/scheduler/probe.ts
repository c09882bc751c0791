/**
 * A write-only window on which thread the engine is running, for a watchdog that lives
 * outside the engine (src/cli/watchdog.ts). The engine tells the probe when it hands control
 * to a thread's code and when it gets control back; it never reads anything from the probe,
 * so a run is the same with or without one (determinism). A thread that loops without
 * yielding never gives control back, which only a wall clock outside the run can notice: no
 * step count can, since no step is taken.
 */
import type { Op } from './ops.js';

/** Told around each stretch of a thread's own code. */
export interface StepProbe {
  /** The engine resumes `thread` (index and name) after `step` steps; `last` is the op it ran last, if any. */
  enter(step: number, thread: number, name: string, last: Op | undefined): void;
  /** The thread's code gave control back (it yielded, returned or raised). */
  leave(): void;
}

let probe: StepProbe | undefined;

/** Install (or with undefined, remove) the probe; returns the one it replaces. */
export function setStepProbe(p: StepProbe | undefined): StepProbe | undefined {
  const before = probe;
  probe = p;
  return before;
}

/** The installed probe, read by the engine around a thread's code. */
export function stepProbe(): StepProbe | undefined {
  return probe;
}
