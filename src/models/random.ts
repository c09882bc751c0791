/**
 * Model of Python's `random` module (the module-level functions).
 *
 * Mirrors: the Mersenne Twister MT19937 generator (M. Matsumoto and T. Nishimura, "Mersenne
 * Twister: a 623-dimensionally equidistributed uniform pseudo-random number generator",
 * ACM TOMACS 8(1), 1998), seeded from an integer the way CPython seeds it (the integer's
 * 32-bit words, least significant first, through the generator's array initialisation), and
 * CPython's derivations: `getrandbits(k)` keeps the high bits of a 32-bit output,
 * `randrange`/`randint`/`choice`/`shuffle` draw by rejection with `getrandbits(n.bit_length())`,
 * `random()` builds a 53-bit float from two outputs. So `random.seed(0)` followed by the same
 * calls gives the numbers CPython 3.11 gives.
 * The generator is one per execution, seeded from the program's `programSeed` setting (default
 * 0) unless the program calls `random.seed(n)`; calls are plain calls, not steps (the
 * generator is module state, as in CPython), so which thread draws which number follows the
 * schedule. Does not mirror: seeding from strings, bytes or the OS, `getstate`/`setstate`,
 * distributions other than the ones listed, integers beyond 2^53.
 */
import { runtime } from '../scheduler/context.js';
import { pyError, PythonTypeError, ValueError } from './exceptions.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** One MT19937 generator. Invariant: `mt` holds 624 unsigned 32-bit words, `index` in 0..624. */
export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** A generator seeded as CPython's `random.seed(seed)` seeds it (the sign is ignored). */
  constructor(seed: number) {
    this.seed(seed);
  }

  /** Re-seed: `random.seed(n)` for an integer n. */
  seed(seed: number): void {
    if (!Number.isSafeInteger(seed)) throw new PythonTypeError('the seed must be an integer');
    let n = Math.abs(seed);
    const key: number[] = [];
    do {
      key.push(n % 0x100000000);
      n = Math.floor(n / 0x100000000);
    } while (n > 0);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32-bit output. */
  nextUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      for (let kk = 0; kk < N; kk++) {
        const y = (mt[kk]! & UPPER) | (mt[(kk + 1) % N]! & LOWER);
        mt[kk] = mt[(kk + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random.getrandbits(k)` for 0 <= k <= 53. */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0) throw new ValueError('number of bits must be non-negative');
    if (k > 53) throw new ValueError('threadsim models getrandbits(k) for k <= 53 only');
    if (k === 0) return 0;
    if (k <= 32) return this.nextUint32() >>> (32 - k);
    const low = this.nextUint32();
    const high = this.nextUint32() >>> (64 - k);
    return high * 0x100000000 + low;
  }

  /** A uniform integer in [0, n), n >= 1, by rejection as CPython's `_randbelow`. */
  randbelow(n: number): number {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** `random.random()`: a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

function bitLength(n: number): number {
  let k = 0;
  while (n >= 1) {
    n = Math.floor(n / 2);
    k++;
  }
  return k;
}

function integer(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x)) throw new PythonTypeError(`'${typeof x === 'number' ? 'float' : typeof x}' object cannot be interpreted as an integer (${what})`);
  return x;
}

function generator(): MersenneTwister {
  const rt = runtime('random');
  return rt.singleton('random', () => new MersenneTwister(rt.settings.programSeed));
}

/** `random.randrange(start, stop)` (step 1), or `randrange(stop)` with one argument. */
function randrange(start: number, stop?: number): number {
  const lo = stop === undefined ? 0 : integer(start, 'start');
  const hi = stop === undefined ? integer(start, 'stop') : integer(stop, 'stop');
  if (hi <= lo) throw new ValueError(stop === undefined ? 'empty range for randrange()' : `empty range for randrange() (${lo}, ${hi}, ${hi - lo})`);
  return lo + generator().randbelow(hi - lo);
}

/**
 * Python's `random` module: one generator per execution, seeded from the program's
 * `programSeed` (default 0), shared by every thread as CPython's module state is.
 */
export const random = {
  /** `random.seed(n)`: re-seed the execution's generator. */
  seed(n: number): void {
    generator().seed(n);
  },
  /** `random.random()`: a float in [0, 1). */
  random(): number {
    return generator().random();
  },
  /** `random.getrandbits(k)`, k <= 53. */
  getrandbits(k: number): number {
    return generator().getrandbits(k);
  },
  randrange,
  /** `random.randint(a, b)`: an integer in [a, b], both ends included. */
  randint(a: number, b: number): number {
    return randrange(integer(a, 'a'), integer(b, 'b') + 1);
  },
  /** `random.uniform(a, b)`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * generator().random();
  },
  /** `random.choice(seq)`: raises `IndexError` on an empty sequence. */
  choice<T>(seq: readonly T[]): T {
    if (seq.length === 0) throw pyError('IndexError', 'Cannot choose from an empty sequence');
    return seq[generator().randbelow(seq.length)]!;
  },
  /** `random.shuffle(list)` in place. */
  shuffle<T>(list: T[]): void {
    const g = generator();
    for (let i = list.length - 1; i > 0; i--) {
      const j = g.randbelow(i + 1);
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
  },
} as const;
