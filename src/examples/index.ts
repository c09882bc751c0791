/**
 * The built-in programs, by name. Each module's default export is a program.
 */
import type { Program } from '../scheduler/program.ts';
import daemonThread from './tutorial/daemon-thread.ts';
import deadlock from './tutorial/deadlock.ts';
import executor from './tutorial/executor.ts';
import join from './tutorial/join.ts';
import lockedUpdate from './tutorial/locked-update.ts';
import manyThreads from './tutorial/many-threads.ts';
import race from './tutorial/race.ts';
import singleThread from './tutorial/single-thread.ts';

const ALL: readonly Program[] = [singleThread, daemonThread, join, manyThreads, executor, race, lockedUpdate, deadlock];

/** Every built-in program, in the order `threadsim list` shows them. */
export function builtins(): readonly Program[] {
  return ALL;
}

/** The built-in program called `name`, or undefined. */
export function builtin(name: string): Program | undefined {
  return ALL.find((p) => p.name === name);
}
