/**
 * The built-in programs, by name: one list per folder (tutorial/, zoo/, bench/), each kept by
 * its folder's index.ts. Each module's default export is a program.
 */
import type { Program } from '../scheduler/program.ts';
import { tutorial } from './tutorial/index.ts';
import { zoo } from './zoo/index.ts';

const ALL: readonly Program[] = [...tutorial, ...zoo];

/** Every built-in program, in the order `threadsim list` shows them. */
export function builtins(): readonly Program[] {
  return ALL;
}

/** The built-in program called `name`, or undefined. */
export function builtin(name: string): Program | undefined {
  return ALL.find((p) => p.name === name);
}
