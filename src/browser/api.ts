/**
 * What `import ... from 'threadsim'` means inside the page: the models and the program
 * definition, the engine's policies and runner. A user's module bundled into an HTML export
 * imports this (the bundler aliases `threadsim` to it), so its models are the very ones the
 * page's engine runs, and nothing Node-only (exporters, the CLI) comes along.
 */
export * from '../models/index.js';
export { random, MersenneTwister } from '../models/random.js';
export { program, isProgram, type Program, type ProgramOptions, type Claim, type SharedState } from '../scheduler/program.js';
export { policyByName, POLICY_NAMES, GilPolicy, FifoPolicy, RandomPolicy, RoundRobinPolicy, ReplayPolicy } from '../scheduler/policies/index.js';
export { execute } from '../scheduler/execution.js';
