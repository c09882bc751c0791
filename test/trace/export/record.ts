/** Test helper: the trace file of one recorded execution of a built-in or given program. */
import { builtin } from '../../../src/examples/index.js';
import { execute } from '../../../src/scheduler/execution.js';
import { policyByName } from '../../../src/scheduler/policies/index.js';
import type { Program } from '../../../src/scheduler/program.js';
import { toTraceFile, type TraceFile } from '../../../src/trace/format.js';

/** Record `program` (a built-in's name or a program) under `policy` and `seed`. */
export function recordTrace(program: string | Program, policy = 'gil', seed = 0): TraceFile {
  const p = typeof program === 'string' ? builtin(program) : program;
  if (p === undefined) throw new Error(`no built-in ${String(program)}`);
  const exec = execute(p, { policy: policyByName(policy), seed, record: true });
  return toTraceFile(exec, { program: p.name, policy, seed });
}
