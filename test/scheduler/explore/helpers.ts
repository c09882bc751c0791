import { builtin } from '../../../src/examples/index.ts';
import type { Program } from '../../../src/scheduler/program.ts';

/** The built-in program `name` (fails the test when missing). */
export function named(name: string): Program {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no built-in program ${name}`);
  return p;
}

/** n! */
export function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** Mazurkiewicz traces of lastzero(N), from the reference: (N+3) * 2^(N-2) for N >= 2, 2 for N = 1. */
export function lastzeroTraces(n: number): number {
  return n === 1 ? 2 : (n + 3) * 2 ** (n - 2);
}
