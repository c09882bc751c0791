/** The tutorial programs, in the order of the tutorial. */
import type { Program } from '../../scheduler/program.js';
import barrier from './barrier.js';
import daemonThread from './daemon-thread.js';
import deadlock from './deadlock.js';
import executor from './executor.js';
import join from './join.js';
import lockedUpdate from './locked-update.js';
import manyThreads from './many-threads.js';
import pipelineFinal from './pipeline-final.js';
import pipelineLock from './pipeline-lock.js';
import pipelineQueue from './pipeline-queue.js';
import race from './race.js';
import rlock from './rlock.js';
import semaphore from './semaphore.js';
import singleThread from './single-thread.js';
import timer from './timer.js';

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
  barrier,
];
