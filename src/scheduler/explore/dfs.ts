/**
 * Exhaustive depth-first search over every scheduling choice, with an optional preemption
 * bound (Musuvathi and Qadeer, "Iterative context bounding for systematic testing of
 * multithreaded programs", PLDI 2007). Every model choice (which waiter wins a lock, whether
 * a sleeper wakes before another thread's step) is a thread choice in this engine, so the
 * tree's branches are the runnable threads at each scheduling point.
 *
 * Stateless: the path holds one node per scheduling point of the current execution; the next
 * execution replays the path up to the deepest node with an untried alternative.
 * Invariant: `todo` holds the node's untried alternatives, in the order they will be tried
 * (the thread that ran last first, so executions with fewer preemptions come first).
 */
import type { Monitor, StepEvent } from '../monitor.js';
import type { Policy, SchedulingPoint } from '../policies/policy.js';
import { eventOf, type EventInfo } from './events.js';
import { isPreemption, ReplayingSearch, type Runner } from './search.js';

interface ChoiceNode {
  chosen: number;
  readonly todo: number[];
  /** Preemptions on the path before this choice. */
  readonly before: number;
  /** Which alternatives are preemptions here. */
  readonly preempts: ReadonlySet<number>;
}

/** Depth-first search with an optional preemption bound. */
export class DfsSearch extends ReplayingSearch implements Policy, Monitor {
  readonly name = 'dfs';
  private readonly path: ChoiceNode[] = [];
  private choice = 0;
  /** True once the bound cut off some alternative: the search was not exhaustive. */
  pruned = false;
  /** Steps of the last execution, when `recordEvents` is set (for trace counting). */
  events: EventInfo[] = [];

  constructor(
    runner: Runner,
    /** Most preemptions per execution; Infinity for none. */
    readonly bound: number = Infinity,
    private readonly recordEvents = false,
  ) {
    super(runner);
  }

  protected policy(): Policy {
    return this;
  }

  protected monitor(): Monitor | undefined {
    return this.recordEvents ? this : undefined;
  }

  begin(_seed: number): void {
    this.choice = 0;
    this.preemptions = 0;
    this.events = [];
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const i = this.choice++;
    let node = this.path[i];
    if (node === undefined) {
      const preempts = new Set(runnable.filter((t) => isPreemption(runnable, at.previous, at.yielded, t)));
      const order = [...runnable].sort((a, b) => Number(preempts.has(a)) - Number(preempts.has(b)) || a - b);
      const allowed = order.filter((t) => !preempts.has(t) || this.preemptions + 1 <= this.bound);
      if (allowed.length < order.length) this.pruned = true;
      node = { chosen: allowed[0]!, todo: allowed.slice(1), before: this.preemptions, preempts };
      this.path.push(node);
    }
    if (node.preempts.has(node.chosen)) this.preemptions++;
    return node.chosen;
  }

  onStep(ev: StepEvent): void {
    this.events.push(eventOf(ev.thread, ev.op, ev.spawned));
  }

  protected backtrack(): boolean {
    for (let i = this.path.length - 1; i >= 0; i--) {
      const node = this.path[i]!;
      const next = node.todo.shift();
      if (next !== undefined) {
        node.chosen = next;
        this.path.length = i + 1;
        return true;
      }
    }
    this.path.length = 0;
    return false;
  }
}
