/**
 * Concurrent scenarios over a data structure written against the models, in the style of
 * Lincheck: an init part run by MainThread, then a parallel part of a few threads calling a
 * few operations each. A scenario becomes a program whose threads record, for every call, the
 * time point it was called and returned (the engine's step counter, read between steps) and
 * what it returned, so the history can be checked for linearizability.
 */
import fc from 'fast-check';
import { ThreadsimError } from '../errors.js';
import { Thread } from '../models/thread.js';
import { runtime } from '../scheduler/context.js';
import { describeError } from '../scheduler/exception-line.js';
import type { Steps } from '../scheduler/ops.js';
import { program, type Program } from '../scheduler/program.js';
import { showCall, type HistoryOp, type SequentialSpec, type SpecStep } from './linearizability.js';

/** One operation of a data structure: how to call it, and what the specification says. */
export interface Operation<I, S> {
  readonly name: string;
  /** Generates the argument; absent for operations without one. */
  readonly arg?: fc.Arbitrary<unknown>;
  /** Call it on the implementation (steps of the calling thread). */
  run(impl: I, arg: unknown): Steps<unknown>;
  /** Its effect on the sequential specification's state. */
  spec(state: S, arg: unknown): SpecStep<S>;
}

/** Define an operation with a typed argument. */
export function operation<I, S, A = undefined>(def: {
  readonly name: string;
  readonly arg?: fc.Arbitrary<A>;
  run(impl: I, arg: A): Steps<unknown>;
  spec(state: S, arg: A): SpecStep<S>;
}): Operation<I, S> {
  return def as unknown as Operation<I, S>;
}

/** A data structure under test: how to build it, its operations, its specification's start. */
export interface Subject<I, S> {
  readonly name: string;
  /** Build the implementation (runs in MainThread: create shared stores and locks here). */
  create(): Steps<I>;
  /** The specification's initial state (matching what `create` builds). */
  readonly initial: S;
  readonly operations: readonly Operation<I, S>[];
  /** A string identifying a specification state. Default: canonical JSON. */
  key?(state: S): string;
}

/** One call in a scenario. */
export interface Call {
  readonly op: string;
  readonly arg: unknown;
}

/** A scenario: MainThread's init calls, then one list of calls per thread, run in parallel. */
export class Scenario {
  constructor(
    readonly init: readonly Call[],
    readonly threads: readonly (readonly Call[])[],
  ) {}

  /** Calls in the parallel part. */
  get size(): number {
    return this.threads.reduce((n, t) => n + t.length, 0);
  }

  toString(): string {
    const list = (calls: readonly Call[]): string => calls.map((c) => showCall(c.op, c.arg)).join(', ');
    const init = this.init.length === 0 ? '' : `init [${list(this.init)}] then `;
    return `${init}${this.threads.map((t, i) => `T${i + 1}: [${list(t)}]`).join(' | ')}`;
  }

  [fc.toStringMethod](): string {
    return `Scenario(${this.toString()})`;
  }
}

/** Options of {@link scenarios}. */
export interface ScenarioOptions {
  /** Most threads in the parallel part (at least 2). Default 2. */
  readonly threads?: number;
  /** Most calls per thread. Default 2. */
  readonly operations?: number;
  /** Most calls in the init part. Default 2. */
  readonly initOperations?: number;
}

/** Every scenario with one thread, one call or one init call fewer (keeping 2 threads of 1 call at least). */
function* smallerScenarios(s: Scenario): Generator<Scenario> {
  if (s.threads.length > 2) for (let t = s.threads.length - 1; t >= 0; t--) yield new Scenario(s.init, s.threads.filter((_, i) => i !== t));
  for (let t = s.threads.length - 1; t >= 0; t--) {
    const calls = s.threads[t]!;
    if (calls.length < 2) continue;
    for (let c = calls.length - 1; c >= 0; c--) yield new Scenario(s.init, s.threads.map((x, i) => (i === t ? x.filter((_, j) => j !== c) : x)));
  }
  for (let c = s.init.length - 1; c >= 0; c--) yield new Scenario(s.init.filter((_, j) => j !== c), s.threads);
}

/**
 * fast-check's arbitrary over scenarios, with shrinks that drop one thread or one call tried
 * first: fast-check's array shrinker alone keeps suffixes, so it cannot drop a middle thread.
 */
class ScenarioArbitrary extends fc.Arbitrary<Scenario> {
  constructor(private readonly inner: fc.Arbitrary<[Call[], Call[][]]>) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<Scenario> {
    const v = this.inner.generate(mrng, biasFactor);
    return new fc.Value(new Scenario(v.value[0], v.value[1]), v.context);
  }

  canShrinkWithoutContext(value: unknown): value is Scenario {
    return value instanceof Scenario && this.inner.canShrinkWithoutContext([[...value.init], value.threads.map((t) => [...t])]);
  }

  shrink(value: Scenario, context: unknown): fc.Stream<fc.Value<Scenario>> {
    const dropped = new fc.Stream(smallerScenarios(value)).map((s) => new fc.Value(s, undefined));
    const plain = this.inner.shrink([[...value.init], value.threads.map((t) => [...t])], context).map((v) => new fc.Value(new Scenario(v.value[0], v.value[1]), v.context));
    return dropped.join(plain);
  }
}

/** Scenarios over `subject`'s operations; they shrink toward fewer threads and calls. */
export function scenarios<I, S>(subject: Subject<I, S>, options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const call = fc.oneof(
    ...subject.operations.map((o) =>
      o.arg === undefined
        ? fc.constant<Call>({ op: o.name, arg: undefined })
        : o.arg.map(
            (arg): Call => ({ op: o.name, arg }),
            (v) => {
              if (typeof v === 'object' && v !== null && (v as Call).op === o.name) return (v as Call).arg;
              throw new Error(`not a call of ${o.name}`);
            },
          ),
    ),
  );
  const calls = (min: number, max: number) => fc.array(call, { minLength: min, maxLength: max });
  return new ScenarioArbitrary(
    fc.tuple(calls(0, options.initOperations ?? 2), fc.array(calls(1, options.operations ?? 2), { minLength: 2, maxLength: Math.max(2, options.threads ?? 2) })),
  );
}

/** The sequential specification of a subject. */
export function specOf<I, S>(subject: Subject<I, S>): SequentialSpec<S> {
  const byName = new Map(subject.operations.map((o) => [o.name, o]));
  return {
    initial: subject.initial,
    apply: (state, name, arg) => {
      const o = byName.get(name);
      if (o === undefined) throw new ThreadsimError('TSIM010', `${subject.name} has no operation '${name}'`, 'Generate calls only from the subject\'s operations.');
      return o.spec(state, arg);
    },
    ...(subject.key === undefined ? {} : { key: subject.key }),
  };
}

interface MutableOp {
  thread: number;
  name: string;
  arg: unknown;
  result: unknown;
  invoked: number;
  returned: number | undefined;
}

/** A scenario as a program, and the history of its last execution. */
export interface ScenarioProgram {
  readonly program: Program;
  /** Every call of the last execution: init calls (thread -1) first, then the threads'. */
  history(): HistoryOp[];
}

/** Build the program that runs `scenario` on `subject`; threads are named T1, T2, ... */
export function scenarioProgram<I, S>(subject: Subject<I, S>, scenario: Scenario): ScenarioProgram {
  const byName = new Map(subject.operations.map((o) => [o.name, o]));
  const find = (name: string): Operation<I, S> => {
    const o = byName.get(name);
    if (o === undefined) throw new ThreadsimError('TSIM010', `${subject.name} has no operation '${name}'`, 'Use only the subject\'s operations in a scenario.');
    return o;
  };
  let log: MutableOp[] = [];
  /**
   * Run one call and record it. Time points are the engine's step counter read between steps:
   * code after step s sees s + 1. A started thread's first code runs inside the `start()` step
   * s, yet logically after it, so `afterStart` moves its first call to s + 1.
   */
  function* record(impl: I, thread: number, c: Call, afterStart: boolean): Steps<void> {
    const rt = runtime('scenario');
    const rec: MutableOp = { thread, name: c.op, arg: c.arg, result: undefined, invoked: rt.step + (afterStart ? 1 : 0), returned: undefined };
    log.push(rec);
    try {
      rec.result = yield* find(c.op).run(impl, c.arg);
    } catch (e) {
      if (e instanceof ThreadsimError) throw e;
      rec.result = { raised: describeError(e).type };
    }
    rec.returned = rt.step;
  }
  const main = function* (): Steps<void> {
    log = [];
    const impl = yield* subject.create();
    for (const c of scenario.init) yield* record(impl, -1, c, false);
    const threads = scenario.threads.map(
      (calls, t) =>
        new Thread({
          name: `T${t + 1}`,
          target: function* () {
            for (let i = 0; i < calls.length; i++) yield* record(impl, t, calls[i]!, i === 0);
          },
        }),
    );
    for (const t of threads) yield* t.start();
    for (const t of threads) yield* t.join();
  };
  return { program: program(`${subject.name} scenario`, main), history: () => log.map((r) => ({ ...r })) };
}
