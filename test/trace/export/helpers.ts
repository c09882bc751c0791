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

/**
 * The step number each step line of a Mermaid diagram shows, in order: messages are numbered
 * the way Mermaid's `autonumber` does (each `autonumber N` sets the counter, every arrow,
 * numbered or not, advances it); log notes and step 0 carry `N: ` in their text.
 */
export function mermaidStepNumbers(src: string): { step: number; line: string }[] {
  const out: { step: number; line: string }[] = [];
  let next = 1;
  let on = false;
  for (const line of src.split('\n')) {
    const set = /^ {2}autonumber (\d+|off)$/.exec(line);
    if (set !== null) {
      on = set[1] !== 'off';
      if (on) next = Number(set[1]);
      continue;
    }
    const text = /^ {2,4}(?:(?:t\d+|o\d+|others)-?->>(?:t\d+|o\d+|others)|Note over [\w,]+): (.*)$/.exec(line);
    if (text === null) continue;
    const own = /^(\d+): /.exec(text[1]!);
    const arrow = line.includes('->>');
    const dashed = line.includes('-->>');
    if (arrow && !dashed && on) out.push({ step: next, line });
    else if (own !== null && !dashed) out.push({ step: Number(own[1]), line });
    if (arrow) next++;
  }
  return out;
}
