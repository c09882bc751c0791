/**
 * `hash()` as CPython 3.11 computes it for the values whose hash a program can print and compare
 * across runs: ints and bools (reduced modulo the Mersenne prime 2^61 - 1, -1 becoming -2),
 * floats (the same reduction of their exact rational value, so `hash(2.0) == hash(2)`), and
 * tuples (CPython 3.8+'s xxHash-style combination of the items' hashes), frozensets (see
 * pyset.ts). Strings are hashed with
 * a randomised key in CPython, so any deterministic hash that equal strings share is faithful;
 * other objects hash by identity (the caller supplies it).
 *
 * Algorithms: CPython's Python/pyhash.c `_Py_HashDouble`, Objects/longobject.c `long_hash`,
 * Objects/tupleobject.c `tuplehash` (as described in the Python docs, "Hashing of numeric types").
 */
import { PySet } from './pyset.js';
import { PyFloat, PyTuple } from './values.js';

/**
 * `hash(None)`: CPython 3.11 hashes None by its address, which varies from process to process;
 * threadsim uses the constant CPython 3.12 gives it.
 */
const NONE_HASH = 4238894112n;

const BITS = 61n;
const MODULUS = (1n << BITS) - 1n;
const MASK64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** CPython's hash of an int. */
function intHash(n: number): bigint {
  const neg = n < 0;
  let x = BigInt(Math.abs(n)) % MODULUS;
  if (neg) x = -x;
  return x === -1n ? -2n : x;
}

/** CPython's hash of a finite or infinite float (NaN hashes by identity, as in CPython 3.10+: the caller's). */
function floatHash(v: number): bigint | undefined {
  if (Number.isNaN(v)) return undefined;
  if (!Number.isFinite(v)) return v > 0 ? 314159n : -314159n;
  if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return intHash(v);
  // v = m * 2^e exactly, with m an integer: reduce m modulo P, then multiply by 2^e modulo P
  // (a negative e by the inverse of 2, which is 2^(BITS - 1) modulo P).
  let m = Math.abs(v);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  let x = BigInt(m) % MODULUS;
  const shift = ((BigInt(e) % BITS) + BITS) % BITS;
  x = ((x << shift) & MODULUS) | (x >> (BITS - shift));
  x %= MODULUS;
  if (v < 0) x = -x;
  return x === -1n ? -2n : x;
}

/** A signed 64-bit hash as the unsigned value CPython's tuple hash combines. */
const unsigned = (h: bigint): bigint => h & MASK64;

function tupleHash(items: readonly unknown[], other: (v: unknown) => bigint): bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = unsigned(pyHash(item, other));
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return acc >= 1n << 63n ? acc - (1n << 64n) : acc;
}

/** A deterministic string hash (CPython's is keyed per process: only equal strings must agree). */
function strHash(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & MASK64;
  const signed = h >= 1n << 63n ? h - (1n << 64n) : h;
  return signed === -1n ? -2n : signed;
}

/**
 * `hash(v)` for a hashable value; `other` gives the identity hash of anything else (an object,
 * NaN, None). The caller has already checked that `v` is hashable.
 */
export function pyHash(v: unknown, other: (v: unknown) => bigint): bigint {
  if (v === true) return 1n;
  if (v === false) return 0n;
  if (typeof v === 'number') return Number.isInteger(v) ? intHash(v) : (floatHash(v) ?? other(v));
  if (v instanceof PyFloat) return floatHash(v.v) ?? other(v);
  if (typeof v === 'string') return strHash(v);
  if (v instanceof PyTuple) return tupleHash(v.items, other);
  if (v === null || v === undefined) return NONE_HASH;
  if (v instanceof PySet && v.frozen) return v.hash();
  return other(v);
}
