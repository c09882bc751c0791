/**
 * The outputs threadsim can produce for a program, for comparison with CPython's: the default
 * `gil` run, a sample over policies and seeds (timed and untimed), and an output-guided random
 * search that looks for one schedule printing a given output.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { execute, type ExecutionResult } from '../../src/scheduler/execution.ts';
import type { Monitor, StepEvent } from '../../src/scheduler/monitor.ts';
import { policyByName, type Policy, type SchedulingPoint } from '../../src/scheduler/policies/index.ts';
import type { Program } from '../../src/scheduler/program.ts';
import { LEVEL_NUMBERS, renderOutput } from '../../src/trace/text.ts';

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
export function runOnce(program: Program, policy: Policy, seed: number, untimed: boolean, monitor?: Monitor): Outcome | undefined {
  const r = execute(program, { policy, seed, untimed, maxSteps: 200_000, ...(monitor ? { monitor } : {}) });
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
  const add = (o: Outcome | undefined): void => {
    runs++;
    if (o !== undefined) outcomes.set(outcomeKey(o), o);
  };
  for (const name of ['gil', 'fifo', 'round-robin']) add(runOnce(program, policyByName(name), 0, false, monitor));
  const random = policyByName('random');
  for (let seed = 0; seed < seeds; seed++) {
    add(runOnce(program, random, seed, false, monitor));
    add(runOnce(program, random, seed, true, monitor));
  }
  return { outcomes, logTexts, runs };
}

/**
 * Random choice among the runnable threads, steered by the output to reproduce: a thread whose
 * next op would log a line the target prints, but not the line due next, is passed over while
 * another thread can run. It only steers; a run counts when its whole output matches.
 */
export class OutputGuidedPolicy implements Policy, Monitor {
  readonly name = 'guided';
  private rng = xoroshiro128plus(0);
  private pos = 0;
  private readonly expectedSet: ReadonlySet<string>;

  /** `expected`: the target output's lines that some log op prints (others are skipped). */
  constructor(private readonly expected: readonly string[]) {
    this.expectedSet = new Set(expected);
  }

  begin(seed: number): void {
    this.rng = xoroshiro128plus(seed);
    this.pos = 0;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const want = this.expected[this.pos];
    const fine: number[] = [];
    for (const t of runnable) {
      const op = at.pending(t);
      const text = op?.kind === 'log' ? op.value : undefined;
      if (typeof text === 'string' && this.expectedSet.has(text) && text !== want) continue;
      fine.push(t);
    }
    const from = fine.length > 0 ? fine : runnable;
    return from.length === 1 ? from[0]! : from[uniformInt(this.rng, 0, from.length - 1)]!;
  }

  /** Follows the output as it is printed (the engine does not ask `pick` when one thread can run). */
  onStep(ev: StepEvent): void {
    if (ev.op.kind === 'log' && ev.op.value === this.expected[this.pos]) this.pos++;
  }
}

/** Look for a schedule printing `target` with up to `tries` guided untimed runs; the seed or undefined. */
export function guidedSearch(program: Program, target: Outcome, logTexts: ReadonlySet<string>, tries: number): number | undefined {
  const policy = new OutputGuidedPolicy(target.lines.filter((l) => logTexts.has(l)));
  const want = outcomeKey(target);
  for (let seed = 0; seed < tries; seed++) {
    const o = runOnce(program, policy, seed, true, policy);
    if (o !== undefined && outcomeKey(o) === want) return seed;
  }
  return undefined;
}
