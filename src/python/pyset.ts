/**
 * Python's set and frozenset, with CPython 3.11's hash table, so that a set iterates (and
 * prints, and pops) in CPython's order for the values whose hashes CPython fixes: ints, bools,
 * floats and tuples of them (strings hash with a per-process key in CPython; threadsim's string
 * hash is fixed, see pyhash.ts, so their order is deterministic but not CPython's).
 *
 * Algorithm: CPython's Objects/setobject.c (open addressing; each probe looks at the slot and
 * up to LINEAR_PROBES slots after it, then jumps by `i = i * 5 + 1 + perturb` with
 * `perturb >>= 5`; deletion leaves a dummy; the table grows to the smallest power of two above
 * 4 × used when 5 × fill reaches 3 × mask). Invariants: `fill` counts active and dummy slots,
 * `used` the active ones; a slot is `undefined` (never used), {@link DUMMY} or an entry.
 */
import { pyRaise } from './exceptions.js';
import { customKeyOps, hashKey, PyTuple } from './values.js';

const LINEAR_PROBES = 9;
const MIN_SIZE = 8;
const MASK64 = (1n << 64n) - 1n;

/** A deleted slot: lookups probe past it, insertions may reuse it. */
const DUMMY = Symbol('dummy');

/** An active slot: the key, its hash (signed 64-bit, as CPython's Py_hash_t) and its equality key. */
interface Entry {
  readonly key: unknown;
  readonly hash: bigint;
  readonly eq: unknown;
}

type Slot = Entry | typeof DUMMY | undefined;

/** Python's `set` (or `frozenset` when `frozen`). `label` names it in traces (`set#1`). */
export class PySet {
  private table: Slot[] = new Array<Slot>(MIN_SIZE);
  private mask = MIN_SIZE - 1;
  private fill = 0;
  /** Number of items. */
  used = 0;
  /** Where `pop` looks first (CPython's `finger`). */
  private finger = 0;

  constructor(
    readonly frozen: boolean,
    public label = frozen ? 'frozenset' : 'set',
  ) {}

  /** Whether the set holds a key equal to `key` (whose hash is `hash`). */
  has(key: unknown, hash: bigint): boolean {
    return this.find(key, hashKey(key), hash) >= 0;
  }

  /** The items in table order: the order Python iterates them. */
  items(): unknown[] {
    const out: unknown[] = [];
    for (const s of this.table) if (s !== undefined && s !== DUMMY) out.push(s.key);
    return out;
  }

  /** The active entries in table order. */
  private entries(): Entry[] {
    const out: Entry[] = [];
    for (const s of this.table) if (s !== undefined && s !== DUMMY) out.push(s);
    return out;
  }

  /** Add `key` (CPython's set_add_entry): no change when an equal key is there. */
  add(key: unknown, hash: bigint): void {
    this.addEntry({ key, hash, eq: hashKey(key) });
  }

  private addEntry(e: Entry): void {
    const mask = this.mask;
    let perturb = hash64(e.hash);
    let i = Number(perturb & BigInt(mask));
    let freeslot = -1;
    for (;;) {
      let j = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (;;) {
        const s = this.table[j];
        if (s === undefined) {
          if (freeslot >= 0) {
            this.used++;
            this.table[freeslot] = e;
            return;
          }
          this.fill++;
          this.used++;
          this.table[j] = e;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (s === DUMMY) freeslot = j;
        else if (s.hash === e.hash && same(s, e.key, e.eq)) return;
        if (probes-- === 0) break;
        j++;
      }
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  /** The slot of the key equal to `key` (whose equality key is `eq`), or -1. */
  private find(key: unknown, eq: unknown, hash: bigint): number {
    const mask = this.mask;
    let perturb = hash64(hash);
    let i = Number(perturb & BigInt(mask));
    for (;;) {
      let j = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (;;) {
        const s = this.table[j];
        if (s === undefined) return -1;
        if (s !== DUMMY && s.hash === hash && same(s, key, eq)) return j;
        if (probes-- === 0) break;
        j++;
      }
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  /** Remove `key` if present (a dummy takes its slot); whether it was there. */
  discard(key: unknown, hash: bigint): boolean {
    const j = this.find(key, hashKey(key), hash);
    if (j < 0) return false;
    this.table[j] = DUMMY;
    this.used--;
    return true;
  }

  /** Remove and return an arbitrary item, as CPython's set.pop chooses it. */
  pop(): unknown {
    if (this.used === 0) {
      const err = pyRaise('KeyError', "'pop from an empty set'");
      err.pyValue!.dict.set('args', new PyTuple(['pop from an empty set']));
      throw err;
    }
    let j = this.finger & this.mask;
    for (;;) {
      const s = this.table[j];
      if (s !== undefined && s !== DUMMY) {
        this.table[j] = DUMMY;
        this.used--;
        this.finger = j + 1;
        return s.key;
      }
      j = j + 1 > this.mask ? 0 : j + 1;
    }
  }

  clear(): void {
    this.table = new Array<Slot>(MIN_SIZE);
    this.mask = MIN_SIZE - 1;
    this.fill = 0;
    this.used = 0;
  }

  /** Grow or shrink to the smallest power of two above `minused`, dropping dummies (set_table_resize). */
  private resize(minused: number): void {
    let size = MIN_SIZE;
    while (size <= minused) size *= 2;
    const old = this.table;
    this.table = new Array<Slot>(size);
    this.mask = size - 1;
    this.fill = this.used;
    for (const s of old) if (s !== undefined && s !== DUMMY) this.insertClean(s);
  }

  /** Insert an entry known to be absent into a table with no dummies (set_insert_clean). */
  private insertClean(e: Entry): void {
    const mask = this.mask;
    let perturb = hash64(e.hash);
    let i = Number(perturb & BigInt(mask));
    for (;;) {
      if (this.table[i] === undefined) {
        this.table[i] = e;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = i + 1; j <= i + LINEAR_PROBES; j++) {
          if (this.table[j] === undefined) {
            this.table[j] = e;
            return;
          }
        }
      }
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  /** Add every item of set `other` (set_merge: one resize first, a slot-for-slot copy when this set is empty and alike). */
  merge(other: PySet): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.table = other.table.slice();
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      for (const e of other.entries()) this.insertClean(e);
      return;
    }
    for (const e of other.entries()) this.addEntry(e);
  }

  /** Add keys with their hashes, sized first for `count` of them, as CPython adds a dict's keys. */
  addAll(keys: readonly unknown[], hashes: readonly bigint[], presize: boolean): void {
    if (presize && (this.fill + keys.length) * 5 >= this.mask * 3) this.resize((this.used + keys.length) * 2);
    for (let i = 0; i < keys.length; i++) this.add(keys[i], hashes[i]!);
  }

  /** A new set (or frozenset) with this one's items, as CPython copies a set. */
  copy(frozen = this.frozen, label?: string): PySet {
    const s = new PySet(frozen, label);
    s.merge(this);
    return s;
  }

  /** `this & other` (set_intersection): walks the smaller set, adding what the larger has. */
  intersection(other: PySet, label: string): PySet {
    if (other === this) return this.copy(this.frozen, label);
    const result = new PySet(this.frozen, label);
    const [big, small] = other.used > this.used ? [other, this] : [this, other];
    for (const e of small.entries()) if (big.find(e.key, e.eq, e.hash) >= 0) result.addEntry(e);
    return result;
  }

  /** `this - other` (set_difference) for a set `other`. */
  difference(other: PySet, label: string): PySet {
    if (this.used >> 2 > other.used) {
      const result = this.copy(this.frozen, label);
      result.differenceUpdate(other);
      return result;
    }
    const result = new PySet(this.frozen, label);
    for (const e of this.entries()) if (other.find(e.key, e.eq, e.hash) < 0) result.addEntry(e);
    return result;
  }

  /** `this -= other` (set_difference_update_internal) for a set `other`; then dummies are resized away when over a quarter. */
  differenceUpdate(other: PySet): void {
    if (other === this) {
      this.clear();
      return;
    }
    const src = other.used >> 3 > this.used ? this.intersection(other, 'set') : other;
    for (const e of src.entries()) {
      const j = this.find(e.key, e.eq, e.hash);
      if (j >= 0) {
        this.table[j] = DUMMY;
        this.used--;
      }
    }
    this.shrinkDummies();
  }

  /** After deleting many: resize when more than a quarter of the table is dummies. */
  shrinkDummies(): void {
    if (this.fill - this.used <= this.mask >> 2) return;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** `this ^= other` (set_symmetric_difference_update) for a set `other`. */
  symmetricDifferenceUpdate(other: PySet): void {
    if (other === this) {
      this.clear();
      return;
    }
    for (const e of other.entries()) {
      const j = this.find(e.key, e.eq, e.hash);
      if (j >= 0) {
        this.table[j] = DUMMY;
        this.used--;
      } else {
        this.addEntry(e);
      }
    }
  }

  /** Take `other`'s table (set_swap_bodies, for `&=`). */
  become(other: PySet): void {
    this.table = other.table;
    this.mask = other.mask;
    this.fill = other.fill;
    this.used = other.used;
  }

  /** Whether every item of this set is in `other`. */
  isSubset(other: PySet): boolean {
    if (this.used > other.used) return false;
    for (const e of this.entries()) if (other.find(e.key, e.eq, e.hash) < 0) return false;
    return true;
  }

  /** CPython's frozenset hash: order-independent, from the items' hashes (frozenset_hash). */
  hash(): bigint {
    let h = 0n;
    for (const e of this.entries()) h ^= shuffle(hash64(e.hash));
    h ^= (BigInt(this.used + 1) * 1927868237n) & MASK64;
    h ^= (h >> 11n) ^ (h >> 25n);
    h = (h * 69069n + 907133923n) & MASK64;
    if (h === MASK64) h = 590923713n;
    return h >= 1n << 63n ? h - (1n << 64n) : h;
  }
}

/**
 * Whether entry `s` holds a key equal to `key`: the same equality key, or, where a program
 * class's `__eq__` decides (set_lookkey compares a stored key of the same hash that is not
 * the same object with `==`), what it says.
 */
function same(s: Entry, key: unknown, eq: unknown): boolean {
  if (s.eq === eq) return true;
  if (s.key === key) return false;
  const ops = customKeyOps(s.key) ?? customKeyOps(key);
  return ops !== undefined && ops.eq(s.key, key);
}

/** A hash as the unsigned 64-bit value CPython's probing starts from. */
function hash64(h: bigint): bigint {
  return h & MASK64;
}

function shuffle(h: bigint): bigint {
  return (((h ^ 89869747n) ^ ((h << 16n) & MASK64)) * 3644798167n) & MASK64;
}
