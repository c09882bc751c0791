/**
 * Generators run lazily, step by step, in the thread that resumes them: a consumer that stops
 * early leaves the rest of the body unrun (its shared reads are never taken), and under the
 * `cpython` rule each resume is a check point (RESUME in CPython 3.11), so another thread can
 * run between two items even when the generator's body has no loop. CPython's outputs of the
 * generator programs: test/python/programs/generators.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/fifo.js';

describe('generators', () => {
  it('take the shared reads of the items consumed, and no more', () => {
    const source = `
class Box:
    def __init__(self, v):
        self.v = v

boxes = [Box(0), Box(1), Box(2), Box(3)]
print(any(b.v > 0 for b in boxes))
`;
    const r = execute(pythonProgram(source, 'early.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    const reads = r.trace!.filter((s) => s.kind === 'read' && String(s.obj).endsWith('.v')).map((s) => s.obj);
    // any() stops at Box#2 (the first v > 0): Box#3 and Box#4 are never read.
    expect(reads).toEqual(['Box#1.v', 'Box#2.v']);
    expect(r.output.map((l) => l.text).join('')).toContain('True');
  });

  const RESUME = `
import threading

class Box:
    def __init__(self):
        self.v = 0

box = Box()

def two():
    yield box.v
    yield box.v

def reader():
    print(list(two()))

def writer():
    box.v = 1

ts = [threading.Thread(target=reader), threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`;

  it('are resumed at a check point, so a write can come between two items', () => {
    const s = explore(pythonProgram(RESUME, 'resume.py'), { strategy: 'dpor', histogram: true, keepGoing: true });
    expect(s.histogram!.outputs.map(([o]) => o).sort()).toEqual(['[0, 0]', '[0, 1]', '[1, 1]']);
  });
});
