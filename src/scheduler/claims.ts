/**
 * Checking a program's claims over the final shared state, and noting which shared locations
 * each claim read (`store.saved`), so that a false claim can be tied to the writes it saw or
 * missed.
 */
import { errorLine } from './exception-line.js';
import type { ClaimFailure } from './failures.js';
import type { FinalState } from './final-states.js';
import type { Claim, SharedState } from './program.js';

/**
 * Evaluate every claim on `state` (a record of named claims, or its entries, which the engine
 * makes once per program); the false ones, with what each read.
 *
 * `seen` (the engine passes the one of its kept frozen final states, see final-states.ts)
 * holds the failures found on this same state before: a claim that gives the same verdict
 * again gets the same (frozen) failure, without being asked a second time on a view. Every
 * claim is still asked on every state, so a claim is never assumed to be a pure function.
 */
export function checkClaims(
  claims: Readonly<Record<string, Claim>> | readonly (readonly [string, Claim])[],
  state: SharedState,
  summarize: (s: SharedState) => string,
  seen?: FinalState['claims'],
): readonly ClaimFailure[] {
  // Made at the first false claim: most runs' claims all hold.
  let failed: ClaimFailure[] | undefined;
  const list: readonly (readonly [string, Claim])[] = Array.isArray(claims) ? claims : Object.entries(claims);
  // Indexed, not for-of with destructuring: that made an iterator per claim list and per entry on every run.
  for (let i = 0; i < list.length; i++) {
    const name = list[i]![0];
    const claim = list[i]![1];
    let verdict: boolean | string;
    try {
      verdict = claim(state);
    } catch (e) {
      verdict = `the claim raised ${errorLine(e)}`;
    }
    if (verdict === true) continue;
    const before = seen?.get(name);
    if (before !== undefined && before.verdict === verdict) {
      (failed ??= []).push(before.failure);
      continue;
    }
    // Asked again on a view that notes what it reads (a view cannot be cloned or changed, so
    // the verdict above comes from the state itself).
    const reads: string[] = [];
    const w = watcher !== undefined && !watcher.busy ? watcher : new Watcher();
    watcher ??= w;
    w.watch(state, reads);
    try {
      claim(w.root);
    } catch {
      // The reads up to the error are noted; that is all a claim that needs the real object gives.
    } finally {
      w.watch(EMPTY, NO_READS);
    }
    const why = typeof verdict === 'string' ? verdict : `final state: ${summarize(state)}`;
    const message = `claim '${name}' is false: ${why}`;
    const failure: ClaimFailure = reads.length === 0 ? { kind: 'claim', claim: name, message } : { kind: 'claim', claim: name, reads, message };
    // Shared by the results of runs that end in this state: frozen, as the state is.
    if (seen !== undefined && (verdict === false || typeof verdict === 'string')) seen.set(name, { verdict, failure: Object.freeze(failure) });
    (failed ??= []).push(failure);
  }
  return failed ?? ALL_HOLD;
}

const ALL_HOLD: readonly ClaimFailure[] = Object.freeze([]);
const EMPTY: SharedState = Object.freeze({});
const NO_READS: string[] = [];

/** The watcher reused by every check; a check started while it is busy (a claim running an execution) makes its own. */
let watcher: Watcher | undefined;

/**
 * A read-only view of a state that notes every `store.key` read (once each). The proxies are
 * made once and re-pointed at each state checked, so a failing run's claim costs no new proxy;
 * they are fresh objects over the real ones, so frozen stores keep their guarantees. A claim
 * must not keep its argument past its return (it would see the next state checked).
 */
class Watcher {
  state: SharedState = EMPTY;
  reads: string[] = [];
  busy = false;
  readonly root: SharedState;
  private readonly stores = new Map<string, SharedState>();

  constructor() {
    this.root = view(() => this.state, (name) => {
      if (this.state[name] === undefined) return undefined;
      let v = this.stores.get(name);
      if (v === undefined) this.stores.set(name, (v = this.storeView(name)));
      return v;
    }) as SharedState;
  }

  watch(state: SharedState, reads: string[]): void {
    this.state = state;
    this.reads = reads;
    this.busy = state !== EMPTY;
  }

  private storeView(name: string): SharedState {
    const store = (): Readonly<Record<string, unknown>> => this.state[name] ?? EMPTY;
    // `store.key` names made once per key, not on every read of every failing run.
    const locations = new Map<string, string>();
    return view(store, (key) => {
      let location = locations.get(key);
      if (location === undefined) locations.set(key, (location = `${name}.${key}`));
      if (!this.reads.includes(location)) this.reads.push(location);
      return store()[key];
    }) as SharedState;
  }
}

/** A proxy over the object `target()` gives at each access, whose own string-keyed properties are read through `get`. */
function view(target: () => object, get: (key: string) => unknown): object {
  const has = (key: string | symbol): key is string => typeof key === 'string' && Object.hasOwn(target(), key);
  return new Proxy({}, {
    get: (_, key) => (has(key) ? get(key) : Reflect.get(target(), key)),
    has: (_, key) => key in target(),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => (has(key) ? { value: get(key), writable: false, enumerable: true, configurable: true } : undefined),
    set: () => false,
    deleteProperty: () => false,
  });
}
