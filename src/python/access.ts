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
  // (The attribute subclasses below override `run` and pass no `perform`.)
  readonly value: unknown;
  /** One atomic update of a container (a C method or an item store under the GIL): see Op.atomic. */
  atomic = false;
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

const none = (): unknown => undefined;

/*
 * Attribute reads and writes are the hot path of a `.py` program, so they are classes with
 * `run` on the prototype (no closure per step), as the TypeScript models' shared ops are.
 */

/** A read of a plain instance attribute: `obj.name`. */
export class AttrReadOp extends AccessOp {
  constructor(
    location: string,
    site: string | undefined,
    glued: boolean,
    private readonly dict: Map<string, unknown>,
    private readonly name: string,
  ) {
    super('read', 'read', location, site, glued, none);
  }
  override run(): unknown {
    return this.dict.get(this.name);
  }
}

/** A write of a plain instance attribute: `obj.name = v`. */
export class AttrWriteOp extends AccessOp {
  constructor(
    location: string,
    site: string | undefined,
    glued: boolean,
    private readonly dict: Map<string, unknown>,
    private readonly name: string,
    private readonly written: unknown,
    shown: unknown,
  ) {
    super('write', 'write', location, site, glued, none, shown);
  }
  override run(): unknown {
    this.dict.set(this.name, this.written);
    return undefined;
  }
}
