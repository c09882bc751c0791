/**
 * Python generators: generator objects of `def` bodies with `yield`, and generator
 * expressions. A generator's body runs as a JavaScript generator that yields two kinds of
 * values: the ops of the steps it takes (for the engine) and {@link PyYield} markers (for
 * whoever resumed it). {@link PyGenerator.resume} relays the ops to the engine through the
 * consumer's own generator chain, so a generator's steps are taken by the thread that resumes
 * it, exactly when it resumes it, and a consumer that stops early (`any`, `next`, a `break`)
 * leaves the rest of the body unrun, as in CPython.
 *
 * Switching: resuming a generator enters its frame at a RESUME instruction, which CPython 3.11
 * makes a check point; handing an item back to the consumer is not one.
 */
import { BaseException, exceptionClass, isInstanceOfClass, pyRaise, pyValueOf, raiseable } from './exceptions.js';
import { markBuiltinType, PyBuiltin, PyClass, PyInstance, PyStepIterator, PyTuple } from './values.js';

/** What a generator's body yields for a Python `yield v`: every other value it yields is an op. */
export class PyYield {
  constructor(readonly value: unknown) {}
}

/** The interpreter as a generator needs it. */
export interface GeneratorHost {
  check: boolean;
  strSync(v: unknown): string;
  /** A step on shared state at the current line; glued to the thread's previous op when no check point came between. */
  access(kind: 'read' | 'write', obj: string, line: number, perform: () => unknown): unknown;
}

const DONE: IteratorResult<unknown> = { done: true, value: undefined };

/** A Python generator object (`gen()` of a generator function, or `(x for x in xs)`). */
export class PyGenerator extends PyStepIterator {
  private started = false;
  private running = false;
  private finished = false;

  constructor(
    readonly name: string,
    readonly qualname: string,
    /** Unique in its execution (`generator#2`): its repr's address. */
    readonly label: string,
    private readonly body: Generator<unknown, unknown, unknown>,
    /** The interpreter of the execution that made it. */
    readonly host: GeneratorHost,
    /** Reachable by the thread consuming it only (a `for` loop's or `sum`'s generator expression): its resumes take no steps. */
    private confined = false,
  ) {
    super(undefined, false);
  }

  /** Which Python call made it (the interpreter's count of frames entered then), or -1 for a generator expression. */
  madeAt = -1;
  /** The frame depth of the code that called the generator function. */
  madeDepth = -1;

  /**
   * Only its consumer can reach it from now on: the generator a `for` loop's own call made
   * (`for x in gen():`), which no name refers to and no other thread can resume, takes no
   * steps of its own to enter and leave its frame, as a generator expression there does.
   */
  confine(): void {
    this.confined = true;
  }

  /** `next(gen)`: resume with None. */
  override step(): Generator<never, IteratorResult<unknown>, unknown> {
    return this.resume(null, undefined);
  }

  /** Whether the body has finished (returned, raised or was closed). */
  get closed(): boolean {
    return this.finished;
  }

  /**
   * Resume the body with `sent` (the value of the `yield` it stopped at), or with `thrown`
   * raised there: the next yielded item, or done with the body's return value.
   *
   * Entering and leaving the frame are each a write step on the generator object
   * (`generator#N`): its state (running, started, finished) and its frame are shared by every
   * thread that resumes it, so exploration must see two threads' resumes as dependent. Entering
   * is glued to the consumer's previous op unless a check point came between (a call of
   * `next()` is not one); the RESUME check point follows it, so another thread can resume the
   * generator while this one is in its body and get "generator already executing", as in
   * CPython. Leaving hands the item back with no check point before it.
   */
  *resume(sent: unknown, thrown: unknown, closing = false): Generator<never, IteratorResult<unknown>, unknown> {
    const go = this.confined ? this.enter(sent, thrown, closing) : ((yield this.host.access('write', this.label, 0, () => this.enter(sent, thrown, closing)) as never) as boolean);
    if (!go) {
      if (thrown !== undefined && !closing) throw thrown;
      return DONE;
    }
    // RESUME: a check point.
    this.host.check = true;
    const body = this.body;
    let out: IteratorResult<unknown>;
    try {
      let r = thrown !== undefined ? body.throw(thrown) : body.next(sent);
      for (;;) {
        if (r.done === true) {
          out = { done: true, value: r.value };
          break;
        }
        const v = r.value;
        if (v instanceof PyYield) {
          out = { done: false, value: v.value };
          break;
        }
        // An op: the engine runs it and answers (or throws what it raised) through this relay.
        let reply: unknown;
        try {
          reply = yield v as never;
        } catch (e) {
          r = body.throw(e);
          continue;
        }
        r = body.next(reply);
      }
    } catch (e) {
      if (!isPython(e)) {
        // threadsim's own error (the run is ending): no step for it.
        this.running = false;
        this.finished = true;
        throw e;
      }
      yield* this.left(true);
      // PEP 479: a StopIteration escaping the body would end the consumer's loop silently.
      if (isInstanceOfClass(pyValueOf(e, (x) => this.host.strSync(x)), exceptionClass('StopIteration')!)) {
        const err = pyRaise('RuntimeError', 'generator raised StopIteration');
        (err as { pyFrames?: unknown }).pyFrames = (e as { pyFrames?: unknown }).pyFrames;
        throw err;
      }
      throw e;
    }
    const done = out.done === true;
    yield* this.left(done);
    return out;
  }

  private *left(done: boolean): Generator<never, void, unknown> {
    if (this.confined) this.leave(done);
    else yield this.host.access('write', this.label, 0, () => this.leave(done)) as never;
  }

  /** The step entering the frame: whether the body is to run (false: it has finished, or `close()` of one never started). */
  private enter(sent: unknown, thrown: unknown, closing: boolean): boolean {
    if (this.running) throw pyRaise('ValueError', 'generator already executing');
    if (this.finished) return false;
    if (!this.started) {
      if (closing) {
        this.finished = true;
        return false;
      }
      if (thrown === undefined && sent !== null && sent !== undefined) throw pyRaise('TypeError', "can't send non-None value to a just-started generator");
    }
    this.started = true;
    this.running = true;
    return true;
  }

  /** The step leaving the frame: at a `yield`, or for good. */
  private leave(done: boolean): undefined {
    this.running = false;
    if (done) this.finished = true;
    return undefined;
  }

  /** `gen.close()`: raise GeneratorExit at the paused `yield`; the body must not yield again. */
  *close(): Generator<never, null, unknown> {
    try {
      const r = yield* this.resume(null, pyRaise('GeneratorExit', ''), true);
      if (!r.done) throw pyRaise('RuntimeError', 'generator ignored GeneratorExit');
    } catch (e) {
      if (!isPython(e)) throw e;
      const cls = pyValueOf(e, (x) => this.host.strSync(x)).cls;
      if (!cls.isSubclassOf(exceptionClass('GeneratorExit')!) && !cls.isSubclassOf(exceptionClass('StopIteration')!)) throw e;
    }
    return null;
  }
}

function isPython(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as Error).name !== 'ThreadsimError';
}

/** StopIteration carrying a generator's return value (`StopIteration.value`), as `next()` raises it. */
export function stopIteration(value: unknown, str: (v: unknown) => string): unknown {
  const cls = exceptionClass('StopIteration')!;
  const inst = new PyInstance(cls, cls.name);
  const has = value !== null && value !== undefined;
  inst.dict.set('args', new PyTuple(has ? [value] : []));
  inst.dict.set('value', has ? value : null);
  return raiseable(inst, has ? str(value) : '');
}

/** The exception `gen.throw(x)` raises: an exception class is instantiated, an instance raised as it is. */
function thrownOf(x: unknown, host: GeneratorHost): unknown {
  if (x instanceof PyClass && x.isSubclassOf(BaseException)) {
    const inst = new PyInstance(x, x.name);
    inst.dict.set('args', new PyTuple([]));
    return raiseable(inst, '');
  }
  if (x instanceof PyInstance && x.cls.isSubclassOf(BaseException)) {
    const args = x.dict.get('args');
    const items = args instanceof PyTuple ? args.items : [];
    return raiseable(x, items.length === 1 ? host.strSync(items[0]) : items.length === 0 ? '' : host.strSync(args));
  }
  return pyRaise('TypeError', 'exceptions must be classes or instances deriving from BaseException, not ' + (typeof x === 'object' && x !== null ? 'object' : typeof x));
}

function self(args: unknown[], method: string): PyGenerator {
  const g = args[0];
  if (!(g instanceof PyGenerator)) throw pyRaise('TypeError', `descriptor '${method}' requires a 'generator' object`);
  return g;
}

/** The item of a resume as `next()`/`send()` return it: StopIteration when the body is done. */
function* item(g: PyGenerator, sent: unknown, thrown: unknown, host: GeneratorHost): Generator<never, unknown, unknown> {
  const r = yield* g.resume(sent, thrown);
  if (r.done === true) throw stopIteration(r.value, (v) => host.strSync(v));
  return r.value;
}

/** The class of generator objects (`type(gen)`), with `send`, `throw`, `close` and the iterator protocol; immutable, shared by every execution. */
export const GENERATOR_CLASS: PyClass = (() => {
  const dict = new Map<string, unknown>();
  const method = (name: string, fn: (args: unknown[]) => unknown): void => void dict.set(name, new PyBuiltin(name, (args) => fn(args)));
  method('__next__', (a) => {
    const g = self(a, '__next__');
    return item(g, null, undefined, g.host);
  });
  method('send', (a) => {
    const g = self(a, 'send');
    if (a.length !== 2) throw pyRaise('TypeError', `generator.send() takes exactly one argument (${a.length - 1} given)`);
    return item(g, a[1], undefined, g.host);
  });
  method('throw', (a) => {
    const g = self(a, 'throw');
    return item(g, null, thrownOf(a[1], g.host), g.host);
  });
  method('close', (a) => self(a, 'close').close());
  method('__iter__', (a) => self(a, '__iter__'));
  const cls = new PyClass('generator', undefined, dict);
  markBuiltinType(cls);
  return cls;
})();
