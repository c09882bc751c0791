/**
 * Ops that report how much their object holds for blocking takes (`Op.available`), so that
 * exploration can tell when a take could not have run. Shared by the queue, executor and
 * semaphore models.
 */
import type { Op } from '../scheduler/ops.js';

/** `op` with `available` read live from `count` (a getter: its value right after the step ran). */
export function counted(op: Op, count: () => number): Op {
  return Object.defineProperty(op, 'available', { get: count, enumerable: true });
}
