/**
 * threadsim's public surface: define programs against the models, run them under a policy,
 * read the result.
 */
export { program, isProgram, type Program, type ProgramOptions, type Claim, type SharedState, type LogLevelName } from './scheduler/program.js';
export type { Op, OpKind, Access, Steps, Step, Kernel } from './scheduler/ops.js';
export type { Policy, SchedulingPoint } from './scheduler/policies/index.js';
export { policyByName, POLICY_NAMES, GilPolicy, FifoPolicy, RandomPolicy, RoundRobinPolicy, ReplayPolicy } from './scheduler/policies/index.js';
export type { Failure } from './scheduler/failures.js';
export { execute, type ExecutionOptions, type ExecutionResult, type StepRecord } from './scheduler/execution.js';
export { runProgram, type RunOptions, type RunSummary } from './scheduler/run.js';
export { ThreadsimError, ERROR_CODES, type ErrorCode } from './errors.js';
export * from './models/index.js';
export { random, MersenneTwister } from './models/random.js';
export { TRACE_VERSION, toTraceFile, parseTraceFile, serializeTrace, stateAt, diffState, type TraceFile, type TraceStep, type TraceThread, type TraceRace, type RaceAccess, type StateChanges } from './trace/format.js';
export { parseSchedule, printSchedule, resolveThread, threadLabels, aliasLegend, type ScheduleRun, type ThreadRef } from './trace/notation.js';
export { explore, Exploration, STRATEGIES, type Strategy, type ExploreOptions, type ExploreSummary, type FoundFailure } from './scheduler/explore/explore.js';
export { shrinkSchedule, failureSignature, type ShrinkOptions, type ShrinkResult } from './scheduler/explore/shrink.js';
export { PctPolicy, type PctParameters } from './scheduler/policies/pct.js';
export { PosPolicy } from './scheduler/explore/pos.js';
export { RffPolicy, type ReadsFrom, type RffFeedback } from './scheduler/explore/rff.js';
export { runSeed } from './scheduler/explore/sampling.js';
export { GuidedPolicy } from './scheduler/policies/guided.js';
export * from './check/index.js';
export { runSchedule, SchedulePolicy, ScheduleMismatch } from './trace/schedule-policy.js';
export { EXPORT_FORMATS, renderExport, withRaces, type ExportFormat, type ExportOptions } from './trace/export/index.js';
export { exportSvg, type SvgOptions } from './trace/export/svg.js';
export { exportHtml, type HtmlOptions } from './trace/export/html.js';
export { buildChoiceTree, type ChoiceTree, type ChoiceTreeBounds } from './trace/choice-tree.js';
export { RaceMonitor, type DetectOptions } from './scheduler/detect/index.js';
export type { RaceFailure, RaceAccess as RaceFailureAccess, LockOrderFailure, InvariantFailure, DeadlockFailure } from './scheduler/failures.js';
