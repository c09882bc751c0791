/**
 * A program class's `__hash__` and `__eq__` decide dict keys and set items, as in CPython; a
 * dict or set runs them inside its own step, so what they may do there is limited (see
 * Interp.runInline). CPython's outputs of the full programs: test/python/programs/class-*.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/fifo.js';
import { renderOutput } from '../../src/trace/text.js';

function run(source: string): { out: string[]; steps: { kind: string; obj: string | undefined }[] } {
  const r = execute(pythonProgram(source, 'k.py'), { policy: new FifoPolicy(), seed: 0, record: true });
  return { out: renderOutput(r.output, { timestamps: false }), steps: r.trace!.map((s) => ({ kind: s.kind, obj: s.obj })) };
}

const POINT = `
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
    def __hash__(self):
        return self.x
`;

describe('dict keys and set items of a program class', () => {
  it('are found by __hash__ and __eq__, keeping the first key stored', () => {
    const { out } = run(`${POINT}
a = P(1)
d = {a: "first"}
d[P(1)] = "second"
print(len(d), d[P(1)], list(d)[0] is a, P(1) in d, P(2) in d, d.get(P(1)))
s = {P(1), P(1), P(2)}
print(len(s), P(2) in s)
`);
    expect(out).toEqual(['1 second True True False second', '2 True']);
  });

  it("iterate a set in the order of the hashes __hash__ gives (CPython's table)", () => {
    // Hashes 5, 3, 12, 1 in a table of 8: slots 5, 3, 4 (12 & 7), 1, so CPython prints 1 3 12 5.
    const { out } = run(`${POINT}
print([p.x for p in {P(5), P(3), P(12), P(1)}])
`);
    expect(out).toEqual(['[1, 3, 12, 5]']);
  });

  it('take a __hash__ that returns hash() of a tuple with its exact 64-bit value', () => {
    const { out } = run(`
class Q:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
print([(q.x, q.y) for q in {Q(i, j) for i in range(3) for j in range(3)}] == [t for t in {(i, j) for i in range(3) for j in range(3)}])
`);
    expect(out).toEqual(['True']);
  });

  it('are unhashable when the class defines __eq__ without __hash__', () => {
    const { out } = run(`
class E:
    def __eq__(self, o):
        return True
try:
    {E(): 1}
except TypeError as e:
    print(e)
print(E.__hash__)
`);
    expect(out).toEqual(["unhashable type: 'E'", 'None']);
  });

  it("run __eq__ inside the dict's step: its reads of attributes are not steps of their own", () => {
    const { steps } = run(`${POINT}
d = {P(1): 1}
d[P(1)] = 2
`);
    // Each P(1) sets x (a write); building the literal takes no step (no other thread can see
    // the new dict), so the item store is the dict's only step: __eq__'s reads of x run inside it.
    expect(steps.filter((s) => s.kind === 'read' || s.kind === 'write').map((s) => `${s.kind} ${s.obj}`)).toEqual(['write P#1.x', 'write P#2.x', 'write dict#1']);
  });

  it('raise a RuntimeError that says so when __eq__ would wait inside the dict\'s step', () => {
    const { out } = run(`
import threading
lock = threading.Lock()
class L:
    def __eq__(self, o):
        with lock:
            return True
    def __hash__(self):
        return 1
d = {L(): 1}
print(d[L()])
with lock:
    try:
        d[L()] = 2
    except RuntimeError as e:
        print(e)
`);
    // A free lock is taken and given back inside the step; a held one would make it wait.
    expect(out[0]).toBe('1');
    expect(out[1]).toMatch(/^threadsim runs a class's __eq__ inside the step that calls it \(.*\), where it cannot wait \(acquire .*\); move the waiting out of it$/);
    expect(out).toHaveLength(2);
  });
});

describe('operators of a program class', () => {
  it('fall back to the reflected dunder when the left operand returns NotImplemented', () => {
    const { out } = run(`
class V:
    def __init__(self, x):
        self.x = x
    def __mul__(self, k):
        if not isinstance(k, int):
            return NotImplemented
        return V(self.x * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return NotImplemented
    def __neg__(self):
        return V(-self.x)
print((3 * V(2)).x, (V(2) * 3).x, (-V(2)).x, V(1) == V(1), V(1) != V(1))
try:
    V(1) * V(2)
except TypeError as e:
    print(e)
`);
    expect(out).toEqual(['6 6 -2 False True', "unsupported operand type(s) for *: 'V' and 'V'"]);
  });
});

describe('a dataclass in a log message', () => {
  it('is shown by its generated __repr__ (%s, %r and as the message), as CPython logs it', () => {
    const { out } = run(`
import logging
from dataclasses import dataclass
logging.basicConfig(format="%(message)s", level=logging.INFO)
@dataclass
class Job:
    id: int
    name: str
logging.info("start %s", Job(1, "a"))
logging.info("done %r", Job(1, "a"))
logging.info(Job(1, "a"))
`);
    expect(out).toEqual(["start Job(id=1, name='a')", "done Job(id=1, name='a')", "Job(id=1, name='a')"]);
  });
});
