/**
 * Every schedule of a program up to a preemption bound, depth first over the choice lists of
 * {@link ChoicePolicy} (stateless: each execution re-runs the program). At a decision point
 * with n runnable threads the choices 0..n-1 name n distinct threads, so each execution is
 * produced exactly once. The bound counts preempting switches only (Musuvathi and Qadeer,
 * "Iterative context bounding for systematic testing of multithreaded programs", PLDI 2007):
 * forced switches after a thread blocks or ends are free.
 */
import type { Program } from '../scheduler/program.js';
import { runChoices, type ChoiceRun, type EngineOptions } from './run-choices.js';

/** Options of {@link enumerateSchedules}. */
export interface ExhaustiveOptions extends EngineOptions {
  /** Most preemptions per execution. Default 2. */
  readonly preemptionBound?: number;
  /** Stop after this many executions. Default 10,000. */
  readonly maxExecutions?: number;
}

/** The executions of `program`, each with the choices that replay it. */
export function* enumerateSchedules(program: Program, options: ExhaustiveOptions = {}): Generator<ChoiceRun & { readonly choices: readonly number[] }> {
  const bound = options.preemptionBound ?? 2;
  const max = options.maxExecutions ?? 10_000;
  const stack: number[][] = [[]];
  let executions = 0;
  while (stack.length > 0 && executions < max) {
    const prefix = stack.pop()!;
    const run = runChoices(program, prefix, options);
    executions++;
    const points = run.points;
    let used = 0;
    for (let i = 0; i < prefix.length; i++) {
      const p = points[i];
      if (p !== undefined && p.preemptible && p.choice % p.options !== 0) used++;
    }
    const taken = points.map((p) => p.choice % p.options);
    // alternatives after the prefix, pushed so that earlier points are explored last (DFS)
    for (let i = prefix.length; i < points.length; i++) {
      const p = points[i]!;
      const cost = used + (p.preemptible ? 1 : 0);
      if (cost <= bound) for (let c = p.options - 1; c >= 1; c--) stack.push([...taken.slice(0, i), c]);
    }
    yield { ...run, choices: taken };
  }
}
