/** Small helpers for model tests: run a main body once, or under many seeds. */
import { execute, type ExecutionResult } from '../../src/scheduler/execution.js';
import type { Step, Steps } from '../../src/scheduler/ops.js';
import { policyByName } from '../../src/scheduler/policies/index.js';
import { program } from '../../src/scheduler/program.js';
import { renderOutput } from '../../src/trace/text.js';
import { describeError } from '../../src/scheduler/exception-line.js';

/** Options of {@link run}. */
export interface RunOpts {
  readonly policy?: string;
  readonly seed?: number;
  readonly untimed?: boolean;
  readonly cpuCount?: number;
  readonly maxSteps?: number;
  /** Virtual µs per step; 0 makes deadlines set at the same time coincide exactly. */
  readonly stepCost?: number;
}

/** Run `main` once as MainThread's body. */
export function run(main: () => Steps<unknown>, opts: RunOpts = {}): ExecutionResult {
  return execute(program('model-test', main), {
    policy: policyByName(opts.policy ?? 'fifo'),
    seed: opts.seed ?? 0,
    ...(opts.untimed ? { untimed: true } : {}),
    ...(opts.cpuCount === undefined ? {} : { cpuCount: opts.cpuCount }),
    ...(opts.maxSteps === undefined ? {} : { maxSteps: opts.maxSteps }),
    ...(opts.stepCost === undefined ? {} : { stepCost: opts.stepCost }),
  });
}

/** Printed lines (no timestamps) of a run, every level. */
export function lines(r: ExecutionResult): string[] {
  return renderOutput(r.output, { timestamps: false, level: 0 });
}

/** Run `main` with the random policy under seeds 0..n-1; the set of distinct outputs seen. */
export function outcomes(main: () => Steps<unknown>, n = 200, opts: RunOpts = {}): Set<string> {
  const seen = new Set<string>();
  for (let seed = 0; seed < n; seed++) seen.add(lines(run(main, { ...opts, policy: 'random', seed })).join('\n'));
  return seen;
}

/** `Type: message` of what `body` raises when run as MainThread, or `no error`. */
export function raised(body: () => Step<unknown>): string {
  let got = 'no error';
  run(function* () {
    try {
      yield* body();
    } catch (e) {
      const d = describeError(e);
      got = `${d.type}: ${d.detail}`;
    }
  });
  return got;
}
