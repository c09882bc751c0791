/**
 * Collision-free placement of labels along one axis: each label wants to start at `x`; it goes
 * in the first of `tiers` rows where it does not overlap the previous label, else it is cut to
 * the room left in the roomiest row, else it is left out (the caller lists it elsewhere). A
 * greedy first-fit in x order, as interval scheduling is (Kleinberg and Tardos, "Algorithm
 * Design", 2005, section 4.1): optimal for one row, and never overlapping in any. A label
 * that would cross its limit is first tried shifted left to end at the limit.
 */
import { fitText, textWidth } from './text-measure.js';

/** A label that wants a place. */
export interface LabelRequest<K> {
  readonly key: K;
  readonly x: number;
  readonly text: string;
  /** Hard right limit (the end of the picture or the next mark that must stay visible). */
  readonly limit?: number;
}

/** Where a label went: its row and its text (possibly cut). */
export interface PlacedLabel<K> {
  readonly key: K;
  readonly x: number;
  readonly tier: number;
  readonly text: string;
  readonly width: number;
}

/** Place `labels` at font `size` in `tiers` rows, keeping `gap` px between neighbours. */
export function placeLabels<K>(labels: readonly LabelRequest<K>[], size: number, tiers: number, gap = 6): { placed: PlacedLabel<K>[]; left: K[] } {
  const ends = Array.from({ length: tiers }, () => -Infinity);
  const placed: PlacedLabel<K>[] = [];
  const left: K[] = [];
  const minWidth = textWidth('ab…', size);
  for (const l of [...labels].sort((a, b) => a.x - b.x)) {
    const width = textWidth(l.text, size);
    const limit = l.limit ?? Infinity;
    let x = l.x;
    let tier = ends.findIndex((end) => end + gap <= x && x + width <= limit);
    if (tier < 0 && l.x + width > limit) {
      // Against the right edge: shift the label left, ending at the limit, when a row has room there.
      x = limit - width;
      tier = ends.findIndex((end) => end + gap <= x);
    }
    let text = l.text;
    if (tier < 0) {
      // No row takes it whole: cut it to the room before the limit in a free row.
      x = l.x;
      tier = ends.findIndex((end) => end + gap <= x);
      if (tier >= 0) text = fitText(l.text, size, Math.max(0, limit - x));
      if (tier < 0 || text === '' || limit - x < minWidth) {
        left.push(l.key);
        continue;
      }
    }
    const w = textWidth(text, size);
    ends[tier] = x + w;
    placed.push({ key: l.key, x, tier, text, width: w });
  }
  return { placed, left };
}
