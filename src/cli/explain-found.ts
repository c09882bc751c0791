/**
 * Explorations run without race detection (it would slow every execution down). The few
 * failures an exploration reports are run once more from their schedule with the detector
 * watching, so that they carry the same pattern name and cause `threadsim run` gives them.
 */
import { RaceMonitor } from '../scheduler/detect/index.js';
import { execute } from '../scheduler/execution.js';
import type { FoundFailure, ExploreSummary } from '../scheduler/explore/explore.js';
import { failureSignature } from '../scheduler/explore/shrink.js';
import { ReplayPolicy } from '../scheduler/policies/replay.js';
import type { Program } from '../scheduler/program.js';

/** How the exploration ran its executions. */
export interface ReplaySettings {
  readonly untimed: boolean;
  readonly maxSteps?: number;
  readonly cpuCount?: number;
}

/** `summary` with each failure replaced by its explained form, where detection names one. */
export function explainFound(program: Program, summary: ExploreSummary, settings: ReplaySettings): ExploreSummary {
  if (summary.failures.length === 0) return summary;
  return { ...summary, failures: summary.failures.map((f) => explainOne(program, f, settings)) };
}

function explainOne(program: Program, found: FoundFailure, settings: ReplaySettings): FoundFailure {
  const exec = execute(program, {
    policy: new ReplayPolicy(found.schedule, undefined, found.result.choices ?? []),
    seed: 0,
    untimed: settings.untimed,
    monitor: new RaceMonitor({ patterns: true }),
    ...(settings.maxSteps === undefined ? {} : { maxSteps: settings.maxSteps }),
    ...(settings.cpuCount === undefined ? {} : { cpuCount: settings.cpuCount }),
  });
  // The same failure as exploration tells failures apart (kind, and claim or exception type).
  const same = exec.failures.find((f) => failureSignature(f) === found.signature && 'pattern' in f && f.pattern !== undefined);
  return same === undefined ? found : { ...found, failure: same };
}
