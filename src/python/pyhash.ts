/**
 * `hash()` as CPython 3.11 computes it for the values whose hash a program can print and compare
 * across runs: ints and bools (reduced modulo the Mersenne prime 2^61 - 1, -1 becoming -2),
 * floats (the same reduction of their exact rational value, so `hash(2.0) == hash(2)`), and
 * tuples (CPython 3.8+'s xxHash-style combination of the items' hashes), frozensets (see
 * pyset.ts), and strings as CPython hashes them under PYTHONHASHSEED=0 (its key is random per
 * process otherwise); other objects hash by identity (the caller supplies it).
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

const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & MASK64;

/**
 * SipHash-1-3 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012; one
 * compression round, three finalization rounds), CPython 3.11's string hash, with the all-zero
 * key CPython uses under PYTHONHASHSEED=0.
 */
function siphash13(bytes: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const word = (at: number, n: number): bigint => {
    let m = 0n;
    for (let i = n - 1; i >= 0; i--) m = (m << 8n) | BigInt(bytes[at + i]!);
    return m;
  };
  const whole = bytes.length - (bytes.length % 8);
  for (let at = 0; at < whole; at += 8) {
    const m = word(at, 8);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  const b = ((BigInt(bytes.length) & 0xffn) << 56n) | word(whole, bytes.length - whole);
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}

/**
 * CPython 3.11's hash of a string under PYTHONHASHSEED=0: SipHash-1-3 of the string's
 * internal bytes (one, two or four little-endian bytes per code point, the narrowest that
 * holds them all). CPython picks a random key per process otherwise: any fixed hash is as
 * faithful, and this one lets a test compare string sets with `PYTHONHASHSEED=0 python3`.
 */
function strHash(s: string): bigint {
  if (s.length === 0) return 0n;
  const points = Array.from(s, (c) => c.codePointAt(0)!);
  const max = Math.max(...points);
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const bytes = new Uint8Array(points.length * width);
  points.forEach((p, i) => {
    for (let k = 0; k < width; k++) bytes[i * width + k] = (p >> (8 * k)) & 0xff;
  });
  const h = siphash13(bytes);
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
