/**
 * Ops that report how much their object holds for blocking takes (`Op.available`), so that
 * exploration can tell when a take could not have run. Shared by the queue, executor and
 * semaphore models.
 */
import type { Op } from '../scheduler/ops.js';

/**
 * `op` with `available` set to `count` (exploration calls it right after the step ran). A
 * plain field, not a getter: defining an accessor on every op cost a tenth of a short run.
 */
export function counted(op: Op, count: () => number): Op {
  (op as { available?: () => number }).available = count;
  return op;
}
