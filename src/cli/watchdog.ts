/**
 * The watchdog of `--timeout`: stops a command whose program has a thread that runs its own
 * code for longer than the limit without yielding an op (`while (true) {}` with no `yield*`
 * inside). Such a thread never hands control back to the engine, so the run cannot notice it
 * itself: no step is taken, so no step bound can fire, and the JavaScript thread running it
 * never gets to a timer. The watchdog therefore runs in a worker thread with its own clock. The
 * engine only writes, through a probe (scheduler/probe.ts), which thread it resumed and that
 * thread's last op into memory shared with the worker; it never reads the watchdog, so runs
 * stay deterministic. When the limit passes, the worker prints one line naming the thread, its
 * last op and that op's code site, and ends the process with SIGALRM (exit status 142 in a
 * shell), as the main thread cannot be interrupted from JavaScript.
 */
import { Worker } from 'node:worker_threads';
import type { Op } from '../scheduler/ops.js';
import { setStepProbe, type StepProbe } from '../scheduler/probe.js';

/** Default limit (seconds) of the CLI: far above any one step of a real program. */
export const DEFAULT_TIMEOUT = 10;

const HEADER = 8;
const TEXT = 2048;

// The worker's whole body. It polls the shared words: [0] 1 while a thread's code runs,
// [1] a counter bumped each time the engine resumes a thread, [2] the step, [3] the thread's
// index, [4] the length of the UTF-8 text that follows (name NUL op NUL site).
const WORKER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const words = new Int32Array(workerData.buffer, 0, ${HEADER});
const text = new Uint8Array(workerData.buffer, ${HEADER * 4}, ${TEXT});
const limit = workerData.seconds * 1000;
let seen = -1;
let since = Date.now();
setInterval(() => {
  const running = Atomics.load(words, 0) === 1;
  const seq = Atomics.load(words, 1);
  const now = Date.now();
  if (!running || seq !== seen) { seen = seq; since = now; return; }
  if (now - since < limit) return;
  const [name, op, site] = Buffer.from(text.subarray(0, Atomics.load(words, 4))).toString('utf8').split('\\u0000');
  const step = Atomics.load(words, 2);
  const last = op ? 'its last op was ' + op + (site ? ' at ' + site : '') + ' (step ' + (step - 1) + ')' : 'it has not yielded its first op yet';
  writeSync(2, 'threadsim: thread ' + name + ' has run for ' + workerData.seconds + ' s without yielding an op; ' + last +
    ' (TSIM013). A loop in a thread must yield inside it (for example yield* sleep(0)); raise --timeout SECONDS if a step really takes that long, or pass --timeout 0 to turn the watchdog off.\\n');
  process.kill(process.pid, 'SIGALRM');
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 2000);
}, Math.min(250, Math.max(10, limit / 4)));
`;

function describe(op: Op): string {
  return op.obj === undefined ? op.kind : `${op.kind} ${op.obj}`;
}

/**
 * Start the watchdog with a limit of `seconds` (0: none) and install its probe. Call the
 * returned function to stop it.
 */
export async function startWatchdog(seconds: number): Promise<() => void> {
  if (seconds <= 0) return () => {};
  const buffer = new SharedArrayBuffer(HEADER * 4 + TEXT);
  const words = new Int32Array(buffer, 0, HEADER);
  const text = new Uint8Array(buffer, HEADER * 4, TEXT);
  const encoder = new TextEncoder();
  let seq = 0;
  const probe: StepProbe = {
    enter(step, thread, name, last) {
      words[1] = ++seq;
      words[2] = step;
      words[3] = thread;
      const body = last === undefined ? name : `${name}\u0000${describe(last)}\u0000${last.site ?? ''}`;
      words[4] = encoder.encodeInto(body.length > 600 ? body.slice(0, 600) : body, text).written;
      words[0] = 1;
    },
    leave() {
      words[0] = 0;
    },
  };
  // The worker starts on its own thread while the command goes on: waiting for it to come
  // online would add its start-up (about 0.1 s) to every command. It needs nothing from this
  // thread to start, so it watches a program that spins from its very first step as well.
  const worker = new Worker(WORKER, { eval: true, workerData: { buffer, seconds } });
  worker.on('error', () => {});
  // The worker must not keep the process alive once the command is done.
  worker.unref();
  const before = setStepProbe(probe);
  return () => {
    setStepProbe(before);
    void worker.terminate();
  };
}

/** Run `command` under a watchdog of `seconds` (undefined: the default, 0: none). */
export async function watched<T>(seconds: number | undefined, command: () => Promise<T>): Promise<T> {
  const stop = await startWatchdog(seconds ?? DEFAULT_TIMEOUT);
  try {
    return await command();
  } finally {
    stop();
  }
}
