/** What a run can find wrong with a program. */
export type Failure = ClaimFailure | ExceptionFailure | DeadlockFailure | StepBoundFailure;

/** A claim over the final shared state was false. */
export interface ClaimFailure {
  readonly kind: 'claim';
  readonly claim: string;
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
  readonly step: number;
  readonly message: string;
}

/** The run took more steps than its bound (usually a spin loop). */
export interface StepBoundFailure {
  readonly kind: 'step-bound';
  readonly maxSteps: number;
  readonly message: string;
}
