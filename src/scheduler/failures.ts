/** What a run can find wrong with a program. */
export type Failure =
  | ClaimFailure
  | InvariantFailure
  | ExceptionFailure
  | DeadlockFailure
  | StepBoundFailure
  | RaceFailure
  | LockOrderFailure
  | UnreadExceptionFailure;

/** A claim over the final shared state was false. */
export interface ClaimFailure {
  readonly kind: 'claim';
  readonly claim: string;
  /** The shared locations the claim read (`store.saved`), in the order it read them. */
  readonly reads?: readonly string[];
  /**
   * The bug pattern behind the false claim, when race detection recognised one (`order
   * violation`, `timing assumption`); `cause` then says what happened.
   */
  readonly pattern?: string;
  readonly cause?: string;
  readonly message: string;
}

/** An invariant (a claim checked after every step) was false after a step. */
export interface InvariantFailure {
  readonly kind: 'invariant';
  readonly claim: string;
  /** The step after which the invariant first failed. */
  readonly step: number;
  readonly thread: string;
  readonly message: string;
}

/** One side of a data race: a read or write of a shared location. */
export interface RaceAccess {
  readonly step: number;
  readonly thread: string;
  readonly access: 'read' | 'write';
  /** The value read (the op's result) or written. */
  readonly value: unknown;
  /** Where the program made the access, when the run captured code sites. */
  readonly site?: string;
}

/**
 * Two accesses to one shared location from different threads, at least one a write, that
 * happens-before does not order. `first` ran first in this execution.
 */
export interface RaceFailure {
  readonly kind: 'race';
  readonly location: string;
  readonly first: RaceAccess;
  readonly second: RaceAccess;
  /** Bug pattern, when the trace shows one (`lost update`, `check-then-act`, ...). */
  readonly pattern?: string;
  /** The steps of the accesses that show the pattern, in order (two to four). */
  readonly patternSteps?: readonly number[];
  /** False when this run did not show the pattern's bad interleaving (another schedule will). */
  readonly patternSeen?: boolean;
  readonly message: string;
}

/**
 * Two threads took two locks in opposite orders while they could run at the same time: a
 * schedule exists in which each holds one lock and waits for the other.
 */
export interface LockOrderFailure {
  readonly kind: 'lock-order';
  readonly pattern: 'lock-order inversion';
  /** The two acquisitions: who held which lock and took which next, at which step. */
  readonly edges: readonly { readonly thread: string; readonly held: string; readonly acquired: string; readonly step: number }[];
  readonly message: string;
}

/**
 * A future completed with an exception that no thread ever read with `result()` or
 * `exception()`: the error vanished silently (pattern `swallowed exception`).
 */
export interface UnreadExceptionFailure {
  readonly kind: 'unread-exception';
  readonly pattern: 'swallowed exception';
  readonly future: string;
  /** The thread that completed the future (the worker that ran the task). */
  readonly thread: string;
  readonly step: number;
  /** The exception, as the last line of its traceback. */
  readonly error: string;
  readonly message: string;
}

/** A thread (MainThread included) ended with an uncaught exception. */
export interface ExceptionFailure {
  readonly kind: 'exception';
  readonly thread: string;
  /** Python's exception type name (`ValueError`), or the JavaScript error's name. */
  readonly type: string;
  readonly detail: string;
  readonly step: number;
  readonly message: string;
}

/** No thread could run and none was sleeping or waiting with a timeout. */
export interface DeadlockFailure {
  readonly kind: 'deadlock';
  readonly blocked: readonly { readonly thread: string; readonly waitsFor: string }[];
  /**
   * The wait-for cycle, one sentence per thread ("Thread-1 holds Lock#1 and waits for
   * Lock#2"), when race detection ran and found one.
   */
  readonly cycle?: readonly string[];
  /**
   * `lock-order inversion` when the cycle runs through two or more locks; without a cycle,
   * the pattern the recent sync history shows (`check-then-act`, `order violation`, `lost
   * wake-up`), explained by `cause`.
   */
  readonly pattern?: string;
  readonly cause?: string;
  readonly step: number;
  readonly message: string;
}

/** The run took more steps than its bound (usually a spin loop). */
export interface StepBoundFailure {
  readonly kind: 'step-bound';
  readonly maxSteps: number;
  readonly message: string;
}
