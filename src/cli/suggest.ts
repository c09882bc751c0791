/**
 * "Did you mean" for names typed on the command line: programs, commands and flags. A
 * suggestion is offered only when it is close (edit distance at most 1, or a third of what
 * follows the prefix both share), so `tutorial/nope` is not taken for `tutorial/join`.
 */

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps
 * of two neighbouring letters (`rnu` for `run`) as 1 each (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, or undefined when none is close. A candidate that starts
 * with `word` (a prefix such as `tutorial/rac`) counts as close.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    let shared = 0;
    while (shared < word.length && word[shared] === name[shared]) shared++;
    const budget = Math.max(1, Math.floor((word.length - shared) / 3));
    const distance = name.startsWith(word) && word.length >= 3 ? 0.5 : editDistance(word, name);
    if (distance <= budget && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
