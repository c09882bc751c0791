/**
 * `@dataclass` makes program functions of the methods it writes, as CPython's does: the
 * generated `__init__` writes each field as a hand-written one would (one write step per
 * field on the instance, so races on construction-time state are seen), `__repr__` reads them.
 * Output against CPython: test/python/programs/mod_dataclasses.py and mod_typing_future.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/fifo.js';

const SOURCE = `from dataclasses import dataclass, field

@dataclass
class Job:
    name: str
    tries: int = 0
    log: list = field(default_factory=list)

j = Job("build")
print(j)
`;

describe('@dataclass', () => {
  it("writes each field in the generated __init__ as a step on the instance, and its repr reads them", () => {
    const r = execute(pythonProgram(SOURCE, 'dc.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    const accesses = r.trace!.filter((s) => s.kind === 'write' || s.kind === 'read').map((s) => `${s.kind} ${s.obj}`);
    expect(accesses).toEqual(['write Job#1.name', 'write Job#1.tries', 'write Job#1.log', 'read Job#1.name', 'read Job#1.tries', 'read Job#1.log']);
    expect(r.output.map((l) => l.text).join('')).toContain("Job(name='build', tries=0, log=[])");
  });
});
