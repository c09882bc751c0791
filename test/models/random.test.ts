import { describe, expect, it } from 'vitest';
import { MersenneTwister, random } from '../../src/models/random.js';
import { program } from '../../src/scheduler/program.js';
import { runProgram } from '../../src/scheduler/run.js';

// Expected values were printed by CPython 3.11.7 (an independent implementation), e.g.
// `random.seed(0); [random.randint(1, 101) for _ in range(10)]`.
describe('random (MT19937 seeded as CPython seeds it)', () => {
  it('randint after seed(0) gives CPython\'s numbers', () => {
    const g = new MersenneTwister(0);
    expect(Array.from({ length: 10 }, () => 1 + g.randbelow(101))).toEqual([50, 98, 54, 6, 34, 66, 63, 52, 101, 39]);
  });

  it('a seed wider than 32 bits, getrandbits over 32 bits and random()', () => {
    const g = new MersenneTwister(12345678901);
    expect([g.getrandbits(40), g.getrandbits(40), g.getrandbits(40)]).toEqual([656898118805, 954891488787, 388195424302]);
    expect(g.random()).toBe(0.5386389546518631);
  });

  it('shuffle, choice, randrange and uniform follow CPython', () => {
    let out: unknown[] = [];
    const p = program('random-calls', function* main() {
      random.seed(7);
      const l = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      random.shuffle(l);
      out = [l, random.choice([...'abcdef']), random.randrange(5), random.uniform(2, 3)];
    });
    runProgram(p);
    expect(out).toEqual([[8, 3, 1, 4, 7, 0, 9, 6, 2, 5], 'e', 1, 2.0374956584419848]);
  });

  it('the module generator is seeded from programSeed and is per execution', () => {
    const draws: number[][] = [];
    const p = program(
      'random-seeded',
      function* main() {
        draws.push([random.randint(1, 101), random.randint(1, 101)]);
      },
      { programSeed: 0 },
    );
    runProgram(p);
    runProgram(p);
    expect(draws).toEqual([
      [50, 98],
      [50, 98],
    ]);
  });

  it('raises Python\'s errors for empty ranges and sequences', () => {
    const errors: string[] = [];
    const p = program('random-errors', function* main() {
      for (const f of [() => random.randint(3, 2), () => random.choice([]), () => random.randrange(0)]) {
        try {
          f();
        } catch (e) {
          errors.push(`${(e as { pyType: string }).pyType}: ${(e as Error).message}`);
        }
      }
    });
    runProgram(p);
    expect(errors).toEqual(['ValueError: empty range for randrange() (3, 3, 0)', 'IndexError: Cannot choose from an empty sequence', 'ValueError: empty range for randrange()']);
  });
});
