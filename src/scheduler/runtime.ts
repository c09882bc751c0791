import type { Kernel, Steps } from './ops.js';

/**
 * What model constructors may use outside a step (they run inside a thread's code, between
 * two yields): per-execution counters for Python's names, exit hooks and settings.
 */
export interface Runtime extends Kernel {
  /** Next value (1, 2, ...) of the named per-execution counter, e.g. `Thread` for `Thread-N`. */
  counter(name: string): number;
  /** Register steps that MainThread runs after its body, before joining non-daemon threads. */
  atExit(hook: () => Steps<void>): void;
  /** Create a shared store with its initial values. */
  defineStore(name: string, initial: Readonly<Record<string, unknown>>): void;
  /** A per-execution singleton: made by `make` on first use in this execution. */
  singleton<T>(key: string, make: () => T): T;
  /** Program settings (cpu count for executors, seed for the program's own `random`). */
  readonly settings: RuntimeSettings;
}

/** Settings a program's models read. */
export interface RuntimeSettings {
  /** What `os.cpu_count()` reports to the models (ThreadPoolExecutor's default size). */
  readonly cpuCount: number;
  /** Seed for the program's own random numbers (Python's `random` module), independent of the policy. */
  readonly programSeed: number;
  /** True when ops should carry their code site (`Op.site`): recorded runs only, it is slow. */
  readonly captureSites: boolean;
  /** What-if runs only (counterfactual.ts): every Condition notify wakes all its waiters. */
  readonly notifyAll?: boolean;
  /** What-if runs only (counterfactual.ts): a Condition notify that finds no waiter wakes the next thread to wait. */
  readonly rememberNotifies?: boolean;
}
