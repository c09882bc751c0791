/**
 * Final shared states of recent runs, kept so that a run ending in an equal state hands out
 * the same frozen state instead of freezing its own: the runs of an exploration end in few
 * distinct states (a two-thread lost update in two), and freezing a state's objects cost
 * about as much as a third of the rest of such a run. Each kept state also remembers the
 * claim failures found on it, which an equal state gets again without re-reading what each
 * claim read (see claims.ts).
 *
 * Equal means: the same stores in the same order, each with the same keys in the same order,
 * and values that are `Object.is`-equal (shared values are frozen, so an object value is equal
 * only to itself). A kept state is frozen and never changed, so results may share it.
 */
import type { ClaimFailure } from './failures.js';
import type { SharedState } from './program.js';
import { empty } from './lists.js';

/** How many recent final states are kept (most recent first). */
const KEPT = 4;

/** A final state handed out, and the claim failures found on it, by claim name. */
export interface FinalState {
  readonly state: SharedState;
  /** The verdict each false claim gave on this state and the failure made of it. */
  readonly claims: Map<string, { readonly verdict: string | false; readonly failure: ClaimFailure }>;
  /** Every value of the state is a primitive (no object, such as a model's, can be reached through it). */
  readonly primitive: boolean;
}

interface Kept extends FinalState {
  /** Store count, then per store: name, key count, then key and value pairs. */
  readonly flat: readonly unknown[];
}

/** The recent final states of one program's runs (cleared when the program changes). */
export class FinalStates {
  private readonly kept: Kept[] = [];

  /** Forget every state (another program, whose claims differ). */
  clear(): void {
    empty(this.kept);
  }

  /**
   * The kept state equal to `working`, moved to the front; otherwise `working` is frozen
   * (its store records and itself: their values are frozen already) and kept.
   */
  intern(working: SharedState): FinalState {
    const kept = this.kept;
    for (let i = 0; i < kept.length; i++) {
      const k = kept[i]!;
      if (!equal(k.flat, working)) continue;
      for (let j = i; j > 0; j--) kept[j] = kept[j - 1]!;
      kept[0] = k;
      return k;
    }
    for (const name in working) Object.freeze(working[name]);
    Object.freeze(working);
    const flat = flatten(working);
    const k: Kept = { state: working, claims: new Map(), flat, primitive: allPrimitive(flat) };
    if (kept.length === KEPT) kept.pop();
    kept.unshift(k);
    return k;
  }
}

function flatten(state: SharedState): unknown[] {
  const flat: unknown[] = [0];
  let stores = 0;
  for (const name in state) {
    const record = state[name]!;
    flat.push(name);
    const count = flat.length;
    flat.push(0);
    let keys = 0;
    for (const key in record) {
      flat.push(key, record[key]);
      keys++;
    }
    flat[count] = keys;
    stores++;
  }
  flat[0] = stores;
  return flat;
}

/** True when `state` holds what `flat` (made by {@link flatten}) describes. No allocation. */
function equal(flat: readonly unknown[], state: SharedState): boolean {
  let p = 1;
  let stores = 0;
  for (const name in state) {
    if (flat[p++] !== name) return false;
    const record = state[name]!;
    const keys = flat[p++] as number;
    let seen = 0;
    for (const key in record) {
      if (seen === keys || flat[p] !== key || !Object.is(flat[p + 1], record[key])) return false;
      p += 2;
      seen++;
    }
    if (seen !== keys) return false;
    stores++;
  }
  return stores === flat[0];
}

/** True when every value in `flat` (made by {@link flatten}) is a primitive. */
function allPrimitive(flat: readonly unknown[]): boolean {
  let p = 1;
  for (let store = 0; store < (flat[0] as number); store++) {
    const keys = flat[p + 1] as number;
    p += 2;
    for (let k = 0; k < keys; k++, p += 2) {
      const v = flat[p + 1];
      if ((typeof v === 'object' && v !== null) || typeof v === 'function') return false;
    }
  }
  return true;
}
