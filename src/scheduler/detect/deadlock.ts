/**
 * Deadlock explanation: the wait-for graph of the blocked threads, built from the ops they
 * wait to run and the lock holdings derived from earlier ops. A thread waiting to `acquire`
 * an object waits for its holders; a `join` waits for the joined thread; MainThread's
 * interpreter `exit` waits for every other non-daemon thread. A cycle in that graph is the
 * deadlock's cause; without one, each blocked thread is listed with what it waits for.
 */
import type { BlockedThread, DeadlockExplanation } from '../monitor.js';
import type { Holdings } from './holdings.js';

/** Explain a deadlock from the blocked threads and who holds what. */
export function explainDeadlock(blocked: readonly BlockedThread[], holdings: Holdings): DeadlockExplanation {
  const byIndex = new Map(blocked.map((b) => [b.thread, b]));
  const waitsOn = (b: BlockedThread): number[] => {
    const op = b.op;
    if (op === undefined) return [];
    if (op.kind === 'acquire' && op.obj !== undefined) return holdings.holdersOf(op.obj);
    if (op.kind === 'join' && op.thread !== undefined) return [op.thread];
    if (op.kind === 'exit') return blocked.filter((o) => o.thread !== b.thread && !o.daemon).map((o) => o.thread);
    return [];
  };
  const cycle = findCycle(blocked.map((b) => b.thread), (t) => waitsOn(byIndex.get(t)!).filter((u) => byIndex.has(u)));
  if (cycle !== undefined) {
    const lines = cycle.map((t, i) => sentence(byIndex.get(t)!, cycle[(i + 1) % cycle.length]!, holdings, byIndex));
    const locks = new Set(cycle.map((t) => byIndex.get(t)!.op).filter((op) => op?.kind === 'acquire').map((op) => op!.obj));
    return { cycle: true, lines, ...(locks.size >= 2 ? { pattern: 'lock-order inversion' } : {}) };
  }
  const lines = blocked.map((b) => {
    const held = holdings.heldBy(b.thread);
    const holds = held.length === 0 ? '' : `holds ${held.join(', ')} and `;
    return `${b.name} ${holds}waits for ${b.waitsFor}, and no thread that could end the wait can run`;
  });
  return { cycle: false, lines };
}

function sentence(b: BlockedThread, next: number, holdings: Holdings, byIndex: ReadonlyMap<number, BlockedThread>): string {
  const held = holdings.heldBy(b.thread);
  const holds = held.length === 0 ? '' : `holds ${held.join(', ')} and `;
  const op = b.op!;
  const other = byIndex.get(next)?.name ?? `#${next}`;
  let what: string;
  if (op.kind === 'acquire') {
    what = next === b.thread ? `${op.obj}, which it holds itself (it is not re-entrant)` : `${op.obj}, held by ${other}`;
  } else if (op.kind === 'join') {
    what = `${other} to finish (join)`;
  } else {
    what = `${other} to finish (non-daemon threads are joined at interpreter exit)`;
  }
  return `${b.name} ${holds}waits for ${what}`;
}

/** The first cycle in the graph (as a list of nodes), searching from nodes in order. */
function findCycle(nodes: readonly number[], next: (n: number) => number[]): number[] | undefined {
  const state = new Map<number, number>(); // 1 on the path, 2 done
  const path: number[] = [];
  const visit = (n: number): number[] | undefined => {
    state.set(n, 1);
    path.push(n);
    for (const m of next(n)) {
      const s = state.get(m);
      if (s === 1) return path.slice(path.indexOf(m));
      if (s === undefined) {
        const found = visit(m);
        if (found !== undefined) return found;
      }
    }
    path.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found !== undefined) return found;
  }
  return undefined;
}
