/**
 * A `.py` program's recorded run is byte-identical from run to run (so `replay` reproduces
 * it), and its steps show Python values as Python prints them, never as JavaScript structures.
 */
import { describe, expect, it } from 'vitest';
import { builtinPython } from '../../src/python/builtins-programs.js';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { RandomPolicy } from '../../src/scheduler/policies/random.js';

const SOURCE = `
import threading

class Job:
    pass

jobs = [Job(), Job()]
names = {"a": 1}

def work():
    for job in jobs:
        names[str(len(names))] = job

threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
`;

describe('recorded runs of .py programs', () => {
  for (const [name, program] of [['py/pipeline-lock', builtinPython('py/pipeline-lock')!], ['a list of objects', pythonProgram(SOURCE, 'jobs.py')]] as const) {
    it(`${name}: two recordings of the same schedule are identical and print Python values`, () => {
      const a = execute(program, { policy: new RandomPolicy(), seed: 3, record: true });
      const b = execute(program, { policy: new RandomPolicy(), seed: 3, record: true });
      const text = JSON.stringify(a.trace);
      expect(JSON.stringify(b.trace)).toBe(text);
      for (const s of a.trace!) {
        for (const v of [s.value, s.result]) if (typeof v === 'object' && v !== null) throw new Error(`step ${s.step}: ${JSON.stringify(v).slice(0, 100)}`);
      }
    });
  }

  it('names the objects of a list read by their Python repr', () => {
    const r = execute(pythonProgram(SOURCE, 'jobs.py'), { policy: new RandomPolicy(), seed: 3, record: true });
    const read = r.trace!.find((s) => s.kind === 'read' && s.obj === 'list#1' && s.thread > 0)!;
    expect(String(read.result)).toMatch(/^\[<__main__\.Job object at 0x7f[0-9a-f]+>, <__main__\.Job object at 0x7f[0-9a-f]+>\]$/);
  });
});
