/**
 * The host of one execution's interpreter: builtins, the modules a program can import, and
 * the Python class of every model object. Made once per execution, as the modules hold
 * per-execution state (the program's threading objects refer to the execution's interpreter).
 */
import type { Host, Interp } from '../interp.js';
import { makeBuiltins, type InterpRef } from '../builtins.js';
import type { PyClass, PyModuleObject } from '../values.js';
import { futuresModule } from './futures.js';
import { moduleOf } from './host.js';
import { loggingModule } from './logging.js';
import { queueModule } from './queue.js';
import { osModule, randomModule, sysModule, timeModule } from './small.js';
import { threadingModule } from './threading.js';

/** Modules a `.py` program can import. */
export const MODULE_NAMES = ['threading', 'queue', 'concurrent', 'concurrent.futures', 'logging', 'time', 'random', 'sys', 'os'] as const;

/**
 * The builtins one program's executions share (see makeBuiltins): made on first use, then
 * pointed at each execution's interpreter in turn. Executions of a program never interleave:
 * the engine runs one to its end before it starts another (what-if runs start after the
 * reported run's last step).
 */
export class SharedBuiltins {
  private readonly ref: InterpRef = { I: undefined as unknown as Interp };
  private map: Map<string, unknown> | undefined;

  /** The builtins, serving `interp` from now on. */
  for(interp: Interp): Map<string, unknown> {
    this.ref.I = interp;
    return (this.map ??= makeBuiltins(this.ref));
  }
}

/** A fresh host for one execution; `builtins` is shared by the program's executions. */
export function makeHost(file: string, builtins: SharedBuiltins = new SharedBuiltins()): Host {
  const registry = new Map<Function, PyClass>();
  return {
    builtins: (interp: Interp) => builtins.for(interp),
    classOf(v: object): PyClass | undefined {
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
          m = threadingModule(interp, registry);
          break;
        case 'queue':
          m = queueModule(registry);
          break;
        case 'concurrent':
          m = moduleOf('concurrent', {});
          break;
        case 'concurrent.futures':
          m = futuresModule(interp, registry);
          interp.importModule('concurrent').dict.set('futures', m);
          break;
        case 'logging':
          m = loggingModule(interp);
          break;
        case 'time':
          m = timeModule();
          break;
        case 'random':
          m = randomModule(interp);
          break;
        case 'sys':
          m = sysModule(file);
          break;
        case 'os':
          m = osModule();
          break;
      }
      if (m !== undefined) interp.modules.set(name, m);
      return m;
    },
  };
}
