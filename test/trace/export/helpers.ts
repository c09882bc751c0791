import { builtin } from '../../../src/examples/index.ts';
import { execute } from '../../../src/scheduler/execution.ts';
import { GilPolicy } from '../../../src/scheduler/policies/index.ts';
import { programExtras, toTraceFile, type TraceFile } from '../../../src/trace/format.ts';
import { withRaces } from '../../../src/trace/export/index.ts';

/** The recorded gil seed-0 trace of a built-in program, with races. */
export function traceOf(name: string): TraceFile {
  const p = builtin(name)!;
  const exec = execute(p, { policy: new GilPolicy(), seed: 0, record: true });
  return withRaces(toTraceFile(exec, { program: name, policy: 'gil', seed: 0 }, programExtras(p)));
}
