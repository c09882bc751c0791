/**
 * How each built-in program is compared with its Python twin (`test/python/<name>.py`).
 *
 * - `exact`: the output does not depend on scheduling (one thread logs at a time, ordered by
 *   joins, blocking calls or sleeps of a second or more), so every CPython run must print
 *   exactly what threadsim prints under the default `gil` policy, and hang exactly when it
 *   deadlocks. Programs ordered by shorter sleeps are `possible`: on a loaded machine CPython
 *   can wake a thread 100 ms late, and a thread just started may log after its starter.
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
   * Kill CPython when it is still running this many milliseconds after its first line, and
   * count the run as hung. Set it short for programs that may hang; the default is generous
   * so that slow is never mistaken for hung.
   */
  readonly hangAfterMs?: number;
  /**
   * CPython sleeps this fraction of what the program says (threadsim keeps the full values).
   * Default 1 for `exact` (sleeps must dwarf the OS's scheduling delays on a loaded machine),
   * 0.1 for `possible` (timing only changes which possible output CPython picks).
   */
  readonly sleepScale?: number;
}

/** Time limit for twins that may hang: far longer than any of them takes when it ends. */
const HANGS = 4000;

/** Every built-in program's comparison; the test checks that none is missing. */
export const CASES: readonly DifferentialCase[] = [
  { program: 'tutorial/single-thread', mode: 'possible', why: 'the new thread usually logs before main goes on, but a loaded machine can delay it' },
  { program: 'tutorial/daemon-thread', mode: 'possible', why: 'as single-thread; a delayed daemon can even be dropped before its first line' },
  { program: 'tutorial/join', mode: 'possible', why: 'as single-thread' },
  { program: 'tutorial/many-threads', mode: 'possible', why: 'three equal sleeps end in any order' },
  { program: 'tutorial/executor', mode: 'possible', why: 'three equal sleeps end in any order' },
  { program: 'tutorial/race', mode: 'possible', why: 'two equal sleeps end in either order' },
  { program: 'tutorial/locked-update', mode: 'possible', why: 'a log write releases the GIL, so the woken thread may log "has lock" before the releaser logs again' },
  { program: 'tutorial/deadlock', mode: 'exact', why: 'one thread', hangAfterMs: HANGS },
  { program: 'tutorial/rlock', mode: 'exact', why: 'one thread' },
  { program: 'tutorial/pipeline-lock', mode: 'possible', why: 'how far the producer runs ahead depends on the switches' },
  { program: 'tutorial/pipeline-queue', mode: 'possible', why: 'sleeps of 10, 25 and 100 ms meet at the same instants' },
  { program: 'tutorial/pipeline-final', mode: 'possible', why: 'as pipeline-queue' },
  { program: 'tutorial/semaphore', mode: 'possible', why: 'workers start 20 ms apart: a loaded machine can delay a start past another worker\'s release' },
  { program: 'tutorial/timer', mode: 'possible', why: 'sleeps 0.2 s apart order the lines, unless a loaded machine delays a thread longer' },
  { program: 'tutorial/barrier', mode: 'possible', why: 'arrivals and departures 0.1 s apart order the lines, unless a loaded machine delays a thread longer' },
  { program: 'zoo/bounded-buffer-notify', mode: 'possible', why: 'which waiter a notify wakes depends on who waited first', hangAfterMs: HANGS },
  { program: 'zoo/bounded-buffer-notify-fixed', mode: 'possible', why: 'producers and consumers interleave freely' },
  { program: 'zoo/check-then-act', mode: 'possible', why: 'the consumers race for the job', hangAfterMs: HANGS },
  { program: 'zoo/check-then-act-fixed', mode: 'possible', why: 'the consumers race for the job' },
  { program: 'zoo/lock-order-inversion', mode: 'possible', why: 'the transfers race for the locks', hangAfterMs: HANGS },
  { program: 'zoo/lock-order-inversion-fixed', mode: 'possible', why: 'the transfers race for the locks' },
  { program: 'zoo/dining-philosophers', mode: 'possible', why: 'the philosophers race for the forks', hangAfterMs: HANGS },
  { program: 'zoo/dining-philosophers-fixed', mode: 'possible', why: 'the philosophers race for the forks' },
  { program: 'zoo/lost-notify', mode: 'possible', why: 'the notify may come before or after the wait', hangAfterMs: HANGS },
  { program: 'zoo/lost-notify-fixed', mode: 'possible', why: 'the notify may come before or after the wait' },
  { program: 'zoo/barrier-timeout', mode: 'possible', why: 'the two broken waiters wake at the same instant' },
  { program: 'zoo/barrier-timeout-fixed', mode: 'possible', why: 'arrivals at 0.1, 0.2 and 1 s order the lines, unless a loaded machine delays a thread longer' },
  { program: 'zoo/executor-swallowed-exception', mode: 'exact', why: 'only main logs, after the pool is shut down' },
  { program: 'zoo/executor-swallowed-exception-fixed', mode: 'exact', why: 'only main logs, after the pool is shut down' },
  { program: 'zoo/daemon-lost-write', mode: 'exact', why: 'main ends long before the daemon wakes' },
  { program: 'zoo/daemon-lost-write-fixed', mode: 'exact', why: 'the join orders the two lines' },
];
