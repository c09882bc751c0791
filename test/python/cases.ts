/**
 * How each built-in program is compared with its Python twin (`test/python/<name>.py`).
 *
 * - `exact`: the output does not depend on scheduling (every event is separated from the
 *   next by a sleep or a blocking call), so every CPython run must print exactly what
 *   threadsim prints under the default `gil` policy, and hang exactly when it deadlocks.
 * - `possible`: the output depends on scheduling, so every CPython run must print one of the
 *   outputs threadsim can produce for the program (found by sampling policies and seeds, or by
 *   an output-guided search).
 */
export interface DifferentialCase {
  /** Built-in program name; its twin is `test/python/<program>.py`. */
  readonly program: string;
  readonly mode: 'exact' | 'possible';
  /** Why the output does or does not depend on scheduling. */
  readonly why: string;
  /**
   * Kill CPython after this many milliseconds and count the run as hung. Set it short for
   * programs that are meant to hang; the default is generous so that slow is never mistaken
   * for hung.
   */
  readonly hangAfterMs?: number;
  /**
   * CPython sleeps this fraction of what the program says (threadsim keeps the full values).
   * Default 1 for `exact` (sleeps must dwarf the OS's scheduling delays on a loaded machine),
   * 0.1 for `possible` (timing only changes which possible output CPython picks).
   */
  readonly sleepScale?: number;
}

/** Every built-in program's comparison; the test checks that none is missing. */
export const CASES: readonly DifferentialCase[] = [
  { program: 'tutorial/single-thread', mode: 'exact', why: 'start() lets the new thread run first; the 2 s sleep orders the rest' },
  { program: 'tutorial/daemon-thread', mode: 'exact', why: 'as single-thread; the daemon is dropped at exit' },
  { program: 'tutorial/join', mode: 'exact', why: 'as single-thread; join orders the last two lines' },
  { program: 'tutorial/many-threads', mode: 'possible', why: 'three equal sleeps end in any order' },
  { program: 'tutorial/executor', mode: 'possible', why: 'three equal sleeps end in any order' },
  { program: 'tutorial/race', mode: 'possible', why: 'two equal sleeps end in either order' },
  { program: 'tutorial/locked-update', mode: 'possible', why: 'a log write releases the GIL, so the woken thread may log "has lock" before the releaser logs again' },
  { program: 'tutorial/deadlock', mode: 'exact', why: 'one thread', hangAfterMs: 3000 },
  { program: 'tutorial/rlock', mode: 'exact', why: 'one thread' },
  { program: 'tutorial/pipeline-lock', mode: 'possible', why: 'how far the producer runs ahead depends on the switches' },
  { program: 'tutorial/pipeline-queue', mode: 'possible', why: 'sleeps of 10, 25 and 100 ms meet at the same instants' },
  { program: 'tutorial/pipeline-final', mode: 'possible', why: 'as pipeline-queue' },
  { program: 'tutorial/semaphore', mode: 'possible', why: 'workers start 20 ms apart: a loaded machine can delay a start past another worker\'s release' },
  { program: 'tutorial/timer', mode: 'exact', why: 'sleeps of 0.3, 0.4 and 0.5 s order every line' },
];
