/**
 * Wakeup trees and wakeup sequences for optimal DPOR (Abdulla, Aronis, Jonsson, Sagonas,
 * "Optimal dynamic partial order reduction", POPL 2014 / JACM 2017).
 *
 * A wakeup tree at a state holds the sequences still to explore from it; children are ordered
 * by insertion (the paper's order ≺), and the leftmost child is explored first. A sequence is
 * inserted unless an existing branch already covers it: the descent follows, at each level,
 * the first child whose thread is a weak initial of the rest of the sequence.
 *
 * Invariant: every node's event is the next step of its thread after the path to it.
 */
import { dependent, type DependencyRules, type EventInfo } from './events.js';

/** One node of a wakeup tree: a step and the sequences that continue it. */
export interface WakeupNode {
  readonly event: EventInfo;
  readonly children: WakeupNode[];
}

/**
 * A sequence of steps being matched against a tree or a sleep set. Steps are removed from the
 * front of their thread as the descent consumes them. Dependencies between its steps are
 * computed on demand and memoised (most sequences are rejected after a few checks).
 * Only one sequence may be in use at a time: they share scratch memory.
 */
/**
 * Scratch memory shared by every sequence: a sequence lives only while one race is being
 * inserted (races are handled one at a time, and {@link WakeupSequence.rest} copies what a
 * tree keeps), so two buffers grown on demand replace two allocations per race, which were
 * most of DPOR's garbage.
 */
let removedScratch = new Uint8Array(64);
let depScratch = new Uint8Array(64 * 64);
/**
 * depStamp[i] === stamp when depScratch[i] was computed for the current sequence: a new
 * sequence takes a new stamp instead of clearing n*n entries (most are never read).
 */
let depStamp = new Uint32Array(64 * 64);
let stamp = 0;

export class WakeupSequence {
  private readonly removed: Uint8Array;
  /** dep[y * n + x]: 1 dependent, 2 independent; valid where depStamp holds this sequence's stamp. */
  private readonly dep: Uint8Array;
  private remaining: number;

  constructor(
    readonly events: readonly EventInfo[],
    private readonly rules: DependencyRules,
  ) {
    const n = events.length;
    if (removedScratch.length < n) removedScratch = new Uint8Array(2 * n);
    if (depScratch.length < n * n) {
      depScratch = new Uint8Array(4 * n * n);
      depStamp = new Uint32Array(4 * n * n);
    }
    this.removed = removedScratch;
    this.removed.fill(0, 0, n);
    this.remaining = n;
    this.dep = depScratch;
    if (++stamp === 0xffff_ffff) {
      depStamp.fill(0);
      stamp = 1;
    }
  }

  private depends(y: number, x: number): boolean {
    const i = y * this.events.length + x;
    if (depStamp[i] === stamp) return this.dep[i] === 1;
    const d = dependent(this.events[y]!, this.events[x]!, this.rules);
    this.dep[i] = d ? 1 : 2;
    depStamp[i] = stamp;
    return d;
  }

  /** True when every step has been consumed. */
  get empty(): boolean {
    return this.remaining === 0;
  }

  /** Index of the first remaining step of `thread`, or -1. */
  private firstOf(thread: number): number {
    const events = this.events;
    const removed = this.removed;
    for (let i = 0; i < events.length; i++) if (removed[i] === 0 && events[i]!.thread === thread) return i;
    return -1;
  }

  private hasPredecessor(x: number): boolean {
    for (let y = 0; y < x; y++) if (!this.removed[y] && this.depends(y, x)) return true;
    return false;
  }

  /**
   * Whether `e` (the next step of its thread) is a weak initial of the remaining sequence:
   * its thread's first remaining step has no predecessor in the sequence, or the thread has no
   * step left in it and `e` is independent of all of them. Returns the index to consume
   * (-1 when nothing is consumed), or undefined when `e` is not a weak initial.
   */
  weakInitial(e: EventInfo): number | undefined {
    const i = this.firstOf(e.thread);
    if (i >= 0) return this.hasPredecessor(i) ? undefined : i;
    for (let x = 0; x < this.events.length; x++) {
      if (!this.removed[x] && dependent(e, this.events[x]!, this.rules)) return undefined;
    }
    return -1;
  }

  /** Consume step `i` (from {@link weakInitial}); -1 consumes nothing. */
  consume(i: number): void {
    if (i < 0 || this.removed[i]) return;
    this.removed[i] = 1;
    this.remaining--;
  }

  /** The remaining steps in order. */
  rest(): EventInfo[] {
    const out: EventInfo[] = [];
    for (let i = 0; i < this.events.length; i++) if (this.removed[i] === 0) out.push(this.events[i]!);
    return out;
  }
}

/**
 * Insert `seq` into the tree whose root children are `roots`, unless a branch covers it.
 * Returns true when the tree grew.
 */
export function insertSequence(roots: WakeupNode[], seq: WakeupSequence): boolean {
  let children = roots;
  let atRoot = true;
  for (;;) {
    if (!atRoot && (children.length === 0 || seq.empty)) return false;
    let next: WakeupNode | undefined;
    for (const c of children) {
      const i = seq.weakInitial(c.event);
      if (i !== undefined) {
        seq.consume(i);
        next = c;
        break;
      }
    }
    if (next === undefined) {
      const rest = seq.rest();
      if (rest.length === 0) return false;
      let node: WakeupNode = { event: rest[rest.length - 1]!, children: [] };
      for (let i = rest.length - 2; i >= 0; i--) node = { event: rest[i]!, children: [node] };
      children.push(node);
      return true;
    }
    children = next.children;
    atRoot = false;
  }
}
