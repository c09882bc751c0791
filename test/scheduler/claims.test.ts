import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/scheduler/claims.js';
import type { SharedState } from '../../src/scheduler/program.js';

const summary = (s: SharedState): string => JSON.stringify(s);

describe('checkClaims', () => {
  const state: SharedState = freeze({ db: { value: 1, other: 2 }, log: { lines: ['a'] } }, true);

  it('passes true claims and reports false ones with the locations they read, in reading order', () => {
    const failed = checkClaims(
      {
        'value is one': (s) => s.db?.value === 1,
        'sum is four': (s) => (s.log?.lines as string[]).length + (s.db?.other as number) === 4 || 'sum is not four',
      },
      state,
      summary,
    );
    expect(failed).toEqual([{ kind: 'claim', claim: 'sum is four', reads: ['log.lines', 'db.other'], message: "claim 'sum is four' is false: sum is not four" }]);
  });

  it('notes a location read through Object.entries and destructuring, once', () => {
    const [f] = checkClaims(
      {
        spread: (s) => {
          const { value } = s.db!;
          return Object.entries(s.db!).length === 0 && value === 1;
        },
      },
      state,
      summary,
    );
    expect(f?.reads).toEqual(['db.value', 'db.other']);
    expect(f?.message).toBe(`claim 'spread' is false: final state: ${summary(state)}`);
  });

  it('keeps the frozen state frozen: a claim cannot write through the view', () => {
    const [f] = checkClaims(
      {
        writes: (s) => {
          (s.db as Record<string, unknown>).value = 5;
          return true;
        },
      },
      state,
      summary,
    );
    expect(f?.message).toMatch(/^claim 'writes' is false: the claim raised TypeError: /);
    expect(state.db?.value).toBe(1);
  });

  it('gives claims the state itself: a claim may clone it', () => {
    expect(checkClaims({ clones: (s) => structuredClone(s).db?.value === 1 }, state, summary)).toEqual([]);
    const [f] = checkClaims({ clones: (s) => structuredClone(s).db?.value === 2 }, state, summary);
    // The view that notes reads cannot be cloned, so this claim's reads are unknown.
    expect(f).toEqual({ kind: 'claim', claim: 'clones', message: `claim 'clones' is false: final state: ${summary(state)}` });
  });

  it('reports a claim on a missing store without reads', () => {
    const [f] = checkClaims({ missing: (s) => s.nothing?.x === 1 }, state, summary);
    expect(f).toEqual({ kind: 'claim', claim: 'missing', message: `claim 'missing' is false: final state: ${summary(state)}` });
  });
});

describe('checkClaims reuses its read-noting view', () => {
  it('notes the reads of each check against that check state only', () => {
    const a: SharedState = freeze({ db: { value: 1, other: 2 } }, true);
    const b: SharedState = freeze({ db: { value: 5 }, log: { n: 3 } }, true);
    const claim = { 'value is two': (s: SharedState) => s.db?.value === 2 || `value is ${String(s.db?.value)}` };
    const [fa] = checkClaims(claim, a, summary);
    const [fb] = checkClaims({ 'n is zero': (s) => s.log?.n === 0 && s.db?.value === 5 }, b, summary);
    const [fa2] = checkClaims(claim, a, summary);
    expect(fa).toEqual({ kind: 'claim', claim: 'value is two', reads: ['db.value'], message: "claim 'value is two' is false: value is 1" });
    expect(fb?.reads).toEqual(['log.n']);
    expect(fa2).toEqual(fa);
    // A claim that checks claims itself (while the view is in use) gets its own view.
    const [outer] = checkClaims(
      {
        nested: (s) => {
          checkClaims(claim, b, summary);
          return s.db?.other === 3;
        },
      },
      a,
      summary,
    );
    expect(outer?.reads).toEqual(['db.other']);
  });
});
