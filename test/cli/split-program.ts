/** The split-sections program run twice as `threadsim run` does: plain, then recorded. */
import { RaceMonitor } from '../../src/scheduler/detect/detector.js';
import { execute, type ExecutionResult } from '../../src/scheduler/execution.js';
import { GilPolicy } from '../../src/scheduler/policies/index.js';
import { splitSections } from '../scheduler/detect/programs.js';

/** The execution and its recorded twin. */
export function buildSplit(): { execution: ExecutionResult; recorded: ExecutionResult } {
  const execution = execute(splitSections, { policy: new GilPolicy(), seed: 0, monitor: new RaceMonitor() });
  const recorded = execute(splitSections, { policy: new GilPolicy(), seed: 0, record: true, monitor: new RaceMonitor({ patterns: true }) });
  return { execution, recorded };
}
