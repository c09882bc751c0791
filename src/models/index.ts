/** The models of Python's `threading`, `queue`, `concurrent.futures`, `time` and `logging`. */
export * from './exceptions.ts';
export { ThreadPoolExecutor, MapResults, type ExecutorOptions } from './executor.ts';
export { Future } from './future.ts';
export { Lock } from './lock.ts';
export { RLock } from './rlock.ts';
export { Condition, type Predicate } from './condition.ts';
export { Semaphore } from './semaphore.ts';
export { BoundedSemaphore } from './bounded-semaphore.ts';
export { Event } from './event.ts';
export { Timer } from './timer.ts';
export { Queue } from './queue.ts';
export { LifoQueue } from './lifo-queue.ts';
export { PriorityQueue } from './priority-queue.ts';
export type { ConditionLock } from './lock-protocol.ts';
export { logging, log, print, LEVELS, type LevelName } from './logging.ts';
export { shared, type Shared } from './shared.ts';
export { Thread, current_thread, main_thread, enumerate, active_count, type ThreadOptions, type Target } from './thread.ts';
export { sleep, monotonic } from './time.ts';
