/**
 * Done-callbacks and initializers of `.py` programs where CPython's output cannot be compared
 * line for line (its tracebacks name its own files); the rest is in programs/stdlib-extras.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../../src/python/program.js';
import { execute } from '../../../src/scheduler/execution.js';
import { GilPolicy } from '../../../src/scheduler/policies/gil.js';
import { renderOutput } from '../../../src/trace/text.js';
import { Exploration } from '../../../src/scheduler/explore/explore.js';

function run(source: string): string[] {
  const r = execute(pythonProgram(source, 'cb.py'), { policy: new GilPolicy(), seed: 0 });
  return renderOutput(r.output, { timestamps: false });
}

const header = 'import threading\nfrom concurrent.futures import ThreadPoolExecutor\n';

describe('done-callbacks', () => {
  it('log an exception as CPython does and go on, whether added before or after completion', () => {
    const out = run(`${header}
gate = threading.Event()
def slow():
    gate.wait()
    return 1
def broken(fut):
    raise ValueError("bad " + str(fut.result()))
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(slow)
    f.add_done_callback(broken)
    gate.set()
f.add_done_callback(broken)
print("done")
`);
    const report = ['exception calling callback for <Future at Future#1 state=finished returned int>', 'Traceback (most recent call last):', 'ValueError: bad 1'];
    expect(out).toEqual([...report, ...report, 'done']);
  });

  it('run as steps of the completing thread: one may wait for a lock, as in CPython', () => {
    const out = run(`${header}
results = []
lock = threading.Lock()
gate = threading.Event()
def slow():
    gate.wait()
    return 7
def keep(fut):
    with lock:
        results.append(fut.result())
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(slow)
    f.add_done_callback(keep)
    lock.acquire()
    gate.set()
    f.result()
    lock.release()
print(results)
`);
    expect(out).toEqual(['[7]']);
  });

  it('race with each other: explore finds the lost update of two callbacks updating a global', () => {
    const program = pythonProgram(`${header}
total = 0
def add(fut):
    global total
    total = total + fut.result()
with ThreadPoolExecutor(2) as ex:
    for i in range(2):
        ex.submit(abs, 1).add_done_callback(add)
assert total == 2
`, 'cb.py');
    const e = new Exploration(program, { strategy: 'dpor' });
    e.run();
    const found = e.summary().failures.map((f) => f.signature);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^claim:assert total == 2 \(cb\.py:\d+\)$/);
  });
});

describe('ThreadPoolExecutor initializer', () => {
  it('breaks the pool when it raises: queued calls fail with BrokenThreadPool, and so does submit', () => {
    const out = run(`${header}
def init():
    raise OSError("no database")
ex = ThreadPoolExecutor(1, initializer=init)
f = ex.submit(abs, -1)
try:
    f.result()
except Exception as e:
    print(type(e).__name__, e)
try:
    ex.submit(abs, -2)
except Exception as e:
    print("submit:", type(e).__name__, e)
`);
    expect(out).toEqual([
      'Exception in initializer:',
      'Traceback (most recent call last):',
      'OSError: no database',
      'BrokenThreadPool A thread initializer failed, the thread pool is not usable anymore',
      'submit: BrokenThreadPool A thread initializer failed, the thread pool is not usable anymore',
    ]);
  });
});
