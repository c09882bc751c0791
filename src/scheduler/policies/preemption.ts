/**
 * A preemption: switching away from a thread that could have gone on (it is still runnable
 * and did not block, sleep or yield). Preemption-bounded search and shrinking count these.
 */
export function isPreemption(runnable: readonly number[], previous: number, yielded: boolean, chosen: number): boolean {
  return previous >= 0 && chosen !== previous && !yielded && runnable.includes(previous);
}
