/** The tutorial programs, in the order of the tutorial. */
import type { Program } from '../../scheduler/program.ts';
import daemonThread from './daemon-thread.ts';
import deadlock from './deadlock.ts';
import executor from './executor.ts';
import join from './join.ts';
import lockedUpdate from './locked-update.ts';
import manyThreads from './many-threads.ts';
import pipelineFinal from './pipeline-final.ts';
import pipelineLock from './pipeline-lock.ts';
import pipelineQueue from './pipeline-queue.ts';
import race from './race.ts';
import rlock from './rlock.ts';
import semaphore from './semaphore.ts';
import singleThread from './single-thread.ts';
import timer from './timer.ts';

export const tutorial: readonly Program[] = [
  singleThread,
  daemonThread,
  join,
  manyThreads,
  executor,
  race,
  lockedUpdate,
  deadlock,
  rlock,
  pipelineLock,
  pipelineQueue,
  pipelineFinal,
  semaphore,
  timer,
];
