import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../src/trace/export/label-layout.js';
import { fitText, textWidth, wrapText } from '../../../src/trace/export/text-measure.js';

describe('label layout', () => {
  it('puts a label in the first row where it does not overlap, else the next row', () => {
    const w = textWidth('abcdef', 14);
    const { placed, left } = placeLabels([{ key: 'a', x: 0, text: 'abcdef' }, { key: 'b', x: 10, text: 'abcdef' }, { key: 'c', x: w + 10, text: 'abcdef' }], 14, 2);
    expect(placed.map((p) => [p.key, p.tier])).toEqual([['a', 0], ['b', 1], ['c', 0]]);
    expect(left).toEqual([]);
  });

  it('leaves a label out when every row is taken, and never overlaps two in one row', () => {
    const labels = Array.from({ length: 30 }, (_, i) => ({ key: i, x: i * 8, text: 'W acct.balance = 1000' }));
    const { placed, left } = placeLabels(labels, 14, 2);
    expect(placed.length + left.length).toBe(30);
    expect(left.length).toBeGreaterThan(0);
    for (const tier of [0, 1]) {
      const row = placed.filter((p) => p.tier === tier).sort((a, b) => a.x - b.x);
      for (let i = 1; i < row.length; i++) expect(row[i]!.x).toBeGreaterThanOrEqual(row[i - 1]!.x + row[i - 1]!.width);
    }
  });

  it('shifts a label left against its limit, or cuts it with an ellipsis', () => {
    const text = 'W db.value = 1';
    const w = textWidth(text, 14);
    const shifted = placeLabels([{ key: 0, x: 500, text, limit: 520 }], 14, 1).placed[0]!;
    expect(shifted.text).toBe(text);
    expect(shifted.x + shifted.width).toBeCloseTo(520);
    // No room to shift: a label ends where the previous one is.
    const cut = placeLabels([{ key: 0, x: 0, text: 'x'.repeat(30) }, { key: 1, x: 500 - w / 2, text, limit: 520 }], 14, 1).placed[1];
    expect(cut === undefined || cut.x + cut.width <= 520).toBe(true);
    expect(fitText('abcdefghij', 14, textWidth('abc…', 14))).toBe('abc…');
  });

  it('wraps text at spaces within the width', () => {
    const lines = wrapText('one two three four five six seven', 14, textWidth('one two three', 14));
    expect(lines).toEqual(['one two three', 'four five six', 'seven']);
  });
});
