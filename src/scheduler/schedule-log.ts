/**
 * The schedule of a running execution: the index of the thread that ran each step.
 *
 * Appended once per step, so it sits on the hot path, and most executions (the seeds of an
 * exploration that pass) never have their schedule read. A plain `number[]` grown by `push`
 * re-allocates and copies its backing store again and again on the way to hundreds of
 * thousands of steps, and every fresh allocation pays for its memory (page faults): on
 * bench/engine.ts that growth took about 40% of the engine's time. Here entries go into
 * typed-array chunks that are filled and kept, never copied, one byte per step while thread
 * indices fit (below 256) and four bytes from the first chunk that needs more; the `number[]`
 * that results show is built only when asked for.
 *
 * Invariant: the entries of `full` (in order), then `current[0, used)`, are the steps logged
 * so far, in order; `current` can hold any index up to `max`.
 */
/** Length of the first chunk. */
const FIRST_CHUNK = 64;

export class ScheduleLog {
  private readonly full: (Uint8Array | Int32Array)[] = [];
  // Small at first: most explored executions take a few dozen steps, and a 1 KiB chunk per
  // execution was a measurable share of a short run's cost (allocation and garbage).
  private current: Uint8Array | Int32Array = new Uint8Array(FIRST_CHUNK);
  private used = 0;
  private max = 0xff;
  /** Steps logged so far. */
  length = 0;

  /** Log one step run by thread `thread` (an index of the thread table). */
  push(thread: number): void {
    if (this.used === this.current.length || thread > this.max) this.nextChunk(thread);
    this.current[this.used++] = thread;
    this.length++;
  }

  /** Forget every step, keeping the first chunk when it is the small byte one (reused by the next execution). */
  clear(): void {
    if (this.full.length > 0 || this.max !== 0xff || this.current.length !== FIRST_CHUNK) {
      if (this.full.length > 0) this.full.length = 0;
      this.current = new Uint8Array(FIRST_CHUNK);
      this.max = 0xff;
    }
    this.used = 0;
    this.length = 0;
  }

  /** The schedule as a plain array (a fresh one on every call). */
  toArray(): number[] {
    // Sized once, so that filling it never grows it.
    const out = new Array<number>(this.length);
    let i = 0;
    for (const chunk of this.full) for (let j = 0; j < chunk.length; j++) out[i++] = chunk[j]!;
    for (let j = 0; j < this.used; j++) out[i++] = this.current[j]!;
    return out;
  }

  /** Close the current chunk and open the next: twice as long (up to a cap), wider if `thread` needs it. */
  private nextChunk(thread: number): void {
    this.full.push(this.current.subarray(0, this.used));
    const size = Math.min(this.current.length * 2, 1 << 16);
    if (thread > this.max) this.max = 0x7fff_ffff;
    this.current = this.max === 0xff ? new Uint8Array(size) : new Int32Array(size);
    this.used = 0;
  }
}
