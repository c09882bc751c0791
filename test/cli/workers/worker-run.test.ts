import { describe, expect, it } from 'vitest';
import { WorkerRun } from '../../../src/cli/workers/worker-run.js';

/** A pool with no workers: `settle` ends the search after `rounds` calls, or fails it. */
class FakeRun extends WorkerRun {
  settles = 0;
  terminations = 0;
  constructor(
    private readonly rounds: number,
    private readonly failWith?: Error,
  ) {
    super(() => 0);
  }
  protected settle(): void {
    this.settles++;
    if (this.failWith !== undefined) this.fail(this.failWith);
    else if (this.settles >= this.rounds) {
      this.finished = true;
      this.wake?.();
    }
  }
  protected terminate(): Promise<unknown> {
    this.terminations++;
    return Promise.resolve();
  }
}

describe('WorkerRun.run', () => {
  it('returns false when the budget ends first, true once the search is over, and ends the workers once', async () => {
    const r = new FakeRun(2);
    expect(await r.run(5)).toBe(false);
    expect(r.terminations).toBe(0);
    expect(await r.run(5)).toBe(true);
    expect(r.terminations).toBe(1);
    expect(await r.run(5)).toBe(true);
    expect(r.terminations).toBe(1);
  });

  it("rejects with a worker's error and ends the workers", async () => {
    const r = new FakeRun(10, new Error('worker broke'));
    await expect(r.run(1000)).rejects.toThrow('worker broke');
    expect(r.terminations).toBe(1);
  });
});
