/**
 * threadsim's public surface: define programs against the models, run them under a policy,
 * read the result.
 */
export { program, isProgram, type Program, type ProgramOptions, type Claim, type SharedState, type LogLevelName } from './scheduler/program.ts';
export type { Op, OpKind, Access, Steps, Step, Kernel } from './scheduler/ops.ts';
export type { Policy, SchedulingPoint } from './scheduler/policies/index.ts';
export { policyByName, POLICY_NAMES, GilPolicy, FifoPolicy, RandomPolicy, RoundRobinPolicy, ReplayPolicy } from './scheduler/policies/index.ts';
export type { Failure } from './scheduler/failures.ts';
export { execute, type ExecutionOptions, type ExecutionResult, type StepRecord } from './scheduler/execution.ts';
export { runProgram, type RunOptions, type RunSummary } from './scheduler/run.ts';
export { ThreadsimError, ERROR_CODES, type ErrorCode } from './errors.ts';
export * from './models/index.ts';
export { random, MersenneTwister } from './models/random.ts';
export { TRACE_VERSION, toTraceFile, parseTraceFile, serializeTrace, stateAt, diffState, type TraceFile, type TraceStep, type TraceThread, type TraceRace, type RaceAccess, type StateChanges } from './trace/format.ts';
export { parseSchedule, printSchedule, resolveThread, threadLabels, aliasLegend, type ScheduleRun, type ThreadRef } from './trace/notation.ts';
export { explore, Exploration, STRATEGIES, type Strategy, type ExploreOptions, type ExploreSummary, type FoundFailure } from './scheduler/explore/explore.ts';
export { shrinkSchedule, failureSignature, type ShrinkOptions, type ShrinkResult } from './scheduler/explore/shrink.ts';
export { PctPolicy, type PctParameters } from './scheduler/policies/pct.ts';
export { GuidedPolicy } from './scheduler/policies/guided.ts';
export * from './check/index.ts';
export { runSchedule, SchedulePolicy, ScheduleMismatch } from './trace/schedule-policy.ts';
export { EXPORT_FORMATS, renderExport, withRaces, type ExportFormat, type ExportOptions } from './trace/export/index.ts';
export { exportSvg, type SvgOptions } from './trace/export/svg.ts';
export { exportHtml, type HtmlOptions } from './trace/export/html.ts';
export { buildChoiceTree, type ChoiceTree, type ChoiceTreeBounds } from './trace/choice-tree.ts';
export { RaceMonitor, type DetectOptions } from './scheduler/detect/index.ts';
export type { RaceFailure, RaceAccess as RaceFailureAccess, LockOrderFailure, InvariantFailure, DeadlockFailure } from './scheduler/failures.ts';
