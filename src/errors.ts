/**
 * The catalogue of threadsim's own errors: mistakes in how a program is written or how the
 * tool is called, as opposed to failures the program under test shows (those are reported as
 * failures, not thrown). Every error has a stable code, says what went wrong and where, and
 * says how to fix it. The CLI prints `message` on one line and exits with code 2.
 */

/** Stable codes; never renumber, only append. */
export const ERROR_CODES = {
  TSIM001: 'yielded a value that is not an op',
  TSIM002: 'thread body is not a generator',
  TSIM003: 'primitive used outside a running thread',
  TSIM004: 'unknown program',
  TSIM005: 'module has no program export',
  TSIM006: 'invalid option value',
  TSIM007: 'replay diverged',
  TSIM008: 'malformed trace file',
  TSIM009: 'refusing to overwrite a file',
  TSIM010: 'invalid program definition',
  TSIM011: 'thread body returned a promise',
  TSIM012: 'shared value changed in place',
  TSIM013: 'thread did not yield within --timeout',
  TSIM014: 'trace names a program file that was not named on the command line',
  TSIM015: 'primitive called without yield*',
  TSIM016: 'parts of an exploration do not fit together',
  TSIM017: 'Python program cannot run',
  TSIM018: 'invalid choice',
} as const;

/** One of threadsim's stable error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** An error in how threadsim was used: carries a stable code and a fix-it hint. */
export class ThreadsimError extends Error {
  /** Stable code from {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** What to do instead, in one sentence. */
  readonly fix: string;

  constructor(code: ErrorCode, what: string, fix: string) {
    super(`${what} (${code}). ${fix}`);
    this.name = 'ThreadsimError';
    this.code = code;
    this.fix = fix;
  }
}

/** True when `e` is one of threadsim's own usage errors. */
export function isThreadsimError(e: unknown): e is ThreadsimError {
  return e instanceof ThreadsimError;
}
