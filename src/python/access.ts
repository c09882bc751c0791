/**
 * The ops a `.py` program's shared state produces: a read or a write of an instance
 * attribute, a declared global or a container. They run the access itself at their step, so
 * what a thread reads is what the memory holds when the scheduler runs that step.
 *
 * `glued`: CPython 3.11 can switch threads only at check points (function entry, a backward
 * jump, the return from a call to non-Python code). An access with no check point since the
 * thread's previous op is glued to that op: the engine runs it next, with no scheduling point
 * between, and exploration treats the run of glued ops as one transition.
 */
import type { Op } from '../scheduler/ops.js';

/** One shared access: its location, its kind and the code that performs it. */
export class AccessOp implements Op {
  readonly value: unknown;
  constructor(
    readonly kind: 'read' | 'write',
    readonly access: 'read' | 'write',
    readonly obj: string,
    readonly site: string | undefined,
    readonly glued: boolean,
    private readonly perform: () => unknown,
    shown?: unknown,
  ) {
    this.value = shown;
  }
  run(): unknown {
    return this.perform();
  }
}
