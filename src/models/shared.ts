/**
 * Shared state: the memory threads race on. A store is a named record whose keys are the
 * locations race detection and DPOR see (`db.value`). Reading and writing are separate steps,
 * so `x += 1` written as a read then a write can be interrupted between them, as in CPython.
 * Values are immutable snapshots, deep-frozen (immer) so that a thread cannot change shared
 * data behind the engine's back: changing one in place is a threadsim error (TSIM012) naming
 * the location; a change is a new value written with `set` or `update`.
 */
import { currentRuntime, noteCreated, runtime } from '../scheduler/context.js';
import { callerSite } from '../scheduler/detect/site.js';
import type { Kernel, Op, Step, Steps } from '../scheduler/ops.js';
import { OneStep, opKind } from './one-step.js';

/*
 * Reads and writes are the hot path of every exploration, so their ops are small classes
 * (methods on the prototype, no closure per step) that are their own one-step iterators
 * (see one-step.ts).
 */

/** One location of a store, made once per store name and key: what its ops carry instead of three strings. */
interface Location {
  readonly store: string;
  readonly key: string;
  /** `store.key`, as traces and analyses name it (`Op.obj`). */
  readonly name: string;
}

class ReadOp extends OneStep<unknown> implements Op {
  declare readonly kind: 'read';
  declare readonly access: 'read';
  readonly obj: string;
  constructor(
    private readonly at: Location,
    readonly site: string | undefined,
  ) {
    super();
    this.obj = at.name;
  }
  run(k: Kernel): unknown {
    return k.load(this.at.store, this.at.key);
  }
}

class WriteOp extends OneStep<void> implements Op {
  declare readonly kind: 'write';
  declare readonly access: 'write';
  readonly obj: string;
  constructor(
    private readonly at: Location,
    readonly value: unknown,
    readonly site: string | undefined,
  ) {
    super();
    this.obj = at.name;
  }
  run(k: Kernel): void {
    k.storeValue(this.at.store, this.at.key, this.value);
  }
}

opKind(ReadOp, 'read', 'read');
opKind(WriteOp, 'write', 'write');

/** A handle on one shared store. */
export interface Shared<T extends Record<string, unknown>> {
  readonly name: string;
  /** One step: read `key`. */
  get<K extends keyof T & string>(key: K): Step<T[K]>;
  /** One step: write `value` to `key`. */
  set<K extends keyof T & string>(key: K, value: T[K]): Step<void>;
  /**
   * Two steps, like Python's `d[key] = f(d[key])`: read `key`, then write `change(value)`.
   * Another thread can run between them (the read-modify-write is not atomic), so hold a Lock
   * around it when that matters. `change` gets the frozen current value: return a new one.
   *
   * @example
   * ```ts
   * const db = shared('db', { items: [] as number[] });
   * yield* db.update('items', (items) => [...items, 1]);
   * ```
   */
  update<K extends keyof T & string>(key: K, change: (value: T[K]) => T[K]): Steps<void>;
}

/**
 * Create the shared store `name` with its initial values. Call it inside a thread (usually
 * main). Each key is a location that race detection sees (`db.value`); values are immutable
 * snapshots, so change one by writing a new value.
 *
 * @example
 * ```ts
 * const db = shared('db', { value: 0, items: [] as string[] });
 * const v = yield* db.get('value');      // one step: a read
 * yield* db.set('value', v + 1);         // one step: a write
 * yield* db.update('items', (xs) => [...xs, 'a']); // a read, then a write
 * ```
 */
export function shared<T extends Record<string, unknown>>(name: string, initial: T): Shared<T> {
  const rt = currentRuntime() ?? runtime(`shared('${name}')`);
  rt.defineStore(name, initial);
  // Code sites for race reports cost a stack trace per access: recorded runs only.
  return new SharedStore<T>(name, rt.settings.captureSites, locationsOf(name));
}

/*
 * Locations by store name, then key, kept across executions: a program explored many times
 * makes the same stores every run, and a location and its `store.key` name were a share of a
 * short run's garbage. Locations are immutable strings, so sharing them is safe; the tables
 * are dropped when they grow past a bound, so memory stays flat whatever names programs use.
 */
const LOCATIONS = new Map<string, Map<string, Location>>();
const MAX_LOCATIONS = 4096;

function locationsOf(store: string): Map<string, Location> {
  let table = LOCATIONS.get(store);
  if (table === undefined) {
    if (LOCATIONS.size >= MAX_LOCATIONS) LOCATIONS.clear();
    LOCATIONS.set(store, (table = new Map()));
  }
  return table;
}

/** A store handle: methods on the prototype, so that making one per execution costs one object. */
class SharedStore<T extends Record<string, unknown>> implements Shared<T> {
  /** The last location used: a thread usually reads and writes one key many times in a row. */
  private last: Location | undefined;

  constructor(
    readonly name: string,
    private readonly sites: boolean,
    /** This store's locations by key (shared by every store of this name). */
    private readonly locations: Map<string, Location>,
  ) {}

  private location(key: string): Location {
    const last = this.last;
    if (last !== undefined && key === last.key) return last;
    let l = this.locations.get(key);
    if (l === undefined) {
      l = { store: this.name, key, name: `${this.name}.${key}` };
      if (this.locations.size >= MAX_LOCATIONS) this.locations.clear();
      this.locations.set(key, l);
    }
    this.last = l;
    return l;
  }

  get<K extends keyof T & string>(key: K): Step<T[K]> {
    const op = new ReadOp(this.location(key), this.sites ? callerSite() : undefined);
    noteCreated(op);
    return op as unknown as Step<T[K]>;
  }

  set<K extends keyof T & string>(key: K, value: T[K]): Step<void> {
    const op = new WriteOp(this.location(key), value, this.sites ? callerSite() : undefined);
    noteCreated(op);
    return op;
  }

  *update<K extends keyof T & string>(key: K, change: (value: T[K]) => T[K]): Steps<void> {
    const value = (yield new ReadOp(this.location(key), this.sites ? callerSite() : undefined)) as T[K];
    yield new WriteOp(this.location(key), change(value), this.sites ? callerSite() : undefined);
  }
}
