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
import { CLOCK, dependent, objectOf, type DependencyRules, type EventInfo } from './events.js';

/**
 * One node of a wakeup tree: a step and the sequences that continue it. Read the children
 * through {@link childrenOf}: a branch inserted as one sequence is a chain whose nodes are made
 * when first reached (`chain` and `next` say where the rest of it is). A race in an execution
 * of thousands of steps inserts a sequence of thousands of steps, and most of them are never
 * walked, or only much later.
 */
export interface WakeupNode {
  readonly event: EventInfo;
  children: WakeupNode[];
  /** The sequence this node's chain was cut from, until its children are made; else undefined. */
  chain: readonly EventInfo[] | undefined;
  /** Index in `chain` of this node's only child. */
  next: number;
  /**
   * A leaf that covers nothing below it: a step to try, not the end of a race's sequence (see
   * {@link openLeaf}). A sequence reaching it is inserted under it.
   */
  open: boolean;
}

const NO_CHILDREN: WakeupNode[] = [];

/** A node of a chain: `seq[at]`, continued (lazily) by the rest of `seq`. */
function chainNode(seq: readonly EventInfo[], at: number): WakeupNode {
  return { event: seq[at]!, children: NO_CHILDREN, chain: seq, next: at + 1, open: false };
}

/**
 * A one-step branch that claims nothing about what follows it (DporSearch tries every enabled
 * thread this way where races cannot be trusted, dpor.ts fullSpan). An ordinary leaf stands
 * for a race's whole wakeup sequence, and a sequence that reaches it is covered: the
 * exploration from the leaf reverses the races that lead to it (Abdulla et al., JACM 2017).
 * A step added for its own sake promises no such thing, so a sequence reaching it is inserted
 * below it, and the branch follows it.
 */
export function openLeaf(event: EventInfo): WakeupNode {
  return { event, children: [], chain: undefined, next: 0, open: true };
}

/** The children of `node`, made now if it is part of a chain not yet walked. */
export function childrenOf(node: WakeupNode): WakeupNode[] {
  const seq = node.chain;
  if (seq !== undefined) {
    node.chain = undefined;
    node.children = node.next < seq.length ? [chainNode(seq, node.next)] : [];
  }
  return node.children;
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
/**
 * Longest sequence whose dependencies are memoised (n² entries): a race in a program with
 * thousands of steps gives a sequence of thousands of steps, and a memo of n² bytes plus n²
 * stamps for it would be hundreds of megabytes to build for a few hundred lookups.
 */
const MEMO_MAX = 1024;

export class WakeupSequence {
  private readonly removed: Uint8Array;
  /** dep[y * n + x]: 1 dependent, 2 independent; valid where depStamp holds this sequence's stamp. */
  private readonly dep: Uint8Array;
  private remaining: number;
  private readonly memo: boolean;
  /** For a sequence too long to memoise: where each thread's and object's steps are. */
  private index: SequenceIndex | undefined;

  constructor(
    readonly events: readonly EventInfo[],
    private readonly rules: DependencyRules,
    /** `events` is the caller's scratch list: {@link rest} copies it even when nothing was consumed. */
    private readonly borrowed = false,
  ) {
    const n = events.length;
    if (removedScratch.length < n) removedScratch = new Uint8Array(2 * n);
    if (n <= MEMO_MAX && depScratch.length < n * n) {
      depScratch = new Uint8Array(4 * n * n);
      depStamp = new Uint32Array(4 * n * n);
    }
    this.removed = removedScratch;
    this.removed.fill(0, 0, n);
    this.remaining = n;
    this.memo = n <= MEMO_MAX;
    this.dep = depScratch;
    if (!this.memo) return;
    if (++stamp === 0xffff_ffff) {
      depStamp.fill(0);
      stamp = 1;
    }
  }

  private depends(y: number, x: number): boolean {
    if (!this.memo) return dependent(this.events[y]!, this.events[x]!, this.rules);
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
    if (!this.memo) {
      const index = this.sequenceIndex();
      let i = index.heads.get(thread) ?? -1;
      while (i >= 0 && removed[i] !== 0) i = index.next[i]!;
      if (i >= 0) index.heads.set(thread, i);
      return i;
    }
    for (let i = 0; i < events.length; i++) if (removed[i] === 0 && events[i]!.thread === thread) return i;
    return -1;
  }

  private hasPredecessor(x: number): boolean {
    if (!this.memo) return this.dependsOnRemaining(this.events[x]!, x);
    for (let y = 0; y < x; y++) if (!this.removed[y] && this.depends(y, x)) return true;
    return false;
  }

  /**
   * For a long sequence: whether a remaining step before `end` is dependent on `e`. Only the
   * steps on `e`'s object, the steps with order edges (spawn, join, exit, several objects,
   * the virtual clock), and the steps of the threads `e` starts or joins can be; a step of the
   * kind that reaches every other is checked against every step. `e`'s own thread has no remaining step before
   * `end`: `e` is either that thread's first remaining step or the thread has none.
   */
  private dependsOnRemaining(e: EventInfo, end: number): boolean {
    const { events, removed, rules } = this;
    const index = this.sequenceIndex();
    const at = (y: number): boolean => removed[y] === 0 && dependent(events[y]!, e, rules);
    if (reachesAll(e)) {
      for (let y = 0; y < end; y++) if (at(y)) return true;
      return false;
    }
    const threadSteps = (thread: number): boolean => {
      for (let y = index.heads.get(thread) ?? -1; y >= 0 && y < end; y = index.next[y]!) if (at(y)) return true;
      return false;
    };
    if (e.spawned >= 0 && threadSteps(e.spawned)) return true;
    if (e.joins >= 0 && threadSteps(e.joins)) return true;
    const any = (steps: readonly number[] | undefined): boolean => {
      if (steps !== undefined) for (const y of steps) if (y >= end) break; else if (at(y)) return true;
      return false;
    };
    const obj = objectOf(e, rules);
    if (obj !== undefined && any(index.byObject.get(obj))) return true;
    return any(index.towards.get(e.thread)) || any(index.everyone);
  }

  /** The index of a long sequence, built on first use (many sequences are inserted without a lookup). */
  private sequenceIndex(): SequenceIndex {
    this.index ??= indexOf(this.events, this.rules);
    return this.index;
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
    if (!this.memo) return this.dependsOnRemaining(e, this.events.length) ? undefined : -1;
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

  /** The remaining steps in order (the sequence's own array when none was consumed: it is not copied). */
  rest(): readonly EventInfo[] {
    if (this.remaining === this.events.length && !this.borrowed) return this.events;
    const out: EventInfo[] = [];
    for (let i = 0; i < this.events.length; i++) if (this.removed[i] === 0) out.push(this.events[i]!);
    return out;
  }
}

/** Where a long sequence's steps are, so that a lookup visits only the steps that matter. */
interface SequenceIndex {
  /** First step of each thread not yet known to be consumed (advanced lazily). */
  readonly heads: Map<number, number>;
  /** next[i]: the following step of step i's thread, or -1. */
  readonly next: Int32Array;
  /** Steps by the object through which they conflict, ascending. */
  readonly byObject: Map<string, number[]>;
  /** Steps with an order edge to every step of one thread (its spawn, its joins), by that thread, ascending. */
  readonly towards: Map<number, number[]>;
  /** Steps that can depend on any step ({@link reachesAll}), ascending. */
  readonly everyone: number[];
}

/** Steps that can depend on a step of any object: exits, ops on several objects, and steps ordered by the virtual clock. */
function reachesAll(e: EventInfo): boolean {
  return e.kind === 'exit' || e.objs !== undefined || e.timed === CLOCK;
}

/**
 * The index of a sequence: the order edges of `orderEdge` and the daemon rule of `conflict`
 * (both in events.ts) decide which steps can depend on a step of another object.
 */
function indexOf(events: readonly EventInfo[], rules: DependencyRules): SequenceIndex {
  const heads = new Map<number, number>();
  const next = new Int32Array(events.length).fill(-1);
  const lastOf = new Map<number, number>();
  const byObject = new Map<string, number[]>();
  const towards = new Map<number, number[]>();
  const everyone: number[] = [];
  const add = <K>(map: Map<K, number[]>, key: K, i: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const before = lastOf.get(e.thread);
    if (before === undefined) heads.set(e.thread, i);
    else next[before] = i;
    lastOf.set(e.thread, i);
    if (reachesAll(e)) everyone.push(i);
    if (e.spawned >= 0) add(towards, e.spawned, i);
    if (e.joins >= 0 && e.joins !== e.spawned) add(towards, e.joins, i);
    const obj = objectOf(e, rules);
    if (obj !== undefined) add(byObject, obj, i);
  }
  return { heads, next, byObject, towards, everyone };
}

/**
 * Insert `seq` into the tree whose root children are `roots`, unless a branch covers it.
 * Returns true when the tree grew.
 */
export function insertSequence(roots: WakeupNode[], seq: WakeupSequence): boolean {
  let children = roots;
  let atRoot = true;
  let open: WakeupNode | undefined;
  for (;;) {
    if (!atRoot && seq.empty) return false;
    if (!atRoot && children.length === 0) {
      if (open === undefined) return false;
      open.open = false;
      children.push(chainNode(seq.rest(), 0));
      return true;
    }
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
      children.push(chainNode(rest, 0));
      return true;
    }
    children = childrenOf(next);
    open = next.open ? next : undefined;
    atRoot = false;
  }
}

/**
 * Insert `seq` at a state whose sleep set is `sleep` and whose wakeup tree's root children are
 * `roots`, unless a sleeping step is a weak initial of it (an equivalent execution has been
 * explored from there). Returns true when the tree grew.
 */
export function insertAtState(sleep: readonly EventInfo[], roots: WakeupNode[], seq: WakeupSequence): boolean {
  for (const q of sleep) if (seq.weakInitial(q) !== undefined) return false;
  return insertSequence(roots, seq);
}
