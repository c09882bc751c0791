/** The zoo of classic concurrency bugs: each buggy program followed by its fixed twin. */
import type { Program } from '../../scheduler/program.js';
import barrierTimeoutFixed from './barrier-timeout-fixed.js';
import barrierTimeout from './barrier-timeout.js';
import boundedBufferFixed from './bounded-buffer-notify-fixed.js';
import boundedBuffer from './bounded-buffer-notify.js';
import checkThenActFixed from './check-then-act-fixed.js';
import checkThenAct from './check-then-act.js';
import daemonLostWriteFixed from './daemon-lost-write-fixed.js';
import daemonLostWrite from './daemon-lost-write.js';
import diningFixed from './dining-philosophers-fixed.js';
import dining from './dining-philosophers.js';
import swallowedFixed from './executor-swallowed-exception-fixed.js';
import swallowed from './executor-swallowed-exception.js';
import lockOrderFixed from './lock-order-inversion-fixed.js';
import lockOrder from './lock-order-inversion.js';
import lostNotifyFixed from './lost-notify-fixed.js';
import lostNotify from './lost-notify.js';

export const zoo: readonly Program[] = [
  boundedBuffer,
  boundedBufferFixed,
  checkThenAct,
  checkThenActFixed,
  lockOrder,
  lockOrderFixed,
  dining,
  diningFixed,
  lostNotify,
  lostNotifyFixed,
  barrierTimeout,
  barrierTimeoutFixed,
  swallowed,
  swallowedFixed,
  daemonLostWrite,
  daemonLostWriteFixed,
];
