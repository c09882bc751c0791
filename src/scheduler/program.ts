import { ThreadsimError } from '../errors.js';
import { definingModule } from './detect/site.js';
import type { Steps } from './ops.js';

/** The final shared state: store name, then key, then value. */
export type SharedState = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * A claim over the final shared state. Return true when it holds; false or a sentence saying
 * what is wrong ("db.value is 1, expected 2") when it does not.
 */
export type Claim = (state: SharedState) => boolean | string;

/** Options of a program. */
export interface ProgramOptions {
  /** One line shown by `threadsim list`. */
  readonly description?: string;
  /** Named claims checked at the end of every complete run. */
  readonly claims?: Readonly<Record<string, Claim>>;
  /**
   * Named claims checked after every step (invariants): the first step after which one is
   * false is reported with the thread and op that made it false.
   */
  readonly invariants?: Readonly<Record<string, Claim>>;
  /** Lowest logging level printed unless the run says otherwise (Python's basicConfig level). */
  readonly logLevel?: LogLevelName;
  /** Seed of the program's own random numbers (Python's `random.seed`). Default 0. */
  readonly programSeed?: number;
}

/** Python's logging level names that threadsim prints by. */
export type LogLevelName = 'debug' | 'info' | 'warning' | 'error' | 'critical';

/** A threaded program: a main generator function and its options. */
export interface Program {
  readonly kind: 'threadsim.program';
  readonly name: string;
  readonly main: () => Steps<unknown>;
  readonly options: ProgramOptions;
  /**
   * The file of the module whose top-level code defined the program (absent when a function
   * made it): failure reports name it in their replay line, since `threadsim run FILE` loads it.
   */
  readonly module?: string;
}

/**
 * Define a program. `main` is MainThread's body: a generator function that starts threads,
 * calls primitives with `yield*` and returns when MainThread is done. Define it at the top
 * level of a module and export it as the default, so that `threadsim run FILE` (and the
 * replay line of a failure report) can load it.
 *
 * @example
 * ```ts
 * import { program, shared, Thread } from 'threadsim';
 *
 * export default program('hits', function* main() {
 *   const stats = shared('stats', { hits: 0 });
 *   function* hit() {
 *     const n = yield* stats.get('hits'); // hits += 1: a read step...
 *     yield* stats.set('hits', n + 1);    // ...then a write step
 *   }
 *   const threads = [new Thread({ target: hit }), new Thread({ target: hit })];
 *   for (const t of threads) yield* t.start();
 *   for (const t of threads) yield* t.join();
 * }, { claims: { 'both hits counted': (s) => s.stats?.hits === 2 } });
 * ```
 */
export function program(name: string, main: () => Steps<unknown>, options: ProgramOptions = {}): Program {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ThreadsimError('TSIM010', 'program() needs a non-empty name as its first argument', "Write program('my-program', function* main() { ... }).");
  }
  if (!isGeneratorFunction(main)) {
    const tag = Object.prototype.toString.call(main);
    const is = tag === '[object AsyncGeneratorFunction]' ? 'an async generator function (async function*)' : tag === '[object AsyncFunction]' ? 'an async function' : typeof main === 'function' ? 'a plain function' : `${main === null ? 'null' : typeof main}`;
    throw new ThreadsimError('TSIM010', `program '${name}': main is ${is}, not a generator function`, 'Declare it with function* (not async): threads run step by step, so wait with yield* of a primitive (yield* sleep(0.1)), not await.');
  }
  if (options === null || typeof options !== 'object') {
    throw new ThreadsimError('TSIM010', `program '${name}': options is ${options === null ? 'null' : typeof options}, not an object`, 'Pass an object such as { claims: {} }, or leave options out.');
  }
  const module = definingModule();
  return { kind: 'threadsim.program', name, main, options, ...(module === undefined ? {} : { module }) };
}

/** True when `x` is a program made by {@link program}. */
export function isProgram(x: unknown): x is Program {
  return typeof x === 'object' && x !== null && (x as Program).kind === 'threadsim.program';
}

/** True for `function*` functions (sync generators). */
export function isGeneratorFunction(f: unknown): f is (...args: never[]) => Generator {
  return typeof f === 'function' && Object.prototype.toString.call(f) === '[object GeneratorFunction]';
}
