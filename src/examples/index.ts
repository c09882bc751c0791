/**
 * The built-in programs, by name: one list per folder (tutorial/, zoo/, bench/), each kept by
 * its folder's index.ts. Each module's default export is a program.
 */
import type { Program } from '../scheduler/program.js';
import { tutorial } from './tutorial/index.js';
import { zoo } from './zoo/index.js';
import { bench } from './bench/index.js';

/** The teaching programs: the tutorial and the zoo of classic bugs. */
const EXAMPLES: readonly Program[] = [...tutorial, ...zoo];
const ALL: readonly Program[] = [...EXAMPLES, ...bench];

/**
 * The lecture programs (tutorial/ and zoo/): each has a Python twin and golden traces.
 * bench/ programs are workloads with known exploration counts, not lecture material.
 */
export function examples(): readonly Program[] {
  return EXAMPLES;
}

/** Every built-in program, in the order `threadsim list` shows them. */
export function builtins(): readonly Program[] {
  return ALL;
}

/** The built-in program called `name`, or undefined. */
export function builtin(name: string): Program | undefined {
  return ALL.find((p) => p.name === name);
}
