/** The benchmark programs with known answers (see docs/exploration.md). */
import type { Program } from '../../scheduler/program.js';
import { lockedCounter, racyCounter } from './counter.js';
import { independent } from './independent.js';
import { lastzero } from './lastzero.js';
import { lockFs } from './lock-fs.js';
import { readers } from './readers.js';
import { bugPrograms } from './bugs/index.js';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const bench: readonly Program[] = [
  ...range(1, 10).map(lastzero),
  ...range(1, 8).map(readers),
  ...range(1, 8).map(lockedCounter),
  ...range(2, 6).map(racyCounter),
  ...range(1, 6).map(lockFs),
  ...[
    [2, 2],
    [2, 3],
    [3, 2],
    [3, 3],
    [2, 5],
    [4, 2],
  ].map(([n, k]) => independent(n!, k!)),
  ...bugPrograms,
];

export { lastzero, readers, lockedCounter, racyCounter, independent, lockFs };
