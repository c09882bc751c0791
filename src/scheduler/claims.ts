/**
 * Checking a program's claims over the final shared state, and noting which shared locations
 * each claim read (`store.saved`), so that a false claim can be tied to the writes it saw or
 * missed.
 */
import { errorLine } from './exception-line.js';
import type { ClaimFailure } from './failures.js';
import type { Claim, SharedState } from './program.js';

/**
 * Evaluate every claim on `state` (a record of named claims, or its entries, which the engine
 * makes once per program); the false ones, with what each read.
 */
export function checkClaims(claims: Readonly<Record<string, Claim>> | readonly (readonly [string, Claim])[], state: SharedState, summarize: (s: SharedState) => string): ClaimFailure[] {
  const failed: ClaimFailure[] = [];
  for (const [name, claim] of Array.isArray(claims) ? claims : Object.entries(claims)) {
    let verdict: boolean | string;
    try {
      verdict = claim(state);
    } catch (e) {
      verdict = `the claim raised ${errorLine(e)}`;
    }
    if (verdict === true) continue;
    // Asked again on a view that notes what it reads (a view cannot be cloned or changed, so
    // the verdict above comes from the state itself).
    const reads: string[] = [];
    try {
      claim(watchReads(state, reads));
    } catch {
      // The reads up to the error are noted; that is all a claim that needs the real object gives.
    }
    const why = typeof verdict === 'string' ? verdict : `final state: ${summarize(state)}`;
    failed.push({ kind: 'claim', claim: name, ...(reads.length === 0 ? {} : { reads }), message: `claim '${name}' is false: ${why}` });
  }
  return failed;
}

/**
 * A read-only view of `state` that notes every `store.key` read into `reads` (once each).
 * The views are fresh objects over the real ones, so frozen stores keep their guarantees.
 */
function watchReads(state: SharedState, reads: string[]): SharedState {
  const note = (location: string): void => {
    if (!reads.includes(location)) reads.push(location);
  };
  const storeView = (name: string, store: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> =>
    view(store, (key) => {
      note(`${name}.${key}`);
      return store[key];
    });
  const stores = new Map<string, Readonly<Record<string, unknown>>>();
  return view(state, (name) => {
    const store = state[name];
    if (store === undefined) return undefined;
    let v = stores.get(name);
    if (v === undefined) stores.set(name, (v = storeView(name, store)));
    return v;
  }) as SharedState;
}

/** A proxy over `target` whose own string-keyed properties are read through `get`. */
function view<T extends object>(target: T, get: (key: string) => unknown): T {
  const has = (key: string | symbol): key is string => typeof key === 'string' && Object.hasOwn(target, key);
  return new Proxy({} as T, {
    get: (_, key) => (has(key) ? get(key) : Reflect.get(target, key)),
    has: (_, key) => key in target,
    ownKeys: () => Reflect.ownKeys(target),
    getOwnPropertyDescriptor: (_, key) => (has(key) ? { value: get(key), writable: false, enumerable: true, configurable: true } : undefined),
    set: () => false,
    deleteProperty: () => false,
  });
}
