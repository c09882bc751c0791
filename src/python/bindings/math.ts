/**
 * `math` for `.py` programs: the constants and the common functions, with CPython's results
 * (floats stay floats, `floor`/`ceil`/`trunc` give ints) and errors (`ValueError: math domain
 * error`, `OverflowError: math range error`). Integers are JavaScript numbers, exact to 2^53
 * (docs/python.md), so `factorial` and `comb` of large arguments are rounded.
 */
import { pyRaise } from '../exceptions.js';
import { drain, numeric, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBuiltin, PyFloat, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf } from './host.js';

const domain = (): never => {
  throw pyRaise('ValueError', 'math domain error');
};

/** Build `math`. */
export function mathModule(ref: InterpRef): PyModuleObject {
  const I = (): Interp => ref.I;
  const real = (v: unknown): number => {
    const n = numeric(v);
    if (n === undefined) throw pyRaise('TypeError', `must be real number, not ${I().typeName(v)}`);
    return n;
  };
  const integer = (v: unknown): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    throw pyRaise('TypeError', `'${I().typeName(v)}' object cannot be interpreted as an integer`);
  };
  const float = (x: number): PyFloat => {
    if (!Number.isFinite(x)) throw pyRaise('OverflowError', 'math range error');
    return new PyFloat(x);
  };
  /** A float function of one argument, a domain error outside `ok`; infinite inputs pass through. */
  const f1 = (name: string, f: (x: number) => number, ok: (x: number) => boolean = () => true): PyBuiltin =>
    new PyBuiltin(name, (a) => {
      const x = real(a[0]);
      if (Number.isNaN(x)) return new PyFloat(NaN);
      if (!ok(x)) domain();
      const r = f(x);
      if (Number.isNaN(r)) domain();
      return Number.isFinite(x) ? float(r) : new PyFloat(r);
    });
  const toInt = (name: string, f: (x: number) => number): PyBuiltin =>
    new PyBuiltin(name, (a) => {
      const v = a[0];
      if (typeof v === 'number' || typeof v === 'boolean') return Number(v);
      const x = real(v);
      if (Number.isNaN(x)) throw pyRaise('ValueError', 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) throw pyRaise('OverflowError', 'cannot convert float infinity to integer');
      return f(x) + 0;
    });
  const gcd = (a: number, b: number): number => {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  };
  const factorial = (n: number): number => {
    let r = 1;
    for (let i = 2; i <= n; i++) r *= i;
    return r;
  };
  const perm = (n: number, k: number): number => {
    let r = 1;
    for (let i = 0; i < k; i++) r *= n - i;
    return r;
  };
  const nonNegative = (n: number, what: string): void => {
    if (n < 0) throw pyRaise('ValueError', `${what} must be a non-negative integer`);
  };
  const items = function* (v: unknown): Generator<never, unknown[], unknown> {
    return drain(yield* I().iterate(v, 0));
  };
  return moduleOf('math', {
    pi: new PyFloat(Math.PI),
    e: new PyFloat(Math.E),
    tau: new PyFloat(2 * Math.PI),
    inf: new PyFloat(Infinity),
    nan: new PyFloat(NaN),
    sqrt: f1('sqrt', Math.sqrt, (x) => x >= 0),
    exp: f1('exp', Math.exp),
    log: new PyBuiltin('log', (a) => {
      const x = real(a[0]);
      if (x <= 0) domain();
      if (a.length < 2) return new PyFloat(Math.log(x));
      const b = real(a[1]);
      if (b <= 0) domain();
      if (b === 1) throw pyRaise('ZeroDivisionError', 'float division by zero');
      return new PyFloat(Math.log(x) / Math.log(b));
    }),
    log2: f1('log2', Math.log2, (x) => x > 0),
    log10: f1('log10', Math.log10, (x) => x > 0),
    sin: f1('sin', Math.sin, Number.isFinite),
    cos: f1('cos', Math.cos, Number.isFinite),
    tan: f1('tan', Math.tan, Number.isFinite),
    asin: f1('asin', Math.asin, (x) => x >= -1 && x <= 1),
    acos: f1('acos', Math.acos, (x) => x >= -1 && x <= 1),
    atan: f1('atan', Math.atan),
    atan2: new PyBuiltin('atan2', (a) => new PyFloat(Math.atan2(real(a[0]), real(a[1])))),
    sinh: f1('sinh', Math.sinh),
    cosh: f1('cosh', Math.cosh),
    tanh: f1('tanh', Math.tanh),
    degrees: f1('degrees', (x) => (x * 180) / Math.PI),
    radians: f1('radians', (x) => (x * Math.PI) / 180),
    fabs: f1('fabs', Math.abs),
    floor: toInt('floor', Math.floor),
    ceil: toInt('ceil', Math.ceil),
    trunc: toInt('trunc', Math.trunc),
    pow: new PyBuiltin('pow', (a) => {
      const x = real(a[0]);
      const y = real(a[1]);
      if (x === 0 && y < 0) domain();
      if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) domain();
      const r = x ** y;
      return Number.isFinite(x) && Number.isFinite(y) ? float(r) : new PyFloat(r);
    }),
    fmod: new PyBuiltin('fmod', (a) => {
      const x = real(a[0]);
      const y = real(a[1]);
      if (y === 0 || !Number.isFinite(x)) domain();
      return new PyFloat(x % y);
    }),
    copysign: new PyBuiltin('copysign', (a) => {
      const x = Math.abs(real(a[0]));
      const y = real(a[1]);
      return new PyFloat(y < 0 || Object.is(y, -0) ? -x : x);
    }),
    hypot: new PyBuiltin('hypot', (a) => new PyFloat(Math.hypot(...a.map(real)))),
    dist: new PyBuiltin('dist', (a) =>
      (function* () {
        const p = (yield* items(a[0])).map(real);
        const q = (yield* items(a[1])).map(real);
        if (p.length !== q.length) throw pyRaise('ValueError', 'both points must have the same number of dimensions');
        return new PyFloat(Math.hypot(...p.map((x, i) => x - q[i]!)));
      })(),
    ),
    isclose: new PyBuiltin('isclose', (a, kw) => {
      const x = real(a[0]);
      const y = real(a[1]);
      const rel = kw?.has('rel_tol') === true ? real(kw.get('rel_tol')) : 1e-9;
      const abs = kw?.has('abs_tol') === true ? real(kw.get('abs_tol')) : 0;
      if (x === y) return true;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
      const d = Math.abs(x - y);
      return d <= Math.abs(rel * y) || d <= Math.abs(rel * x) || d <= abs;
    }),
    isfinite: new PyBuiltin('isfinite', (a) => Number.isFinite(real(a[0]))),
    isinf: new PyBuiltin('isinf', (a) => Math.abs(real(a[0])) === Infinity),
    isnan: new PyBuiltin('isnan', (a) => Number.isNaN(real(a[0]))),
    factorial: new PyBuiltin('factorial', (a) => {
      const n = integer(a[0]);
      if (n < 0) throw pyRaise('ValueError', 'factorial() not defined for negative values');
      return factorial(n);
    }),
    gcd: new PyBuiltin('gcd', (a) => a.map(integer).reduce(gcd, 0)),
    lcm: new PyBuiltin('lcm', (a) => a.map(integer).reduce((x, y) => (x === 0 || y === 0 ? 0 : Math.abs(x * y) / gcd(x, y)), 1)),
    comb: new PyBuiltin('comb', (a) => {
      const n = integer(a[0]);
      const k = integer(a[1]);
      nonNegative(n, 'n');
      nonNegative(k, 'k');
      return k > n ? 0 : Math.round(perm(n, Math.min(k, n - k)) / factorial(Math.min(k, n - k)));
    }),
    perm: new PyBuiltin('perm', (a) => {
      const n = integer(a[0]);
      nonNegative(n, 'n');
      const k = a[1] === undefined || a[1] === null ? n : integer(a[1]);
      nonNegative(k, 'k');
      return k > n ? 0 : perm(n, k);
    }),
    isqrt: new PyBuiltin('isqrt', (a) => {
      const n = integer(a[0]);
      if (n < 0) throw pyRaise('ValueError', 'isqrt() argument must be nonnegative');
      let r = Math.floor(Math.sqrt(n));
      while (r * r > n) r--;
      while ((r + 1) * (r + 1) <= n) r++;
      return r;
    }),
    prod: new PyBuiltin('prod', (a, kw) =>
      (function* () {
        let acc: unknown = kw?.get('start') ?? 1;
        for (const x of yield* items(a[0])) acc = yield* I().binary('Mult', acc, x, false);
        return acc;
      })(),
    ),
    fsum: new PyBuiltin('fsum', (a) =>
      (function* () {
        return new PyFloat(exactSum((yield* items(a[0])).map(real)));
      })(),
    ),
    modf: new PyBuiltin('modf', (a) => {
      const x = real(a[0]);
      const i = Math.trunc(x);
      return new PyTuple([new PyFloat(Number.isFinite(x) ? x - i : 0 * Math.sign(x)), new PyFloat(i)]);
    }),
    frexp: new PyBuiltin('frexp', (a) => {
      const x = real(a[0]);
      if (x === 0 || !Number.isFinite(x)) return new PyTuple([new PyFloat(x), 0]);
      let e = Math.ceil(Math.log2(Math.abs(x)));
      let m = x / 2 ** e;
      if (Math.abs(m) >= 1) {
        m /= 2;
        e++;
      }
      if (Math.abs(m) < 0.5) {
        m *= 2;
        e--;
      }
      return new PyTuple([new PyFloat(m), e]);
    }),
    ldexp: new PyBuiltin('ldexp', (a) => float(real(a[0]) * 2 ** integer(a[1]))),
  });
}

/**
 * The correctly rounded sum of `xs`, as `math.fsum`: the running sum kept as a list of
 * non-overlapping partials (Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast
 * Robust Geometric Predicates", 1997, the two-sum step), then added up from the largest.
 */
function exactSum(xs: readonly number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let total = 0;
  for (let i = partials.length - 1; i >= 0; i--) total += partials[i]!;
  return total;
}
