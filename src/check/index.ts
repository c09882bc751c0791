/**
 * Property testing of thread-safety claims with fast-check: schedule arbitraries that shrink
 * toward fewer preemptions, the `threadSafe` property, Lincheck-style linearizability
 * scenarios and the matchers behind `toBeThreadSafe` / `toHaveRace` (registered with vitest by
 * `src/check/vitest.ts`).
 */
export { ChoicePolicy, encodeChoice, type ChoicePoint } from './choice-policy.ts';
export { runChoices, CHECK_MAX_STEPS, type ChoiceRun, type EngineOptions } from './run-choices.ts';
export { Schedule } from './schedule.ts';
export { schedules, choices, type ScheduleOptions, type ChoicesOptions } from './schedules.ts';
export { fewerPreemptions, minimizeSchedule } from './shrink.ts';
export { enumerateSchedules, type ExhaustiveOptions } from './exhaustive.ts';
export { outcomeOf, failuresOf, type Outcome, type OutcomeClaim } from './outcome.ts';
export { threadSafe, assertScheduleSafe, scheduleFailures, ThreadSafetyError, type ThreadSafeOptions } from './thread-safe.ts';
export { findFailingSchedule, type FindOptions, type FoundSchedule, type SearchResult } from './find.ts';
export { scheduleReport, type ReportOptions, type FastCheckOrigin } from './report.ts';
export { swimLaneTable, escapeCell } from './swimlane.ts';
export { toBeThreadSafe, toHaveRace, threadsimMatchers, type MatcherOptions, type MatcherResult } from './matchers.ts';
export { BLOCKS, checkLinearizable, canonical, type SequentialSpec, type SpecStep, type HistoryOp, type Verdict } from './linearizability.ts';
export { operation, scenarios, scenarioProgram, specOf, Scenario, type Operation, type Subject, type Call, type ScenarioOptions, type ScenarioProgram } from './scenario.ts';
export {
  linearizable,
  assertLinearizable,
  assertLinearizableSampled,
  assertLinearizableExhaustively,
  LinearizabilityError,
  historyTable,
  type LinearizableOptions,
} from './linearizable.ts';
