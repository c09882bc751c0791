/**
 * The host of one execution's interpreter: builtins, the modules a program can import, and
 * the Python class of every model object. The builtins and the modules whose members hold no
 * per-execution state (`threading`, `queue`, `concurrent.futures`, `logging`, `time`, `os`) are
 * made once per program and shared by its executions (see {@link SharedHost}); `sys` (the
 * switch interval it reports) and `random` (its generator's interpreter) are made per execution.
 */
import type { Host, Interp } from '../interp.js';
import { makeBuiltins, type InterpRef } from '../builtins.js';
import { markBuiltinType, PyClass, PyDict, PyList, PyModuleObject } from '../values.js';
import { collectionsModule, PyNamedTuple } from './collections.js';
import { contextlibModule } from './contextlib.js';
import { dataclassesModule } from './dataclasses.js';
import { futuresModule } from './futures.js';
import { heapqModule } from './heapq.js';
import { functoolsModule } from './functools.js';
import { itertoolsModule } from './itertools.js';
import { mathModule } from './math.js';
import { moduleOf } from './host.js';
import { loggingModule } from './logging.js';
import { queueModule } from './queue.js';
import { osModule, randomModule, sysModule, timeModule } from './small.js';
import { followExcepthook, threadingModule } from './threading.js';
import { collectionsAbcModule, futureModule, typingModule } from './typing.js';

/** Modules a `.py` program can import. */
export const MODULE_NAMES = ['threading', 'queue', 'concurrent', 'concurrent.futures', 'logging', 'time', 'random', 'sys', 'os', 'typing', '__future__', 'collections', 'collections.abc', 'functools', 'itertools', 'math', 'contextlib', 'heapq', 'dataclasses'] as const;

/**
 * What one program's executions share: the builtins and the big modules, made on first use,
 * then pointed at each execution's interpreter in turn (their functions reach it through one
 * {@link InterpRef}). Safe because executions of a program never interleave (the engine runs
 * one to its end before it starts another; what-if runs start after the reported run's last
 * step), and because nothing shared can be changed by a program: each execution gets its own
 * module objects (copies of the shared members), and the classes (`int`, `threading.Lock`,
 * `ThreadPoolExecutor`) are immutable, as CPython's built-in types are.
 */
export class SharedHost {
  private readonly ref: InterpRef = { I: undefined as unknown as Interp };
  private builtinMap: Map<string, unknown> | undefined;
  /** Model classes to their Python classes (filled as the modules are made). */
  readonly registry = new Map<Function, PyClass>();
  /** Each shared module as made, and its members as a list when some are containers (copied per execution). */
  private readonly templates = new Map<string, { readonly module: PyModuleObject; readonly entries: readonly (readonly [string, unknown])[] | undefined }>();

  /** The builtins, serving `interp` from now on. */
  builtins(interp: Interp): Map<string, unknown> {
    this.ref.I = interp;
    return (this.builtinMap ??= makeBuiltins(this.ref));
  }

  /** A fresh module object `name` for the running execution, or undefined when it is not a shared one. */
  module(name: string): PyModuleObject | undefined {
    let t = this.templates.get(name);
    if (t === undefined) {
      const made = this.make(name);
      if (made === undefined) return undefined;
      for (const v of made.dict.values()) if (v instanceof PyClass) markBuiltinType(v);
      const hasContainers = [...made.dict.values()].some((v) => v instanceof PyDict || v instanceof PyList);
      this.templates.set(name, (t = { module: made, entries: hasContainers ? [...made.dict] : undefined }));
    }
    // Each execution gets its own module object, sharing the template's members until it sets
    // one; the containers a program can change in place (`os.environ`) are copied now, so no
    // execution sees another's changes.
    if (t.entries === undefined) return new PyModuleObject(t.module.name, t.module.dict as Map<string, unknown>, true);
    const dict = new Map<string, unknown>();
    for (const [k, v] of t.entries) dict.set(k, v instanceof PyDict ? copyDict(v) : v instanceof PyList ? new PyList(v.items.slice(), v.label) : v);
    return new PyModuleObject(t.module.name, dict);
  }

  private make(name: string): PyModuleObject | undefined {
    switch (name) {
      case 'threading':
        return threadingModule(this.ref, this.registry);
      case 'queue':
        return queueModule(this.ref, this.registry);
      case 'concurrent.futures':
        return futuresModule(this.ref, this.registry);
      case 'logging':
        return loggingModule(this.ref);
      case 'concurrent':
        return moduleOf('concurrent', {});
      case 'time':
        return timeModule();
      case 'os':
        return osModule();
      case 'typing':
        return typingModule(this.registry);
      case '__future__':
        return futureModule();
      case 'collections':
        return collectionsModule(this.ref, this.registry, this.builtinMap!.get('dict') as PyClass);
      case 'collections.abc':
        return collectionsAbcModule();
      case 'functools':
        return functoolsModule(this.ref, this.registry);
      case 'itertools':
        return itertoolsModule(this.ref);
      case 'math':
        return mathModule(this.ref);
      case 'contextlib':
        return contextlibModule(this.ref, this.registry);
      case 'heapq':
        return heapqModule(this.ref);
      default:
        return undefined;
    }
  }
}

function copyDict(d: PyDict): PyDict {
  const out = new PyDict(d.label);
  for (const [k, v] of d.map) out.map.set(k, [v[0], v[1]]);
  return out;
}

/** A host for one execution; `shared` holds what the program's executions share. */
export function makeHost(file: string, shared: SharedHost = new SharedHost()): Host {
  const registry = shared.registry;
  return {
    builtins: (interp: Interp) => shared.builtins(interp),
    classOf(v: object): PyClass | undefined {
      if (v instanceof PyNamedTuple) return v.cls;
      for (let p: object | null = Object.getPrototypeOf(v) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
        const c = registry.get((p as { constructor: Function }).constructor);
        if (c !== undefined) return c;
      }
      return undefined;
    },
    module(name: string, interp: Interp): PyModuleObject | undefined {
      const cached = interp.modules.get(name);
      if (cached !== undefined) return cached;
      let m: PyModuleObject | undefined;
      switch (name) {
        case 'threading':
        case 'queue':
        case 'logging':
        case 'concurrent':
        case 'time':
        case 'os':
        case 'typing':
        case '__future__':
        case 'collections':
        case 'functools':
        case 'itertools':
        case 'math':
        case 'contextlib':
        case 'heapq':
          m = shared.module(name);
          break;
        case 'concurrent.futures':
          m = shared.module(name);
          interp.importModule('concurrent').set('futures', m);
          break;
        case 'collections.abc':
          m = shared.module(name);
          interp.importModule('collections').set('abc', m);
          break;
        case 'random':
          m = randomModule(interp);
          break;
        case 'sys':
          m = sysModule(file);
          break;
        case 'dataclasses':
          m = dataclassesModule(interp);
          break;
      }
      if (m !== undefined) interp.modules.set(name, m);
      // A program assigns `threading.excepthook`: the model asks this execution's module for it.
      if (name === 'threading' && m !== undefined) followExcepthook(m, { I: interp }, m.dict.get('ExceptHookArgs') as PyClass);
      return m;
    },
  };
}
