/**
 * Property testing of thread-safety claims with fast-check: schedule arbitraries that shrink
 * toward fewer preemptions, the `threadSafe` property, Lincheck-style linearizability
 * scenarios and the matchers behind `toBeThreadSafe` / `toHaveRace` (registered with vitest by
 * `src/check/vitest.ts`).
 */
export { ChoicePolicy, encodeChoice, type ChoicePoint } from './choice-policy.js';
export { runChoices, CHECK_MAX_STEPS, type ChoiceRun, type EngineOptions } from './run-choices.js';
export { Schedule } from './schedule.js';
export { schedules, choices, type ScheduleOptions, type ChoicesOptions } from './schedules.js';
export { fewerPreemptions, minimizeSchedule } from './shrink.js';
export { enumerateSchedules, type ExhaustiveOptions } from './exhaustive.js';
export { outcomeOf, failuresOf, type Outcome, type OutcomeClaim } from './outcome.js';
export { threadSafe, assertScheduleSafe, scheduleFailures, ThreadSafetyError, type ThreadSafeOptions } from './thread-safe.js';
export { findFailingSchedule, type FindOptions, type FoundSchedule, type SearchResult } from './find.js';
export { scheduleReport, type ReportOptions, type FastCheckOrigin } from './report.js';
export { swimLaneTable, escapeCell } from './swimlane.js';
export { laneText, type LaneOptions } from './lanes.js';
export { toBeThreadSafe, toHaveRace, threadsimMatchers, type MatcherOptions, type MatcherResult } from './matchers.js';
export { BLOCKS, checkLinearizable, canonical, type SequentialSpec, type SpecStep, type HistoryOp, type Verdict } from './linearizability.js';
export { operation, scenarios, scenarioProgram, specOf, Scenario, type Operation, type Subject, type Call, type ScenarioOptions, type ScenarioProgram } from './scenario.js';
export {
  linearizable,
  assertLinearizable,
  assertLinearizableSampled,
  assertLinearizableExhaustively,
  LinearizabilityError,
  historyTable,
  historyText,
  type LinearizableOptions,
} from './linearizable.js';
