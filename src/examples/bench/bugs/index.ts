/** The bug-finding suite (see pair.ts): buggy programs with their fixed twins. */
import type { Program } from '../../../scheduler/program.js';
import { account } from './account.js';
import { lockRing } from './deadlock.js';
import { lazyInit } from './lazy-init.js';
import { lostNotify } from './lost-notify.js';
import type { BugPair } from './pair.js';
import { publish } from './publish.js';
import { queue } from './queue.js';
import { reorder } from './reorder.js';
import { stack } from './stack.js';
import { tokenRing } from './token-ring.js';
import { twoStage } from './two-stage.js';
import { withdraw } from './withdraw.js';
import { wrongLock } from './wrong-lock.js';

/** Every bug shape of the suite, in the order bench/strategies.ts reports them. */
export const BUG_SUITE: readonly BugPair[] = [
  reorder(2),
  reorder(5),
  twoStage(1, 1),
  twoStage(2, 3),
  account(3),
  account(8),
  wrongLock(3),
  stack(3),
  queue(3),
  tokenRing(4),
  lazyInit(3),
  lockRing(2, 2),
  lockRing(3, 3),
  lostNotify(2),
  publish(3, 2),
  withdraw(3),
];

/** The suite's programs, each buggy one followed by its fixed twin. */
export const bugPrograms: readonly Program[] = BUG_SUITE.flatMap((p) => [p.buggy, p.fixed]);
