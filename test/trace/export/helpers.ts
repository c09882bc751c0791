import { builtin } from '../../../src/examples/index.js';
import { execute } from '../../../src/scheduler/execution.js';
import { GilPolicy } from '../../../src/scheduler/policies/index.js';
import { programExtras, toTraceFile, type TraceFile } from '../../../src/trace/format.js';
import { withRaces } from '../../../src/trace/export/index.js';

/** The recorded gil seed-0 trace of a built-in program, with races. */
export function traceOf(name: string): TraceFile {
  const p = builtin(name)!;
  const exec = execute(p, { policy: new GilPolicy(), seed: 0, record: true });
  return withRaces(toTraceFile(exec, { program: name, policy: 'gil', seed: 0 }, programExtras(p)));
}
