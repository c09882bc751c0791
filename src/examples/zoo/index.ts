/** The zoo of classic concurrency bugs: each buggy program followed by its fixed twin. */
import type { Program } from '../../scheduler/program.ts';
import barrierTimeoutFixed from './barrier-timeout-fixed.ts';
import barrierTimeout from './barrier-timeout.ts';
import boundedBufferFixed from './bounded-buffer-notify-fixed.ts';
import boundedBuffer from './bounded-buffer-notify.ts';
import checkThenActFixed from './check-then-act-fixed.ts';
import checkThenAct from './check-then-act.ts';
import daemonLostWriteFixed from './daemon-lost-write-fixed.ts';
import daemonLostWrite from './daemon-lost-write.ts';
import diningFixed from './dining-philosophers-fixed.ts';
import dining from './dining-philosophers.ts';
import swallowedFixed from './executor-swallowed-exception-fixed.ts';
import swallowed from './executor-swallowed-exception.ts';
import lockOrderFixed from './lock-order-inversion-fixed.ts';
import lockOrder from './lock-order-inversion.ts';
import lostNotifyFixed from './lost-notify-fixed.ts';
import lostNotify from './lost-notify.ts';

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
