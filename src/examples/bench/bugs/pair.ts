/**
 * The bug-finding suite: small programs of classic concurrency-bug shapes, each with a fixed
 * twin that no schedule can fail. bench/strategies.ts measures how many executions each
 * exploration strategy needs to find each bug; the twins check that no strategy reports a
 * failure that is not there.
 */
import type { Steps } from '../../../scheduler/ops.js';
import { program, type Claim, type Program } from '../../../scheduler/program.js';

/** One bug shape: its buggy program and its fixed twin. */
export interface BugPair {
  readonly buggy: Program;
  readonly fixed: Program;
}

/**
 * `bench/bug-NAME` and `bench/bug-NAME-fixed` from one body that takes `fixed`.
 * `descriptions` are the buggy and the fixed program's one-line descriptions.
 */
export function bugPair(name: string, descriptions: readonly [string, string], body: (fixed: boolean) => () => Steps<unknown>, claims: Readonly<Record<string, Claim>> = {}): BugPair {
  const make = (fixed: boolean): Program => program(`bench/bug-${name}${fixed ? '-fixed' : ''}`, body(fixed), { description: descriptions[fixed ? 1 : 0], claims });
  return { buggy: make(false), fixed: make(true) };
}

/** A claim that a `check.bad` counter stayed 0: checker threads count what they saw go wrong. */
export const NOTHING_BAD: Readonly<Record<string, Claim>> = {
  'checkers saw a consistent state': (s) => s.check?.bad === 0 || `check.bad is ${String(s.check?.bad)}: a checker saw an inconsistent state`,
};
