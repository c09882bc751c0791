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
import { createRequire } from 'node:module';
import { inBuiltinFolder } from '../examples/by-folder.js';
import type { Op } from '../scheduler/ops.js';
import { setStepProbe, type StepProbe } from '../scheduler/probe.js';

/** Default limit (seconds) of the CLI: far above any one step of a real program. */
export const DEFAULT_TIMEOUT = 10;

const HEADER = 8;
/** Interned strings: at most this many, in at most TEXT bytes. */
const IDS = 4096;
const TEXT = 64 * 1024;

// The worker's whole body. It polls the shared words: [0] 1 while a thread's code runs,
// [1] a counter bumped each time the engine resumes a thread, [2] the step, [3] the thread's
// index, [4] its name's id, [5] its last op's id, [6] that op's site's id (-1: none). An id
// names an interned string: its offset and length in the table, its UTF-8 bytes in the text.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const words = new Int32Array(workerData.buffer, 0, ${HEADER});
const table = new Int32Array(workerData.buffer, ${HEADER * 4}, ${2 * IDS});
const text = new Uint8Array(workerData.buffer, ${(HEADER + 2 * IDS) * 4}, ${TEXT});
const limit = workerData.seconds * 1000;
const str = (id) => id < 0 ? '' : Buffer.from(text.subarray(table[2 * id], table[2 * id] + table[2 * id + 1])).toString('utf8');
let seen = -1;
let since = Date.now();
setInterval(() => {
  const running = Atomics.load(words, 0) === 1;
  const seq = Atomics.load(words, 1);
  const now = Date.now();
  if (!running || seq !== seen) { seen = seq; since = now; return; }
  if (now - since < limit) return;
  const name = str(Atomics.load(words, 4));
  const op = str(Atomics.load(words, 5));
  const site = str(Atomics.load(words, 6));
  const step = Atomics.load(words, 2);
  const last = op ? 'its last op was ' + op + (site ? ' at ' + site : '') + ' (step ' + (step - 1) + ')' : 'it has not yielded its first op yet';
  writeSync(2, 'threadsim: thread ' + name + ' has run for ' + workerData.seconds + ' s without yielding an op; ' + last +
    ' (TSIM013). A loop in a thread must yield inside it (for example yield* sleep(0)); raise --timeout SECONDS if a step really takes that long, or pass --timeout 0 to turn the watchdog off.\\n');
  process.kill(process.pid, 'SIGALRM');
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 2000);
}, Math.min(250, Math.max(10, limit / 4)));
`;

/**
 * Strings the worker may have to print, each written into shared memory once and named by a
 * number afterwards, so that a step costs a few integer writes and map look-ups rather than
 * encoding text (the probe runs at every step of every execution).
 */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private used = 0;
  private bytes = 0;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly table: Int32Array,
    private readonly text: Uint8Array,
  ) {}

  /** The id of `s`, writing it on first use; -1 once the table is full. */
  id(s: string): number {
    const known = this.ids.get(s);
    if (known !== undefined) return known;
    if (this.used >= IDS || this.bytes >= TEXT) return -1;
    const shown = s.length > 200 ? `${s.slice(0, 200)}…` : s;
    const { written } = this.encoder.encodeInto(shown, this.text.subarray(this.bytes));
    const id = this.used++;
    this.table[2 * id] = this.bytes;
    this.table[2 * id + 1] = written;
    this.bytes += written;
    this.ids.set(s, id);
    return id;
  }
}

function describe(op: Op): string {
  return op.obj === undefined ? op.kind : `${op.kind} ${op.obj}`;
}

/**
 * Start the watchdog with a limit of `seconds` (0: none) and install its probe. Call the
 * returned function to stop it.
 */
export async function startWatchdog(seconds: number): Promise<() => void> {
  if (seconds <= 0) return () => {};
  const buffer = new SharedArrayBuffer((HEADER + 2 * IDS) * 4 + TEXT);
  const words = new Int32Array(buffer, 0, HEADER);
  const strings = new SharedStrings(new Int32Array(buffer, HEADER * 4, 2 * IDS), new Uint8Array(buffer, (HEADER + 2 * IDS) * 4, TEXT));
  // An op's description by kind, then object: found without building a string per step.
  const opIds = new Map<string, Map<string | undefined, number>>();
  const opId = (op: Op): number => {
    let byObj = opIds.get(op.kind);
    if (byObj === undefined) opIds.set(op.kind, (byObj = new Map()));
    let id = byObj.get(op.obj);
    if (id === undefined) byObj.set(op.obj, (id = strings.id(describe(op))));
    return id;
  };
  let seq = 0;
  const probe: StepProbe = {
    enter(step, thread, name, last) {
      words[1] = ++seq;
      words[2] = step;
      words[3] = thread;
      words[4] = strings.id(name);
      words[5] = last === undefined ? -1 : opId(last);
      words[6] = last?.site === undefined ? -1 : strings.id(last.site);
      words[0] = 1;
    },
    leave() {
      words[0] = 0;
    },
  };
  // The worker starts on its own thread while the command goes on: waiting for it to come
  // online would add its start-up (about 0.1 s) to every command. It needs nothing from this
  // thread to start, so it watches a program that spins from its very first step as well.
  // node:worker_threads loads only when a watchdog starts (main.ts imports this module for every command).
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
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

/**
 * The watchdog's limit for `program` when `--timeout` is `seconds`: the default watches
 * program files only. Built-in TypeScript programs yield an op in every loop (they are
 * threadsim's own, and tested), and a watchdog thread costs about a third of a short run's
 * start-up; an explicit `--timeout` is kept for them too.
 */
export function timeoutFor(seconds: number | undefined, program: string): number | undefined {
  return seconds ?? (inBuiltinFolder(program) ? 0 : undefined);
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
