/**
 * The policy interface: the only place where a run can differ from another run of the same
 * program. The engine asks `pick` at every scheduling point; policies never see models.
 */
import type { ChoicePoint } from '../choice.js';
import type { Op } from '../ops.js';

/** What a policy may know about the scheduling point it decides. */
export interface SchedulingPoint {
  /** Index of the step about to run (0-based). */
  readonly step: number;
  /** Virtual time in microseconds. */
  readonly now: number;
  /** Thread that ran the previous step, or -1 before the first step. */
  readonly previous: number;
  /** Thread started by the previous step (a `start()`), or -1. */
  readonly spawned: number;
  /** True when the previous step gave up the CPU (it blocked, slept or finished). */
  readonly yielded: boolean;
  /** The program's `sys.setswitchinterval`, in microseconds, once it has set one. */
  readonly switchInterval?: number;
  /** The op a thread will run if picked (for dependency-aware search such as DPOR). */
  pending(thread: number): Op | undefined;
  /** The name of thread `thread`, or undefined when no such thread exists yet. */
  threadName?(thread: number): string | undefined;
}

/**
 * A scheduling policy. `runnable` is non-empty, holds thread indices in the order the threads
 * became runnable (oldest first), and must not be kept after `pick` returns.
 */
export interface Policy {
  /** Name shown in traces and replay commands (`gil`, `random`, ...). */
  readonly name: string;
  /**
   * True when the policy ignores the seed: every run makes the same choices, so running it
   * under several seeds repeats one schedule.
   */
  readonly ignoresSeed?: boolean;
  /** Called once before each execution, with the run's seed. */
  begin(seed: number): void;
  /** Return one element of `runnable`: the thread that runs the next step. */
  pick(runnable: readonly number[], at: SchedulingPoint): number;
  /**
   * Answer a model's choice among `k` alternatives (k >= 2): an integer in [0, k). Absent:
   * the default answer 0 (docs/exploration.md, "Choices").
   */
  choose?(k: number, at: ChoicePoint): number;
}
