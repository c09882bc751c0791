/**
 * `hash()` where CPython 3.11 fixes it: strings as under PYTHONHASHSEED=0 (SipHash-1-3, zero
 * key; one, two and four bytes per code point, and a tail past the 8-byte blocks), frozensets.
 * Expected values printed by `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'` (CPython 3.11.7).
 */
import { describe, expect, it } from 'vitest';
import { pyHash } from '../../src/python/pyhash.js';
import { PySet } from '../../src/python/pyset.js';
import { PyFloat, PyTuple } from '../../src/python/values.js';

const identity = (): bigint => {
  throw new Error('not an identity-hashed value');
};

describe('pyHash', () => {
  it("hashes strings as CPython does under PYTHONHASHSEED=0", () => {
    const cases: [string, bigint][] = [
      ['', 0n],
      ['a', 4644417185603328019n],
      ['hello world!', 839851713330019024n],
      ['é', 6047309291227476195n],
      ['☺x', -7162632607806232058n],
      ['😀', -3536540696076613844n],
      ['abcdefgh', 4574395652268504554n],
      ['abcdefghi', -532774252720507163n],
    ];
    for (const [s, h] of cases) expect(pyHash(s, identity), s).toBe(h);
  });

  it('hashes frozensets as CPython does, whatever the order of their items', () => {
    const frozen = (items: unknown[]): PySet => {
      const s = new PySet(true);
      for (const x of items) s.add(x, pyHash(x, identity));
      return s;
    };
    expect(pyHash(frozen([1, 2, 3]), identity)).toBe(-272375401224217160n);
    expect(pyHash(frozen([3, 2, 1]), identity)).toBe(-272375401224217160n);
    expect(pyHash(frozen([]), identity)).toBe(133146708735736n);
    expect(pyHash(frozen([new PyTuple([1, 2]), new PyFloat(3.5)]), identity)).toBe(-5268987115888289412n);
  });
});
