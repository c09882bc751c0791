/**
 * In-place helpers for arrays the engine and the exploration keep across runs (their
 * backing stores are reused, so a run allocates none of them again).
 */

/**
 * Empty `list` by `pop`, which keeps the array's backing store: setting `length = 0` drops it
 * (and goes through a slow runtime path), so the next push would allocate a new one.
 */
export function empty(list: unknown[]): void {
  while (list.length > 0) list.pop();
}

/** Remove the item at index `i`, by hand: splice would allocate the array of removed items. */
export function removeAt(list: unknown[], i: number): void {
  if (i < 0 || i >= list.length) return;
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j];
  list.pop();
}

/** Remove the first occurrence of `item`, if any. */
export function removeFrom<T>(list: T[], item: T): void {
  removeAt(list, list.indexOf(item));
}
