/**
 * The choice tree of a program: the executions a student can produce by picking, at every
 * scheduling point, which runnable thread goes next. The HTML player's "you are the scheduler"
 * mode walks it for a program the page cannot run itself (a user's module file: only the
 * built-in programs travel inside the page's engine bundle), so the tree is computed here, by
 * running the engine once per explored branch, and embedded in the page as data.
 *
 * Shape: a trie of executions. A node holds the steps from one choice point (two or more
 * threads runnable) to the next; its children are keyed by the thread picked there. Forced
 * steps (one thread runnable) stay inside a node.
 *
 * Bounded exploration: the first execution follows the trace's own schedule; every execution
 * continues after its prefix with a non-preemptive default (keep running the thread that ran
 * last, else the oldest runnable), so a branch differs from its parent in exactly one choice.
 * Branches are explored breadth-first by their number of deviations from the default (a
 * preemption-bounded search in the sense of Musuvathi and Qadeer, "Iterative context bounding
 * for systematic testing of multithreaded programs", PLDI 2007) until `maxExecutions` runs or
 * `maxStoredSteps` stored steps; the choices left unexplored are listed as such, so the page
 * can show them as unavailable instead of guessing.
 */
import { execute, type ExecutionResult } from '../scheduler/execution.js';
import type { Program, SharedState } from '../scheduler/program.js';
import { toTraceFile, type TraceFile } from './format.js';
import { pageSteps, type PageStep } from './export/page-steps.js';
import { racesInTrace } from './trace-races.js';
import { threadLabels } from './notation.js';
import { replayCommand, type ReplayRecipe } from './replay-command.js';
import { PrefixPolicy } from './live-run.js';

/** A runnable thread at a choice point and the op it would run. */
export interface TreeOption {
  readonly t: number;
  /** `read db.value`: the pending op. */
  readonly op: string;
  /** Index of the node reached by picking it; absent when beyond the exploration bound. */
  node?: number;
}

/** How an execution ended, at a leaf. */
export interface TreeEnd {
  readonly ending: string;
  readonly failures: readonly string[];
}

/** A node: the steps up to the next choice point, then either the options or the end. */
export interface TreeNode {
  readonly steps: PageStep[];
  options?: TreeOption[];
  end?: TreeEnd;
}

/** The tree as embedded in the page. */
export interface ChoiceTree {
  readonly version: 1;
  readonly program: string;
  /** `npx threadsim run PROGRAM --schedule ` (the page appends the quoted schedule). */
  readonly replayPrefix: string;
  readonly mainLabel: string;
  readonly initialState: SharedState;
  readonly nodes: readonly TreeNode[];
  /** Executions run, and choices left unexplored when a bound stopped the search. */
  readonly executions: number;
  readonly unexplored: number;
  readonly bounds: Required<ChoiceTreeBounds>;
}

/** Bounds of the exploration (the tree's size grows with both). */
export interface ChoiceTreeBounds {
  /** Executions run at most. Default 120. */
  readonly maxExecutions?: number;
  /** Steps stored in the tree at most (about 70 bytes each in the page). Default 3,000. */
  readonly maxStoredSteps?: number;
}

/** Explore `program`'s choices from the schedule of `trace`; see the module comment for bounds. */
export function buildChoiceTree(program: Program, trace: TraceFile, bounds: ChoiceTreeBounds = {}): ChoiceTree {
  const maxExecutions = bounds.maxExecutions ?? 120;
  const maxStoredSteps = bounds.maxStoredSteps ?? 3_000;
  const recipe: ReplayRecipe = trace.recipe;
  const nodes: TreeNode[] = [];
  const queue: { prefix: number[] }[] = [{ prefix: [...trace.schedule] }];
  let executions = 0;
  let stored = 0;
  let skipped = 0;
  let initialState: SharedState = {};
  let mainLabel = 'MainThread';
  while (queue.length > 0 && executions < maxExecutions && stored < maxStoredSteps) {
    const { prefix } = queue.shift()!;
    const policy = new PrefixPolicy(prefix);
    const exec = execute(program, {
      policy,
      seed: recipe.seed,
      record: true,
      ...(recipe.maxSteps === undefined ? {} : { maxSteps: recipe.maxSteps }),
      ...(recipe.cpuCount === undefined ? {} : { cpuCount: recipe.cpuCount }),
    });
    executions++;
    if (executions === 1) {
      initialState = exec.initialState ?? {};
      mainLabel = threadLabels(exec.threads.map((t) => t.name))[0] ?? 'MainThread';
    }
    // Bounded inside a run too: a long run has a choice point at nearly every step, and
    // queueing a copy of its schedule at each one filled memory (100,000 steps: 4 GB) before
    // the bounds, checked between runs, could stop it. Only the prefixes that can still be
    // run are kept (the first ones, as the queue is first in, first out); the rest are
    // counted as unexplored.
    stored += insert(nodes, exec, policy.choices, recipe, (prefix) => {
      if (queue.length < maxExecutions) queue.push({ prefix: prefix() });
      else skipped++;
    });
  }
  return {
    version: 1,
    program: recipe.program,
    replayPrefix: `${replayCommand({ ...recipe, policy: 'gil', schedule: 'X' }).replace(/ 'X'$| X$/, '')} `,
    mainLabel,
    initialState,
    nodes,
    executions,
    unexplored: queue.length + skipped,
    bounds: { maxExecutions, maxStoredSteps },
  };
}

/**
 * Add an execution's path to the trie; returns how many steps were stored. Every choice point
 * on the new part of the path queues its other options as new prefixes.
 */
function insert(
  nodes: TreeNode[],
  exec: ExecutionResult,
  choices: ReadonlyMap<number, { t: number; op: string }[]>,
  recipe: ReplayRecipe,
  explore: (prefix: () => number[]) => void,
): number {
  const records = exec.trace ?? [];
  const cuts = [0, ...[...choices.keys()].sort((a, b) => a - b)];
  let node: TreeNode | undefined = nodes[0];
  let created = false;
  let stored = 0;
  const file = toTraceFile(exec, recipe);
  const steps = pageSteps({ ...file, races: racesInTrace(file) });
  for (let c = 0; c < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[c + 1] ?? records.length;
    if (!created && c > 0) {
      const chosen = exec.schedule[from]!;
      const option = node?.options?.find((o) => o.t === chosen);
      if (option?.node !== undefined) {
        node = nodes[option.node];
        continue;
      }
      created = true;
      const fresh: TreeNode = { steps: steps.slice(from, to) };
      nodes.push(fresh);
      if (option !== undefined) option.node = nodes.length - 1;
      node = fresh;
    } else if (c === 0) {
      if (node !== undefined) continue;
      created = true;
      node = { steps: steps.slice(from, to) };
      nodes.push(node);
    } else {
      const fresh: TreeNode = { steps: steps.slice(from, to) };
      nodes.push(fresh);
      const chosen = exec.schedule[from]!;
      node!.options!.find((o) => o.t === chosen)!.node = nodes.length - 1;
      node = fresh;
    }
    stored += node!.steps.length;
    const next = cuts[c + 1];
    if (next === undefined) {
      node!.end = { ending: exec.ending, failures: exec.failures.map((f) => f.message) };
    } else {
      node!.options = choices.get(next)!.map((o) => ({ t: o.t, op: o.op }));
      for (const o of node!.options) {
        if (o.t !== exec.schedule[next]) explore(() => [...exec.schedule.slice(0, next), o.t]);
      }
    }
  }
  return stored;
}

/**
 * The tree as the page embeds it: repeated strings (kinds, objects, pending ops, log lines)
 * stored once in `s` and referred to by index, steps and options as arrays. A step is
 * `[thread, kind, access, time, obj or -1]` plus an object of its other fields when it has any
 * (log lines as `[level, string index]`); an option is `[thread, op, node or -1]`; a node is
 * `[steps, options or 0, end or 0]`. This cuts the embedded size three- to fourfold.
 */
export interface PackedTree {
  readonly program: string;
  readonly replayPrefix: string;
  readonly mainLabel: string;
  readonly initialState: SharedState;
  readonly executions: number;
  readonly unexplored: number;
  readonly s: readonly string[];
  readonly n: readonly (readonly [readonly unknown[][], readonly (readonly number[])[] | 0, TreeEnd | 0])[];
}

/** Pack a tree for embedding; see {@link PackedTree}. */
export function packTree(tree: ChoiceTree): PackedTree {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const nodes = tree.nodes.map((node) => {
    const steps = node.steps.map((step) => {
      const { t, k, a, tm, o, lg, ...rest } = step;
      const row: unknown[] = [t, ref(k), ref(a), tm, o === undefined ? -1 : ref(o)];
      const extra: Record<string, unknown> = { ...rest };
      if (lg !== undefined) extra.lg = lg.map(([level, text]) => [level, ref(text)]);
      if (Object.keys(extra).length > 0) row.push(extra);
      return row;
    });
    const options = node.options === undefined ? 0 : node.options.map((o) => [o.t, ref(o.op), o.node ?? -1]);
    return [steps, options, node.end ?? 0] as const;
  });
  return {
    program: tree.program,
    replayPrefix: tree.replayPrefix,
    mainLabel: tree.mainLabel,
    initialState: tree.initialState,
    executions: tree.executions,
    unexplored: tree.unexplored,
    s: strings,
    n: nodes,
  };
}
