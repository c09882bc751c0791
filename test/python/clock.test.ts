/**
 * Issue 12's clock and switching fidelity in a `.py` program: `time.time()`, `time.monotonic()`
 * and `time.perf_counter()` read the virtual clock (a sleep moves them by exactly its length),
 * and `sys.setswitchinterval(x)` sets the gil policy's interval from that point of the run.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { GilPolicy } from '../../src/scheduler/policies/gil.js';

function run(source: string) {
  return execute(pythonProgram(source, 'clock.py'), { policy: new GilPolicy(), seed: 0 });
}

/** The printed lines (a print is its text, then the write that ends the line). */
function printed(source: string): string[] {
  return run(source)
    .output.map((o) => o.text)
    .filter((t) => t !== '');
}

/** How often the run hands the CPU from one thread to another. */
function switches(schedule: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < schedule.length; i++) if (schedule[i] !== schedule[i - 1]) n++;
  return n;
}

describe('time in a .py program', () => {
  it('reads the virtual clock: a sleep moves every clock by its length (plus a microsecond per step)', () => {
    const lines = printed(
      'import time\nt0, m0, p0 = time.time(), time.monotonic(), time.perf_counter()\ntime.sleep(0.25)\nprint(round(time.time() - t0, 3), round(time.monotonic() - m0, 3), round(time.perf_counter() - p0, 3))\nprint(time.monotonic() - m0 < 0.2501, type(t0).__name__, t0 > 1.7e9)\n',
    );
    expect(lines).toEqual(['0.25 0.25 0.25', 'True float True']);
  });

  it('is the same in every run (a fixed epoch, not the machine clock)', () => {
    const src = 'import time\nprint(time.time(), time.monotonic())\n';
    expect(printed(src)).toEqual(printed(src));
  });
});

describe('sys.setswitchinterval in a .py program', () => {
  const body = (setup: string) =>
    `import sys\nimport threading\n${setup}\nclass Box:\n    def __init__(self):\n        self.n = 0\nbox = Box()\ndef work():\n    for _ in range(300):\n        box.n = box.n + 1\nts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint(sys.getswitchinterval())\n`;

  it('sets the interval getswitchinterval reports', () => {
    expect(printed(body(''))).toEqual(['0.005']);
    expect(printed(body('sys.setswitchinterval(1e-05)'))).toEqual(['1e-05']);
  });

  it("sets the gil policy's interval: a shorter one hands the CPU over more often", () => {
    const usual = switches(run(body('')).schedule);
    const short = switches(run(body('sys.setswitchinterval(1e-05)')).schedule);
    expect(usual).toBeLessThan(10);
    expect(short).toBeGreaterThan(100);
  });

  it('switches while a loop of glued read/write pairs runs, and never inside a pair (CPython 3.11 loses no update)', () => {
    // box.n = box.n + 1 has no check point between its read and its write: under the default
    // rule the write is glued to the read, so however short the interval no update is lost.
    const r = run(body('sys.setswitchinterval(1e-06)').replace('print(sys.getswitchinterval())', 'print(box.n)'));
    expect(switches(r.schedule)).toBeGreaterThan(500);
    expect(r.output.map((o) => o.text).filter((t) => t !== '')).toEqual(['600']);
  });

  it('rejects an interval CPython rejects', () => {
    expect(printed('import sys\ntry:\n    sys.setswitchinterval(0)\nexcept ValueError as e:\n    print(e)\n')).toEqual(['switch interval must be strictly positive']);
  });
});
