/**
 * Shared state: the memory threads race on. A store is a named record whose keys are the
 * locations race detection and DPOR see (`db.value`). Reading and writing are separate steps,
 * so `x += 1` written as a read then a write can be interrupted between them, as in CPython.
 * Values are frozen (immer) so a thread cannot change shared data behind the engine's back.
 */
import { runtime } from '../scheduler/context.ts';
import { callerSite } from '../scheduler/detect/site.ts';
import type { Op, Steps } from '../scheduler/ops.ts';

/** A handle on one shared store. */
export interface Shared<T extends Record<string, unknown>> {
  readonly name: string;
  /** One step: read `key`. */
  get<K extends keyof T & string>(key: K): Steps<T[K]>;
  /** One step: write `value` to `key`. */
  set<K extends keyof T & string>(key: K, value: T[K]): Steps<void>;
}

/** Create the shared store `name` with its initial values. Call it inside a thread (usually main). */
export function shared<T extends Record<string, unknown>>(name: string, initial: T): Shared<T> {
  const rt = runtime(`shared('${name}')`);
  rt.defineStore(name, initial);
  const sites = rt.settings.captureSites;
  // One string per location, so race detection's lookups hash it once.
  const locations = new Map<string, string>();
  const location = (key: string): string => {
    let l = locations.get(key);
    if (l === undefined) {
      l = `${name}.${key}`;
      locations.set(key, l);
    }
    return l;
  };
  return {
    name,
    *get<K extends keyof T & string>(key: K): Steps<T[K]> {
      const op: Op = {
        kind: 'read',
        obj: location(key),
        access: 'read',
        ...(sites ? { site: callerSite() } : {}),
        // Method shorthand, not an arrow: tsx's keepNames would wrap an arrow in a
        // defineProperty call on every access.
        run(k) {
          return k.load(name, key);
        },
      };
      return (yield op) as T[K];
    },
    *set<K extends keyof T & string>(key: K, value: T[K]): Steps<void> {
      const op: Op = {
        kind: 'write',
        obj: location(key),
        access: 'write',
        ...(sites ? { site: callerSite() } : {}),
        value,
        run(k) {
          k.storeValue(name, key, value);
        },
      };
      yield op;
    },
  };
}
