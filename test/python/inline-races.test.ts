/**
 * The race detector checks the reads and writes of code run inside a step (a class's
 * `__eq__` called by a list's `in`), as it checks a step's own: a write of `p.x` in one thread
 * and an unlocked `P(5) in lst` in another, whose `__eq__` reads `p.x`, race; with the lock
 * held around both, they do not.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';

function firstRace(src: string): string | undefined {
  return explore(pythonProgram(src, 'eq.py'), { strategy: 'dpor', detectRaces: true, keepGoing: true }).firstRace?.location;
}

const program = (eq: string, write: string): string => `import threading
lk = threading.Lock()
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o):
${eq}
p = P(1)
lst = [p]
res = []
def a():
${write}
def b():
    res.append(P(5) in lst)
ts = [threading.Thread(target=f) for f in (a, b)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
`;

describe('races on what code run inside a step reads', () => {
  it("a write of p.x races with a list's in whose __eq__ reads p.x", () => {
    // P#1 is p (the first P made); its x is the location both threads touch.
    expect(firstRace(program('        return s.x == o.x', '    p.x = 5'))).toBe('P#1.x');
  });

  it('no race when both hold the lock: the one taken inside the __eq__ orders them', () => {
    expect(firstRace(program('        with lk:\n            return s.x == o.x', '    with lk:\n        p.x = 5'))).toBeUndefined();
  });

  it('no race when the __eq__ reads only what no other thread writes', () => {
    // The same shape with the write moved to another attribute: the detector must not report
    // every inline read as a race.
    expect(firstRace(program('        return s.x == o.x', '    p.y = 5'))).toBeUndefined();
  });
});
