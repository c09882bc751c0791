/**
 * The `logging` module for `.py` programs: `debug` .. `critical` (and `exception`,
 * `log`), `basicConfig`, `getLogger`, the level constants. Each call is one step, printed as the
 * tutorial's `basicConfig(format="%(asctime)s: %(message)s")` prints it; the level the program
 * passes to `basicConfig` is read before the run (see program.ts) and filters what is shown.
 */
import { logging as model } from '../../models/logging.js';
import type { Steps } from '../../scheduler/ops.js';
import { percentFormat } from '../format.js';
import type { InterpRef } from '../builtins.js';
import type { Interp } from '../interp.js';
import { PyBuiltin, PyFunction, PyInstance, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf } from './host.js';

const LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;
type Level = keyof typeof LEVELS;

/** A value whose str and repr were computed ahead (they may run program code). */
class Pre {
  constructor(
    readonly s: string,
    readonly r: string,
  ) {}
}

/** `msg % args` as logging formats it, running program `__str__`/`__repr__` first. */
export function* logMessage(interp: Interp, msg: unknown, args: readonly unknown[]): Steps<string> {
  const text = typeof msg === 'string' ? msg : yield* interp.str(msg);
  if (args.length === 0) return text;
  const pre: unknown[] = [];
  for (const a of args) {
    if (runsCode(a)) {
      pre.push(new Pre(yield* interp.str(a), yield* interp.reprOf(a)));
    } else {
      pre.push(a);
    }
  }
  const value = pre.length === 1 && !(pre[0] instanceof PyTuple) ? pre[0] : new PyTuple(pre);
  return percentFormat(
    text,
    pre.length === 1 && pre[0] instanceof PyTuple ? new PyTuple([pre[0]]) : value,
    (x) => (x instanceof Pre ? x.s : interp.strSync(x)),
    (x) => (x instanceof Pre ? x.r : interp.repr(x)),
  );
}

/** Whether printing `a` may run program code (a class's `__str__`/`__repr__`, a dataclass's generated one too). */
function runsCode(a: unknown): boolean {
  if (!(a instanceof PyInstance)) return false;
  const s = a.cls.lookup('__str__');
  const r = a.cls.lookup('__repr__');
  return s instanceof PyFunction || s instanceof PyBuiltin || r instanceof PyFunction || r instanceof PyBuiltin;
}

/** `msg % args` for arguments whose str and repr run no program code; `args` starts with `msg`. */
function formatted(interp: Interp, msg: string, args: readonly unknown[]): string {
  const value = args.length === 2 && !(args[1] instanceof PyTuple) ? args[1] : new PyTuple(args.slice(1));
  return percentFormat(msg, value, interp.strOf, interp.reprOfSync);
}

/** Build `logging` for one program (see threadingModule). */
export function loggingModule(ref: InterpRef): PyModuleObject {
  const at = (level: Level): PyBuiltin => {
    const emit = model[level.toLowerCase() as 'info'];
    return new PyBuiltin(level.toLowerCase(), (args) => {
      // The usual call (a string message, arguments of built-in types) formats without
      // running program code, so its one step is the model's; the text goes to the model
      // unformatted-again (no arguments: logging prints the message as it is).
      const msg = args[0];
      if (typeof msg === 'string' && !args.some(runsCode)) return emit(args.length === 1 ? msg : formatted(ref.I, msg, args));
      return (function* (): Steps<unknown> {
        yield* emit(yield* logMessage(ref.I, msg, args.slice(1)));
        return null;
      })();
    });
  };
  const members: Record<string, unknown> = {
    debug: at('DEBUG'),
    info: at('INFO'),
    warning: at('WARNING'),
    error: at('ERROR'),
    critical: at('CRITICAL'),
    exception: at('ERROR'),
    ...LEVELS,
    basicConfig: new PyBuiltin('basicConfig', () => null),
  };
  const levelName = (n: number): Level => (n >= 50 ? 'CRITICAL' : n >= 40 ? 'ERROR' : n >= 30 ? 'WARNING' : n >= 20 ? 'INFO' : 'DEBUG');
  members.log = new PyBuiltin('log', (args) => (members[levelName(args[0] as number).toLowerCase()] as PyBuiltin).call(args.slice(1), undefined));
  // One logger per execution (a program may set its attributes).
  const loggers = new WeakMap<Interp, PyModuleObject>();
  members.getLogger = new PyBuiltin('getLogger', () => {
    let logger = loggers.get(ref.I);
    if (logger === undefined) loggers.set(ref.I, (logger = moduleOf('logging.Logger', { ...members })));
    return logger;
  });
  return moduleOf('logging', members);
}
