/**
 * The `threading` module for `.py` programs, over threadsim's models: Thread (and subclasses
 * overriding `run`), Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier,
 * Timer, local, current_thread and friends, with CPython's signatures.
 */
import { PyPartial } from './functools.js';
import type { Op, Step, Steps } from '../../scheduler/ops.js';
import { Barrier } from '../../models/barrier.js';
import { BoundedSemaphore } from '../../models/bounded-semaphore.js';
import { Condition } from '../../models/condition.js';
import { Event } from '../../models/event.js';
import { Lock, TIMEOUT_MAX } from '../../models/lock.js';
import { local } from '../../models/local.js';
import { RLock } from '../../models/rlock.js';
import { Semaphore } from '../../models/semaphore.js';
import { active_count, current_thread, enumerate, excepthook_source, get_ident, main_thread, Thread, type ExceptHookArgs } from '../../models/thread.js';
import { describeError, exceptionLine } from '../../scheduler/exception-line.js';
import { Timer } from '../../models/timer.js';
import { bindArgs, REQUIRED, type CallKind } from '../args.js';
import { exceptionClass, pyRaise, pyValueOf } from '../exceptions.js';
import { PyHostProperty, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBuiltin, PyClass, PyFunction, PyInstance, PyList, PyModuleObject } from '../values.js';
import { contextMethods, hostOf, items, moduleOf, modelClass, pyFloat, seconds } from './host.js';

/** A model Thread that runs a Python subclass's `run()` when it overrides it. */
class PyThread extends Thread<unknown[]> {
  pyInstance: PyInstance | undefined;
  interp: Interp | undefined;
  /** `threading.excepthook` when the thread was made: CPython's fallback when the hook is None by the time it raises. */
  hookAtInit: unknown;
  override *run(): Steps<unknown> {
    const inst = this.pyInstance;
    const run = inst?.cls.lookup('run');
    if (inst !== undefined && run instanceof PyFunction) return yield* this.interp!.call(run, [inst], undefined);
    return yield* super.run();
  }
  override toString(): string {
    return super.toString().replace(/^<PyThread\(/, `<${this.pyInstance?.cls.name ?? 'Thread'}(`);
  }
}

/** The Python value for a model thread: a subclass instance when it has one. */
export function threadValue(t: Thread): unknown {
  return t instanceof PyThread && t.pyInstance !== undefined ? t.pyInstance : t;
}

/**
 * Build `threading` for one program (its executions share it: see SharedHost); `ref` is the
 * running execution's interpreter, `registry` maps model classes to their Python classes.
 */
export function threadingModule(ref: InterpRef, registry: Map<Function, PyClass>): PyModuleObject {
  const lockMethods = <L extends { acquire(b?: boolean, t?: number): Step<boolean>; release(): Step<void> }>(what: string) => ({
    acquire: { params: [['blocking', true], ['timeout', -1]] as const, run: (self: unknown, v: unknown[]) => hostOf<L>(self, what).acquire(v[0] as boolean, seconds(v[1]) ?? -1) },
    release: { params: [], run: (self: unknown) => hostOf<L>(self, what).release() },
    ...contextMethods(
      (self) => hostOf<L>(self, what).acquire(),
      (self) => hostOf<L>(self, what).release(),
    ),
  });
  const thread = modelClass(
    registry,
    'Thread',
    'threading.',
    Thread,
    {
      params: [['group', null], ['target', null], ['name', null], ['args', []], ['kwargs', null], '*', ['daemon', null]],
      construct: (self, v) => {
        if (v[0] !== null) throw pyRaise('AssertionError', 'group argument must be None for now');
        const hookAtInit = currentHook(ref);
        const kwargs = v[4] as { map: Map<unknown, [unknown, unknown]> } | null;
        const kw = kwargs === null ? undefined : new Map([...kwargs.map.values()].map(([k, x]) => [String(k), x]));
        const t = new PyThread({
          ...(v[1] === null ? {} : { target: ref.I.target(v[1], kw) as never }),
          args: items(v[3], 'args') as never,
          ...(v[2] === null ? {} : { name: String(v[2]) }),
          daemon: v[5] as boolean | null,
        });
        // CPython names a thread after its target's __name__, which a partial does not have.
        if (v[2] === null && v[1] instanceof PyPartial) t.name = t.name.replace(/ \(.*\)$/, '');
        t.pyInstance = self;
        t.interp = ref.I;
        t.hookAtInit = hookAtInit;
        return t;
      },
    },
    {
      start: { params: [], run: (self) => hostOf<Thread>(self, 'Thread').start() },
      join: { params: [['timeout', null]], run: (self, v) => hostOf<Thread>(self, 'Thread').join(seconds(v[0])) },
      is_alive: { params: [], run: (self) => hostOf<Thread>(self, 'Thread').is_alive() },
      run: { params: [], run: (self) => Thread.prototype.run.call(hostOf<Thread>(self, 'Thread')) },
      getName: { params: [], run: (self) => hostOf<Thread>(self, 'Thread').name },
      setName: { params: [['name', REQUIRED]], run: (self, v) => void (hostOf<Thread>(self, 'Thread').name = String(v[0])) },
      isDaemon: { params: [], run: (self) => hostOf<Thread>(self, 'Thread').daemon },
      setDaemon: { params: [['daemonic', REQUIRED]], run: (self, v) => void (hostOf<Thread>(self, 'Thread').daemon = v[0] === true) },
    },
    {
      name: new PyHostProperty(
        (self) => hostOf<Thread>(self, 'Thread').name,
        (self, v) => void (hostOf<Thread>(self, 'Thread').name = String(v)),
      ),
      daemon: new PyHostProperty(
        (self) => hostOf<Thread>(self, 'Thread').daemon,
        (self, v) => void (hostOf<Thread>(self, 'Thread').daemon = v === true),
      ),
      ident: new PyHostProperty((self) => hostOf<Thread>(self, 'Thread').ident),
      native_id: new PyHostProperty((self) => hostOf<Thread>(self, 'Thread').ident),
    },
  );
  // Lock and RLock are written in C in CPython: `threading.Lock` is `_thread.allocate_lock`, and
  // `threading.RLock(*args, **kwargs)` passes its arguments to a C type that ignores them.
  const nativeLock = { __enter__: { params: [], rest: true, run: (self: unknown) => hostOf<Lock>(self, 'Lock').acquire() } };
  const lock = modelClass(registry, 'lock', '_thread.', Lock, { params: [], native: true, called: '_thread.allocate_lock', construct: () => new Lock() }, { ...lockMethods<Lock>('Lock'), ...nativeLock, locked: { params: [], run: (self) => hostOf<Lock>(self, 'Lock').locked() } });
  const rlock = modelClass(registry, 'RLock', '_thread.', RLock, { params: [], native: true, rest: true, anyKw: true, construct: () => new RLock() }, { ...lockMethods<RLock>('RLock'), __enter__: { params: [], rest: true, run: (self: unknown) => hostOf<RLock>(self, 'RLock').acquire() } });
  const condition = modelClass(
    registry,
    'Condition',
    'threading.',
    Condition,
    { params: [['lock', null]], construct: (_s, v) => new Condition((v[0] ?? undefined) as never) },
    {
      ...lockMethods<Condition>('Condition'),
      wait: { params: [['timeout', null]], run: (self, v) => hostOf<Condition>(self, 'Condition').wait(seconds(v[0])) },
      wait_for: {
        params: [['predicate', REQUIRED], ['timeout', null]],
        run: (self, v) => {
          const pred = ref.I.target(v[0]);
          return hostOf<Condition>(self, 'Condition').wait_for(pred as never, seconds(v[1]));
        },
      },
      notify: { params: [['n', 1]], run: (self, v) => hostOf<Condition>(self, 'Condition').notify(v[0] as number) },
      notify_all: { params: [], run: (self) => hostOf<Condition>(self, 'Condition').notify_all() },
    },
  );
  const semaphoreMethods = <S extends Semaphore>(what: string) => ({
    acquire: { params: [['blocking', true], ['timeout', null]] as const, run: (self: unknown, v: unknown[]) => hostOf<S>(self, what).acquire(v[0] as boolean, seconds(v[1])) },
    release: { params: [['n', 1]] as const, run: (self: unknown, v: unknown[]) => hostOf<S>(self, what).release(v[0] as number) },
    ...contextMethods(
      (self) => hostOf<S>(self, what).acquire(),
      (self) => hostOf<S>(self, what).release(),
    ),
  });
  const semaphore = modelClass(registry, 'Semaphore', 'threading.', Semaphore, { params: [['value', 1]], construct: (_s, v) => new Semaphore(v[0] as number) }, semaphoreMethods('Semaphore'));
  const bounded = modelClass(registry, 'BoundedSemaphore', 'threading.', BoundedSemaphore, { params: [['value', 1]], construct: (_s, v) => new BoundedSemaphore(v[0] as number) }, semaphoreMethods('BoundedSemaphore'), {}, semaphore);
  const event = modelClass(
    registry,
    'Event',
    'threading.',
    Event,
    { params: [], construct: () => new Event() },
    {
      is_set: { params: [], run: (self) => hostOf<Event>(self, 'Event').is_set() },
      set: { params: [], run: (self) => hostOf<Event>(self, 'Event').set() },
      clear: { params: [], run: (self) => hostOf<Event>(self, 'Event').clear() },
      wait: { params: [['timeout', null]], run: (self, v) => hostOf<Event>(self, 'Event').wait(seconds(v[0])) },
    },
  );
  const barrier = modelClass(
    registry,
    'Barrier',
    'threading.',
    Barrier,
    {
      params: [['parties', REQUIRED], ['action', null], ['timeout', null]],
      construct: (_s, v) => new Barrier(v[0] as number, { ...(v[1] === null ? {} : { action: ref.I.target(v[1]) as never }), timeout: seconds(v[2]) }),
    },
    {
      wait: { params: [['timeout', null]], run: (self, v) => hostOf<Barrier>(self, 'Barrier').wait(seconds(v[0])) },
      abort: { params: [], run: (self) => hostOf<Barrier>(self, 'Barrier').abort() },
      reset: { params: [], run: (self) => hostOf<Barrier>(self, 'Barrier').reset() },
    },
    {
      parties: new PyHostProperty((self) => hostOf<Barrier>(self, 'Barrier').parties),
    },
  );
  // n_waiting and broken read the barrier's state: steps, so they are methods underneath.
  barrier.dict.set('n_waiting', new PyHostPropertySteps((self) => hostOf<Barrier>(self, 'Barrier').n_waiting()));
  barrier.dict.set('broken', new PyHostPropertySteps((self) => hostOf<Barrier>(self, 'Barrier').broken()));
  const timer = modelClass(
    registry,
    'Timer',
    'threading.',
    Timer,
    {
      params: [['interval', REQUIRED], ['function', REQUIRED], ['args', null], ['kwargs', null]],
      construct: (_s, v) => {
        currentHook(ref);
        return new Timer(seconds(v[0], 'interval') ?? 0, ref.I.target(v[1]) as never, items(v[2], 'args') as never);
      },
    },
    { cancel: { params: [], run: (self) => hostOf<Timer>(self, 'Timer').cancel() } },
    {},
    thread,
  );
  const localCls = modelClass(
    registry,
    'local',
    '_thread._',
    local,
    { params: [], construct: () => new local() },
    {
      __getattr__: { params: [['name', REQUIRED]], run: (self, v) => hostOf<local>(self, 'local').get(String(v[0])) },
      __setattr__: { params: [['name', REQUIRED], ['value', REQUIRED]], run: (self, v) => void hostOf<local>(self, 'local').set(String(v[0]), v[1]) },
      __delattr__: { params: [['name', REQUIRED]], run: (self, v) => void hostOf<local>(self, 'local').delete(String(v[0])) },
    },
  );
  // The module's functions take no arguments: threading.py's are Python functions,
  // `get_ident` is `_thread.get_ident`, written in C (their errors are worded differently).
  const fn = (name: string, f: () => unknown, called = name, kind: CallKind = 'function'): PyBuiltin =>
    new PyBuiltin(name, (args, kw) => {
      bindArgs(called, [], args, kw, false, 0, kind);
      return f();
    });
  return moduleOf('threading', {
    Thread: thread,
    Lock: lock,
    RLock: rlock,
    Condition: condition,
    Semaphore: semaphore,
    BoundedSemaphore: bounded,
    Event: event,
    Barrier: barrier,
    Timer: timer,
    local: localCls,
    BrokenBarrierError: exceptionClass('threading.BrokenBarrierError'),
    TIMEOUT_MAX: pyFloat(TIMEOUT_MAX),
    current_thread: fn('current_thread', () => threadValue(current_thread())),
    main_thread: fn('main_thread', () => threadValue(main_thread())),
    enumerate: fn('enumerate', () => new PyList(enumerate().map(threadValue), ref.I.label('list'))),
    active_count: fn('active_count', () => active_count()),
    get_ident: fn('get_ident', () => get_ident(), '_thread.get_ident', 'c'),
    // CPython's native id is the OS thread id; threadsim's threads have only their ident.
    get_native_id: fn('get_native_id', () => get_ident(), '_thread.get_native_id', 'c'),
    excepthook: DEFAULT_HOOK,
    __excepthook__: DEFAULT_HOOK,
    ExceptHookArgs: exceptHookArgsClass(registry),
  });
}

/**
 * `threading.excepthook` and `threading.__excepthook__`: the default report, for a hook that
 * hands an exception back to it (`threading.__excepthook__(args)`). Its traceback has no
 * frame lines (the hook's `args` carry none).
 */
const DEFAULT_HOOK = new PyBuiltin('excepthook', (args) => {
  const a = args[0];
  const host = a instanceof PyInstance ? (a.host as HookHost | undefined) : undefined;
  if (host === undefined) throw pyRaise('TypeError', 'excepthook argument type must be ExceptHookArgs');
  if (host.args.exc_type === 'SystemExit') return null;
  const { type, detail } = describeError(host.args.exc_value);
  const lines = [`Exception in thread ${host.args.thread.name}:`, 'Traceback (most recent call last):', exceptionLine(type, detail)];
  return (function* (): Steps<null> {
    for (const text of lines) yield { kind: 'log', obj: undefined, access: 'none', value: text, run: (k) => k.emit('stderr', 40, text) } as Op;
    return null;
  })();
});

/**
 * `threading.excepthook` as this execution's program set it, checked as CPython's
 * `Thread.__init__` checks it: None is `RuntimeError: threading.excepthook is None`.
 */
function currentHook(ref: InterpRef): unknown {
  const hook = ref.I.modules.get('threading')?.dict.get('excepthook');
  if (hook === null) throw pyRaise('RuntimeError', 'threading.excepthook is None');
  return hook;
}

/** What an `ExceptHookArgs` instance holds. */
interface HookHost {
  readonly args: ExceptHookArgs;
  readonly value: PyInstance;
}

/**
 * Follow assignments to `threading.excepthook` in module `m` (one execution's `threading`):
 * when a thread raises, a program's own hook is called with an `ExceptHookArgs` (exc_type,
 * exc_value, exc_traceback None, thread) in the dying thread, as CPython calls it; a hook set
 * to None since the thread was made falls back to the one it was made with.
 */
export function followExcepthook(m: PyModuleObject, ref: InterpRef, argsClass: PyClass): void {
  excepthook_source((thread) => {
    let hook = m.dict.get('excepthook');
    // Set to None after the thread was made: CPython calls the hook the thread was made with.
    if (hook === null) hook = thread instanceof PyThread ? thread.hookAtInit : undefined;
    if (hook === DEFAULT_HOOK || hook === undefined || hook === null) return undefined;
    return (args: ExceptHookArgs) => {
      const inst = new PyInstance(argsClass, 'ExceptHookArgs');
      inst.host = { args, value: pyValueOf(args.exc_value, (v) => ref.I.strSync(v)) } satisfies HookHost;
      return ref.I.call(hook, [inst], undefined);
    };
  });
}

/** `ExceptHookArgs`, the argument of `threading.excepthook`. */
export function exceptHookArgsClass(registry: Map<Function, PyClass>): PyClass {
  const of = (self: unknown): HookHost => (self as PyInstance).host as HookHost;
  return modelClass(
    registry,
    'ExceptHookArgs',
    '_thread._',
    undefined,
    {
      params: [],
      construct: () => {
        throw pyRaise('TypeError', 'cannot create ExceptHookArgs instances');
      },
    },
    {},
    {
      exc_type: new PyHostProperty((self) => of(self).value.cls),
      exc_value: new PyHostProperty((self) => of(self).value),
      exc_traceback: new PyHostProperty(() => null),
      thread: new PyHostProperty((self) => threadValue(of(self).args.thread)),
    },
  );
}

/** A read-only attribute whose value takes a step (`barrier.broken`). */
export class PyHostPropertySteps extends PyHostProperty {}
