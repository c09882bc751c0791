/**
 * Model of `threading.local`.
 *
 * Mirrors: attributes are per thread: a value set in one thread is invisible to every other;
 * reading or deleting an attribute the current thread has not set raises
 * `AttributeError: '_thread._local' object has no attribute 'x'` (with a subclass name when
 * `className` is given, as for a Python subclass); an `init` function plays a subclass's
 * `__init__`, run once per thread on its first use. Reads and writes are not steps: no other
 * thread can see them, so they order nothing.
 * Does not mirror: attribute syntax (`data.x`): use `get('x')`, `set('x', v)`, `has('x')`,
 * `delete('x')`.
 */
import { runtime } from '../scheduler/context.js';
import { AttributeError } from './exceptions.js';

/** Options of `new local(...)`. */
export interface LocalOptions<T> {
  /** A subclass's `__init__`: the initial attributes of each thread, made on its first use. */
  readonly init?: () => Partial<T>;
  /** The Python class name errors show (`'_thread._local'` by default). */
  readonly className?: string;
}

/** Model of `threading.local`. */
export class local<T extends Record<string, unknown> = Record<string, unknown>> {
  private readonly perThread = new Map<number, Partial<T>>();
  private readonly init: (() => Partial<T>) | undefined;
  private readonly className: string;

  constructor(options: LocalOptions<T> = {}) {
    runtime('local()');
    this.init = options.init;
    this.className = options.className ?? '_thread._local';
  }

  /** `data.key`: the current thread's value. */
  get<K extends keyof T & string>(key: K): T[K] {
    const attrs = this.mine();
    if (!(key in attrs)) throw new AttributeError(`'${this.className}' object has no attribute '${key}'`);
    return attrs[key] as T[K];
  }

  /** `data.key = value` for the current thread only. */
  set<K extends keyof T & string>(key: K, value: T[K]): void {
    this.mine()[key] = value;
  }

  /** `hasattr(data, key)` in the current thread. */
  has(key: keyof T & string): boolean {
    return key in this.mine();
  }

  /** `del data.key` in the current thread. */
  delete(key: keyof T & string): void {
    const attrs = this.mine();
    if (!(key in attrs)) throw new AttributeError(`'${this.className}' object has no attribute '${key}'`);
    delete attrs[key];
  }

  private mine(): Partial<T> {
    const index = runtime('threading.local attribute access').current.index;
    const found = this.perThread.get(index);
    if (found !== undefined) return found;
    const attrs: Partial<T> = { ...this.init?.() } as Partial<T>;
    this.perThread.set(index, attrs);
    return attrs;
  }
}
