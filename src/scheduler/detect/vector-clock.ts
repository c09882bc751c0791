/**
 * Vector clocks (Lamport 1978; Mattern 1989) as plain number arrays indexed by thread. A
 * missing entry counts as 0, so clocks grow as threads are created without being resized
 * eagerly.
 *
 * An epoch `c@t` (Flanagan and Freund, "FastTrack: Efficient and Precise Dynamic Race
 * Detection", PLDI 2009) is one entry of one thread's clock: it happens-before a clock `C`
 * exactly when `c <= C[t]`. Most accesses need only epochs, which is what keeps the detector
 * cheap.
 */

/** A vector clock: entry `t` counts the synchronisation steps of thread `t` seen so far. */
export type VectorClock = number[];

/** `into := into ⊔ from` (pointwise maximum). */
export function joinInto(into: VectorClock, from: VectorClock): void {
  for (let i = 0; i < from.length; i++) {
    const v = from[i]!;
    if (v > (into[i] ?? 0)) into[i] = v;
  }
}
