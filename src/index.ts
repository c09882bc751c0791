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
export { RaceMonitor, type DetectOptions } from './scheduler/detect/index.ts';
export type { RaceFailure, RaceAccess, LockOrderFailure, InvariantFailure, DeadlockFailure } from './scheduler/failures.ts';
