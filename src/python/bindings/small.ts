/**
 * The small modules of `.py` programs: `time` (sleep and the clocks, on the virtual clock),
 * `random` (one seeded generator per execution), `sys` (setswitchinterval, exit) and `os`
 * (an empty `environ`, `cpu_count`).
 */
import { runtime } from '../../scheduler/context.js';
import { PARTIAL_STREAM as PARTIAL, type Op, type Steps } from '../../scheduler/ops.js';
import { random as model } from '../../models/random.js';
import { monotonic, sleep } from '../../models/time.js';
import { bindArgs, REQUIRED } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { drain, type Interp } from '../interp.js';
import { PyBuiltin, PyDict, PyFloat, PyList, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf, pyFloat, seconds } from './host.js';

/** Seconds since the epoch at virtual time 0 (a fixed date, so runs are reproducible). */
const EPOCH = 1_765_022_400;

const SLEEP_PARAMS = [['secs', REQUIRED]] as const;

/** Build `time`. */
export function timeModule(): PyModuleObject {
  const clock =
    (name: string, offset: number) =>
    (args: unknown[], kw: ReadonlyMap<string, unknown> | undefined): Steps<unknown> => {
      bindArgs(name, [], args, kw, false, 0, 'c');
      return (function* () {
        return pyFloat(offset + (yield* monotonic()));
      })();
    };
  // The _ns clocks: integer nanoseconds of the same virtual clock (microseconds, so exact).
  const clockNs =
    (name: string, offset: number) =>
    (args: unknown[], kw: ReadonlyMap<string, unknown> | undefined): Steps<unknown> => {
      bindArgs(name, [], args, kw, false, 0, 'c');
      return (function* () {
        return (offset + Math.round((yield* monotonic()) * 1e6)) * 1000;
      })();
    };
  return moduleOf('time', {
    sleep: new PyBuiltin('sleep', (args, kw) => {
      const { values } = bindArgs('time.sleep', SLEEP_PARAMS, args, kw, false, 0, 'c');
      if (typeof values[0] === 'string') throw pyRaise('TypeError', "'str' object cannot be interpreted as an integer");
      return sleep(seconds(values[0], 'secs') ?? 0);
    }),
    monotonic: new PyBuiltin('monotonic', clock('time.monotonic', 0)),
    perf_counter: new PyBuiltin('perf_counter', clock('time.perf_counter', 0)),
    time: new PyBuiltin('time', clock('time.time', EPOCH)),
    monotonic_ns: new PyBuiltin('monotonic_ns', clockNs('time.monotonic_ns', 0)),
    perf_counter_ns: new PyBuiltin('perf_counter_ns', clockNs('time.perf_counter_ns', 0)),
    time_ns: new PyBuiltin('time_ns', clockNs('time.time_ns', EPOCH * 1e6)),
  });
}

/** Build `random`. */
export function randomModule(interp: Interp): PyModuleObject {
  const int = (v: unknown): number => {
    if (typeof v !== 'number') throw pyRaise('TypeError', `'${interp.typeName(v)}' object cannot be interpreted as an integer`);
    return v;
  };
  return moduleOf('random', {
    seed: new PyBuiltin('seed', (args) => {
      model.seed(typeof args[0] === 'number' ? args[0] : 0);
      return null;
    }),
    random: new PyBuiltin('random', () => pyFloat(model.random())),
    uniform: new PyBuiltin('uniform', (args) => pyFloat(model.uniform(seconds(args[0]) ?? 0, seconds(args[1]) ?? 0))),
    randint: new PyBuiltin('randint', (args) => model.randint(int(args[0]), int(args[1]))),
    randrange: new PyBuiltin('randrange', (args) => model.randrange(int(args[0]), args[1] === undefined ? undefined : int(args[1]))),
    getrandbits: new PyBuiltin('getrandbits', (args) => model.getrandbits(int(args[0]))),
    choice: new PyBuiltin('choice', (args) =>
      (function* () {
        const items = drain(yield* interp.iterate(args[0], 0));
        return model.choice(items);
      })(),
    ),
    shuffle: new PyBuiltin('shuffle', (args) =>
      (function* () {
        const list = args[0];
        if (!(list instanceof PyList)) throw pyRaise('TypeError', `'${interp.typeName(list)}' object does not support item assignment`);
        yield interp.containerOp(list, 'write', () => model.shuffle(list.items)) as never;
        return null;
      })(),
    ),
  });
}

/**
 * `sys.stdout` and `sys.stderr`: `write(s)` (returns the length written) and `flush()`. Standard
 * output is written as `print` writes it (a line without its newline is continued by the next
 * write); standard error line by line, an unfinished line as a line of its own.
 */
function stream(name: 'stdout' | 'stderr'): PyModuleObject {
  const write = (args: unknown[], kw: ReadonlyMap<string, unknown> | undefined): Steps<unknown> => {
    const { values } = bindArgs('write', [['s', REQUIRED]], args, kw, false, 0, 'c');
    if (typeof values[0] !== 'string') throw pyRaise('TypeError', `write() argument must be str, not ${typeof values[0] === 'number' ? 'int' : 'object'}`);
    const text = values[0];
    const parts = text.split('\n');
    const last = parts.pop()!;
    const ops: Op[] = [];
    for (const l of parts) ops.push(name === 'stdout' ? outOp(PARTIAL, l) : outOp('stderr', l), ...(name === 'stdout' ? [outOp('stdout', '')] : []));
    if (last !== '') ops.push(name === 'stdout' ? outOp(PARTIAL, last) : outOp('stderr', last));
    return (function* () {
      for (const op of ops) yield op;
      return text.length;
    })();
  };
  return moduleOf(`sys.${name}`, {
    write: new PyBuiltin('write', write),
    flush: new PyBuiltin('flush', () => null),
  });
}

function outOp(stream: string, text: string): Op {
  return { kind: 'log', obj: undefined, access: 'none', value: text, run: (k) => k.emit(stream, stream === 'stderr' ? 40 : 0, text) };
}

/** Build `sys`. */
export function sysModule(file: string): PyModuleObject {
  let interval = 0.005;
  return moduleOf('sys', {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    setswitchinterval: new PyBuiltin('setswitchinterval', (args) => {
      const s = seconds(args[0], 'interval');
      if (s === null || !(s > 0)) throw pyRaise('ValueError', 'switch interval must be strictly positive');
      interval = s;
      const micros = Math.max(1, Math.round(s * 1e6));
      const op: Op = { kind: 'set', obj: undefined, access: 'none', value: `switchinterval ${s}`, run: (k) => k.setSwitchInterval?.(micros) };
      return (function* () {
        yield op;
        return null;
      })();
    }),
    getswitchinterval: new PyBuiltin('getswitchinterval', () => new PyFloat(interval)),
    exit: new PyBuiltin('exit', (args) => {
      throw pyRaise('SystemExit', args[0] === undefined || args[0] === null ? '' : String(args[0]));
    }),
    argv: new PyList([file], 'sys.argv'),
    version_info: new PyTuple([3, 11, 7, 'final', 0]),
    maxsize: Number.MAX_SAFE_INTEGER,
  });
}

/** Build `os`: threadsim programs see no environment (runs must not depend on the machine). */
export function osModule(): PyModuleObject {
  return moduleOf('os', {
    environ: new PyDict('os.environ'),
    cpu_count: new PyBuiltin('cpu_count', () => runtime('os.cpu_count()').settings.cpuCount),
    getpid: new PyBuiltin('getpid', () => 4242),
    sep: '/',
  });
}
