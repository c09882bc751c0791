/**
 * `threading.excepthook` assigned by a program (CPython's way to set it), and handed back to
 * `threading.__excepthook__`. CPython's own output is compared in programs/threading-extras.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../../src/python/program.js';
import { execute } from '../../../src/scheduler/execution.js';
import { GilPolicy } from '../../../src/scheduler/policies/gil.js';
import { renderOutput } from '../../../src/trace/text.js';

function run(source: string): { out: string[]; failures: string[] } {
  const r = execute(pythonProgram(source, 'hook.py'), { policy: new GilPolicy(), seed: 0 });
  return { out: renderOutput(r.output, { timestamps: false }), failures: r.failures.map((f) => f.message) };
}

describe('threading.excepthook', () => {
  it('is called with ExceptHookArgs in the dying thread, and the exception counts as handled', () => {
    const r = run(`import threading
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.exc_traceback, args.thread.name, threading.current_thread().name))
threading.excepthook = hook
t = threading.Thread(target=lambda: int("x"), name="parser")
t.start()
t.join()
print(seen)
`);
    expect(r.out).toEqual([`[('ValueError', "invalid literal for int() with base 10: 'x'", None, 'parser', 'parser')]`]);
    expect(r.failures).toEqual([]);
  });

  it('hands an exception back to the default report through threading.__excepthook__', () => {
    const r = run(`import threading
def hook(args):
    print("custom first")
    threading.__excepthook__(args)
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="w")
t.start()
t.join()
threading.excepthook = threading.__excepthook__
t2 = threading.Thread(target=lambda: 1 / 0, name="w2")
t2.start()
t2.join()
`);
    expect(r.out.slice(0, 4)).toEqual(['custom first', 'Exception in thread w:', 'Traceback (most recent call last):', 'ZeroDivisionError: division by zero']);
    // Restored: the engine's own report, with the frame, and a recorded failure.
    expect(r.out.slice(4, 6)).toEqual(['Exception in thread w2:', 'Traceback (most recent call last):']);
    expect(r.failures).toEqual(['uncaught ZeroDivisionError in w2: division by zero']);
  });
});
