/**
 * Exhaustive search over a program's choices (src/scheduler/choice.ts) as well as its
 * schedules, by an outer enumeration of choice functions around an inner search (DPOR or DFS)
 * that stays unchanged.
 *
 * A choice function maps choice keys (a thread's creation path and its count of earlier
 * choices) to answers; keys it does not name take the default answer, 0, and so does a key
 * whose answer does not fit the choice it meets (answer >= k). A choice's key depends only on
 * its thread's own history, so under one fixed function the program is an ordinary
 * deterministic program: what a step does is a function of what its thread has read. DPOR
 * under that function is therefore DPOR of an ordinary program, with its guarantee of one
 * execution per Mazurkiewicz trace; DFS enumerates every interleaving of it.
 *
 * Functions are found lazily. The inner search runs first under the all-default function;
 * every execution that meets a key with k alternatives registers the key (with the largest k
 * seen). Each finished function f then gives the functions f + {key -> v} for every
 * registered key that f leaves default and every v in 1..k-1; keys registered later extend
 * the functions finished before them too. A function is run once (they are told apart by
 * their entries), fewer non-default answers first.
 *
 * Counting each (trace, answers) once: an execution under f counts only when every key f
 * names was met with an answer that fits (answer < k), so the answers it took are exactly f's
 * non-default entries. Any other execution under f took the default somewhere f did not, is
 * the same as an execution under f without those entries, and is counted there; it is run
 * (the inner search needs it to go on) but not reported. Completeness: an execution whose
 * non-default answers are the entries S is counted under f = S. Drop the entry met last: the
 * execution's prefix up to that choice is a prefix of an execution under f minus that entry,
 * whose inner search covers an equivalent execution; the thread making the choice has the
 * same history there, so it meets the same key with the same k, registers it, and f is made.
 */
import type { Chooser, ChoicePoint } from '../choice.js';
import type { Search, SearchStep } from './search.js';

/** A choice function: key -> non-default answer (default keys are absent). */
type ChoiceFunction = ReadonlyMap<string, number>;

/** Search every choice function's executions with a fresh inner search each. */
export class ChoiceSearch implements Search {
  /** Every key met so far, with the most alternatives it had. */
  private readonly registry = new Map<string, number>();
  /** Bumped whenever the registry gains a key or a key gains alternatives. */
  private registryVersion = 0;
  private extendedAt = 0;
  private readonly seen = new Set<string>([name(new Map())]);
  private readonly queue: ChoiceFunction[] = [];
  private readonly finished: ChoiceFunction[] = [];
  private current: ChoiceFunction = new Map();
  private inner: Search;
  /** Keys of `current` the running execution met with a fitting answer. */
  private readonly taken = new Set<string>();
  private over = false;
  /** Executions run but not reported: each repeats one counted under a function with fewer entries. */
  duplicates = 0;
  /** Choice functions searched so far (the one running included). */
  functions = 1;

  /** Answers the running execution's choices: pass it as the execution's `chooser`. */
  readonly chooser: Chooser = { choose: (k, at) => this.choose(k, at) };

  /** `make` returns a fresh inner search whose runner passes {@link chooser}. */
  constructor(private readonly make: () => Search) {
    this.inner = make();
  }

  get exhausted(): boolean {
    return this.over;
  }

  /** True when the program made no choice with two or more alternatives in any execution so far. */
  get choiceFree(): boolean {
    return this.registry.size === 0;
  }

  next(): SearchStep {
    for (;;) {
      if (this.over) return { kind: 'done' };
      this.taken.clear();
      const step = this.inner.next();
      if (step.kind === 'done') {
        if (!this.advance()) {
          this.over = true;
          return step;
        }
        continue;
      }
      if (step.kind === 'abandoned' || this.taken.size === this.current.size) return step;
      this.duplicates++;
    }
  }

  private choose(k: number, at: ChoicePoint): number {
    const known = this.registry.get(at.key);
    if (known === undefined || known < k) {
      this.registry.set(at.key, k);
      this.registryVersion++;
    }
    const answer = this.current.get(at.key);
    if (answer === undefined || answer >= k) return 0;
    this.taken.add(at.key);
    return answer;
  }

  /** The current function is done: queue the functions it (and, with new keys, every earlier one) gives; start the next. */
  private advance(): boolean {
    this.finished.push(this.current);
    const from = this.registryVersion !== this.extendedAt ? this.finished : [this.current];
    this.extendedAt = this.registryVersion;
    for (const f of from) {
      for (const [key, k] of this.registry) {
        if (f.has(key)) continue;
        for (let v = 1; v < k; v++) {
          const g = new Map(f);
          g.set(key, v);
          const n = name(g);
          if (this.seen.has(n)) continue;
          this.seen.add(n);
          this.queue.push(g);
        }
      }
    }
    const next = this.queue.shift();
    if (next === undefined) return false;
    this.current = next;
    this.functions++;
    this.inner = this.make();
    return true;
  }
}

/** A function's identity: its entries in key order. */
function name(f: ChoiceFunction): string {
  return [...f.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
