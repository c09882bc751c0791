/**
 * The outputs threadsim can produce for a program, for comparison with CPython's: the default
 * `gil` run, a sample over policies and seeds (timed and untimed), and a search pruned by the
 * output that looks for one schedule printing a given output.
 */
import { execute, type ExecutionResult } from '../../src/scheduler/execution.js';
import type { Monitor, StepEvent } from '../../src/scheduler/monitor.js';
import { policyByName, type Policy, type SchedulingPoint } from '../../src/scheduler/policies/index.js';
import type { Program } from '../../src/scheduler/program.js';
import { LEVEL_NUMBERS, renderOutput } from '../../src/trace/text.js';

/** What a run printed (as `--no-timestamps` prints it) and whether it ended hung. */
export interface Outcome {
  readonly lines: readonly string[];
  /** True for a deadlock: no thread can ever run again (CPython would hang). */
  readonly hung: boolean;
}

/** One string per distinct outcome. */
export function outcomeKey(o: Outcome): string {
  return `${o.hung ? 'hangs' : 'ends'}\n${o.lines.join('\n')}`;
}

function outcomeOf(program: Program, r: ExecutionResult): Outcome {
  const level = LEVEL_NUMBERS[program.options.logLevel ?? 'info'];
  return { lines: renderOutput(r.output, { timestamps: false, level }), hung: r.ending === 'deadlock' };
}

/** Run once; undefined when the run hit the step bound (no outcome CPython could match). */
export function runOnce(program: Program, policy: Policy, seed: number, untimed: boolean, monitor?: Monitor, maxSteps = 200_000): Outcome | undefined {
  const r = execute(program, { policy, seed, untimed, maxSteps, ...(monitor ? { monitor } : {}) });
  return r.ending === 'step-bound' ? undefined : outcomeOf(program, r);
}

/** Under the default policy (`gil`, seed 0, virtual time). */
export function defaultOutcome(program: Program): Outcome {
  return runOnce(program, policyByName('gil'), 0, false)!;
}

/** Distinct outcomes, and every text a log op printed (shown or not), over a sample of runs. */
export interface Sample {
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly logTexts: ReadonlySet<string>;
  /** Every line some sampled run showed. */
  readonly shownTexts: ReadonlySet<string>;
  readonly runs: number;
}

/** gil, fifo and round-robin, then `seeds` random seeds with virtual time and as many untimed. */
export function sampleOutcomes(program: Program, seeds: number): Sample {
  const outcomes = new Map<string, Outcome>();
  const logTexts = new Set<string>();
  const monitor: Monitor = {
    onStep(ev) {
      if (ev.op.kind === 'log' && typeof ev.op.value === 'string') logTexts.add(ev.op.value);
    },
  };
  let runs = 0;
  const shownTexts = new Set<string>();
  const add = (o: Outcome | undefined): void => {
    runs++;
    if (o === undefined) return;
    outcomes.set(outcomeKey(o), o);
    for (const l of o.lines) shownTexts.add(l);
  };
  for (const name of ['gil', 'fifo', 'round-robin']) add(runOnce(program, policyByName(name), 0, false, monitor));
  const random = policyByName('random');
  for (let seed = 0; seed < seeds; seed++) {
    add(runOnce(program, random, seed, false, monitor));
    add(runOnce(program, random, seed, true, monitor));
  }
  return { outcomes, logTexts, shownTexts, runs };
}

/** Thrown by the search policy to abandon a run that can no longer print the target. */
class DeadEnd extends Error {}

/**
 * Depth-first search over schedules (untimed, so sleeps may end at any point) for one that
 * prints `target`, pruned by the output: a thread whose next op would log a shown line other
 * than the one due next is never picked, and a run where every runnable thread is such a
 * thread is abandoned. Runs are replayed from the start with a recorded prefix of choices
 * (stateless search, as in systematic concurrency testing). At each point a thread about to
 * log the line due next is tried first, then the others in an order drawn from `seed` and the
 * point's index (the same on every replay of the prefix), so restarts with new seeds reach
 * parts of the tree that backtracking from one deep path would take too long to reach. In
 * trees with an even seed the thread that ran last comes before the others.
 */
class OutputSearch implements Policy, Monitor {
  readonly name = 'output-search';
  /** Chosen candidate index and candidate count per decision point of the current prefix. */
  readonly stack: { choice: number; count: number }[] = [];
  private decision = 0;
  private pos = 0;

  /** `expected`: the target's lines that some log op prints; `hidden`: texts logged but never shown. */
  private seed = 0;

  constructor(
    private readonly expected: readonly string[],
    private readonly hidden: ReadonlySet<string>,
  ) {}

  /** Start a new search tree whose candidate orders are drawn from `seed`. */
  restart(seed: number): void {
    this.seed = seed;
    this.stack.length = 0;
  }

  begin(_seed: number): void {
    this.decision = 0;
    this.pos = 0;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const want = this.expected[this.pos];
    const good: number[] = [];
    const rest: number[] = [];
    for (const t of runnable) {
      const op = at.pending(t);
      const text = op?.kind === 'log' ? op.value : undefined;
      if (typeof text === 'string' && !this.hidden.has(text)) {
        if (text === want) good.push(t);
        continue;
      }
      rest.push(t);
    }
    const d = this.decision++;
    shuffle(rest, mix(this.seed, d));
    // Every other tree keeps the running thread running where it can (as CPython's GIL mostly
    // does); the others switch freely.
    const stay = this.seed % 2 === 0 ? rest.indexOf(at.previous) : -1;
    if (stay > 0) rest.unshift(...rest.splice(stay, 1));
    const candidates = [...good, ...rest];
    if (candidates.length === 0) throw new DeadEnd();
    let entry = this.stack[d];
    if (entry === undefined) {
      entry = { choice: 0, count: candidates.length };
      this.stack.push(entry);
    }
    return candidates[entry.choice]!;
  }

  /**
   * Follows the output as it is printed, and abandons the run at the first shown line that is
   * not the one due next (the engine does not ask `pick` when only one thread can run, so a
   * wrong line can be printed without a choice).
   */
  onStep(ev: StepEvent): void {
    if (ev.op.kind !== 'log' || typeof ev.op.value !== 'string' || this.hidden.has(ev.op.value)) return;
    if (ev.op.value !== this.expected[this.pos]) throw new DeadEnd();
    this.pos++;
  }

  /** Move to the next untried prefix; false when the whole tree has been searched. */
  backtrack(): boolean {
    this.stack.length = Math.min(this.stack.length, this.decision);
    for (let top = this.stack.at(-1); top !== undefined; top = this.stack.at(-1)) {
      if (top.choice + 1 < top.count) {
        top.choice++;
        return true;
      }
      this.stack.pop();
    }
    return false;
  }
}

/** A 32-bit hash of two integers (murmur3's finaliser over their combination). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher-Yates with a xorshift32 stream from `state` (deterministic for a given state). */
function shuffle<T>(list: T[], state: number): void {
  let x = state || 1;
  for (let i = list.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    const t = list[i]!;
    list[i] = list[j]!;
    list[j] = t;
  }
}

/**
 * True for the lines of an exception report (`Exception in thread ...:`, `Traceback ...`,
 * `ValueError: ...`): the engine prints those, no log op does, so the search cannot steer by them.
 */
export function isReportLine(line: string): boolean {
  return /^Exception in thread .*:$|^Traceback \(most recent call last\):$|^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)(: |$)/.test(line);
}

/** What {@link searchOutput} found. */
export interface SearchResult {
  readonly found: boolean;
  /** Executions run (each replays the program from the start). */
  readonly runs: number;
  /** True when the whole pruned tree was searched without a match. */
  readonly exhausted: boolean;
}

/**
 * Look for a schedule printing `target` (and ending as it did), trying at most `budget`
 * executions: depth-first with at most `perTree` executions in the first tree, then restarts
 * with new candidate orders, each tree allowed twice as many executions as the one before
 * (so both many shallow tries and a few deep ones are made). A first tree searched to its end
 * proves that no schedule prints the target. The target's
 * lines steer the search, except exception reports, which no log op prints. `logTexts` are the texts log ops printed in a sample of runs and `shownTexts`
 * the lines those runs showed: a text logged but never shown is below the program's level.
 */
export function searchOutput(program: Program, target: Outcome, sample: Sample, budget: number, perTree = 100): SearchResult {
  const hidden = new Set([...sample.logTexts].filter((t) => !sample.shownTexts.has(t)));
  const search = new OutputSearch(target.lines.filter((l) => sample.logTexts.has(l) || !isReportLine(l)), hidden);
  const want = outcomeKey(target);
  let inTree = 0;
  let tree = 0;
  let allowed = perTree;
  for (let runs = 1; runs <= budget; runs++) {
    let o: Outcome | undefined;
    try {
      o = runOnce(program, search, 0, true, search, 20_000);
    } catch (e) {
      if (!(e instanceof DeadEnd)) throw e;
    }
    if (o !== undefined && outcomeKey(o) === want) return { found: true, runs, exhausted: false };
    const more = search.backtrack();
    // A first tree searched to its end holds every schedule: nothing else can match.
    if (!more && tree === 0) return { found: false, runs, exhausted: true };
    if (!more || ++inTree >= allowed) {
      search.restart(++tree);
      inTree = 0;
      allowed *= 2;
    }
  }
  return { found: false, runs: budget, exhausted: false };
}
