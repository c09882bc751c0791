/**
 * The Mazurkiewicz trace of an execution as a string: two executions get the same key exactly
 * when they order every pair of dependent steps the same way (they differ only by swapping
 * independent neighbours). The key lists, thread by thread, each step's vector clock over the
 * happens-before order built from program order and {@link dependent} steps. Used to count
 * distinct traces independently of any reduction.
 */
import { dependent, type DependencyRules, type EventInfo } from './events.js';

/** The trace key of the steps of one execution. */
export function traceKey(events: readonly EventInfo[], rules: DependencyRules): string {
  let threads = 0;
  for (const e of events) threads = Math.max(threads, e.thread + 1, e.spawned + 1);
  const vc: number[][] = [];
  const count = new Array<number>(threads).fill(0);
  const perThread: string[][] = Array.from({ length: threads }, () => []);
  for (let j = 0; j < events.length; j++) {
    const ej = events[j]!;
    const v = new Array<number>(threads).fill(0);
    for (let k = 0; k < j; k++) {
      if (!dependent(events[k]!, ej, rules)) continue;
      const vk = vc[k]!;
      for (let t = 0; t < threads; t++) if (vk[t]! > v[t]!) v[t] = vk[t]!;
    }
    v[ej.thread] = ++count[ej.thread]!;
    vc.push(v);
    perThread[ej.thread]!.push(`${ej.kind}:${ej.obj ?? ''}@${v.join('.')}`);
  }
  return perThread.map((steps) => steps.join(' ')).join('|');
}
