/**
 * Claims checked as invariants after every step (`ProgramOptions.invariants`). The first
 * step after which an invariant is false is reported, with the thread and the op that made
 * it false; later steps do not report it again.
 */
import { describeStep } from './describe.js';
import type { Failure, InvariantFailure } from '../failures.js';
import type { Monitor } from '../monitor.js';
import type { Claim } from '../program.js';

/** A monitor checking `invariants`; `threadName` names threads by index. */
export function invariantMonitor(invariants: Readonly<Record<string, Claim>>, threadName: (i: number) => string): Monitor {
  const entries = Object.entries(invariants);
  const failed: InvariantFailure[] = [];
  const done = new Set<string>();
  return {
    onStep(ev) {
      for (const [name, claim] of entries) {
        if (done.has(name)) continue;
        let verdict: boolean | string;
        try {
          verdict = claim(ev.state);
        } catch (e) {
          verdict = `the invariant raised ${e instanceof Error ? e.message : String(e)}`;
        }
        if (verdict === true) continue;
        done.add(name);
        const thread = threadName(ev.thread);
        const why = typeof verdict === 'string' ? `: ${verdict}` : '';
        failed.push({
          kind: 'invariant',
          claim: name,
          step: ev.step,
          thread,
          message: `invariant '${name}' is false after step ${ev.step} (${thread}: ${describeStep(ev.op, ev.result)})${why}`,
        });
      }
    },
    onEnd(): Failure[] {
      return failed;
    },
  };
}
