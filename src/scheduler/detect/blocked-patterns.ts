/**
 * Names the pattern behind a deadlock without a wait-for cycle, from the history of sync ops
 * on the object a blocked thread waits on (ops only, as every analysis here):
 * - check-then-act: the thread looked at the object (an `empty()`, a `qsize()`, any op of
 *   another kind), another thread then changed it, and the action the check guarded now
 *   blocks for ever;
 * - order violation: the thread waits on a Condition whose last notify came before this
 *   thread began to wait and woke nobody, and no notify came since (a notify with no waiter
 *   is lost);
 * - lost wake-up: the thread waits on a Condition whose last notify woke a thread that went
 *   straight back to waiting while others, this one perhaps, stayed asleep (`wake-ups.ts`).
 */
import type { BlockedThread } from '../monitor.js';
import type { WakeUps } from './wake-ups.js';
import { pyValue } from './describe.js';

/** One sync step on an object, as the history keeps it. */
export interface SyncEntry {
  readonly step: number;
  readonly thread: number;
  readonly kind: string;
  readonly result: unknown;
}

/** How many sync steps per object the history keeps (the recent past is what matters). */
const KEEP = 64;

/** Recent sync steps per object. */
export class SyncHistory {
  private readonly byObject = new Map<string, SyncEntry[]>();

  add(obj: string, entry: SyncEntry): void {
    let list = this.byObject.get(obj);
    if (list === undefined) this.byObject.set(obj, (list = []));
    list.push(entry);
    if (list.length > KEEP * 2) list.splice(0, list.length - KEEP);
  }

  of(obj: string): readonly SyncEntry[] {
    return this.byObject.get(obj) ?? [];
  }
}

/** A named pattern and the sentence that explains it, or undefined. */
export function blockedPattern(
  b: BlockedThread,
  blocked: readonly BlockedThread[],
  history: SyncHistory,
  wakeUps: WakeUps,
  name: (t: number) => string,
): { pattern: string; line: string } | undefined {
  const op = b.op;
  if (op === undefined || op.obj === undefined) return undefined;
  const log = history.of(op.obj);
  if (op.kind === 'wait') {
    const mine = lastIndex(log, (e) => e.thread === b.thread && e.kind === 'wait');
    const start = mine >= 0 ? log[mine]!.step : Infinity;
    // Lost: the last notify before the wait woke nobody, and none came after the wait began.
    const lost = findLast(log, (e) => e.thread !== b.thread && e.kind === 'notify' && e.step < start);
    const later = log.some((e) => e.kind === 'notify' && e.step > start);
    if (lost !== undefined && lost.result === 0 && !later) {
      return {
        pattern: 'order violation',
        line: `order violation on ${op.obj}: ${name(lost.thread)} notified it at step ${lost.step}, before ${b.name} began to wait${Number.isFinite(start) ? ` at step ${start}` : ''}; a notify with no waiter is lost, so nothing will wake ${b.name}. Check the condition in a loop (wait_for) under the lock before waiting.`,
      };
    }
    const wasted = wakeUps.lastWasted(op.obj);
    // Only a wake-up that passed over a thread still waiting here now can explain this deadlock.
    const stillWaiting = new Set(blocked.filter((x) => x.op?.kind === 'wait' && x.op.obj === op.obj).map((x) => x.thread));
    const passed = wasted?.passedOver.filter((t) => stillWaiting.has(t)) ?? [];
    if (wasted === undefined || passed.length === 0) return undefined;
    const others = passed.map(name);
    return {
      pattern: 'lost wake-up',
      line:
        `lost wake-up on ${op.obj}: ${name(wasted.notifier)}'s notify at step ${wasted.notifyStep} woke ${name(wasted.woken)}, which found nothing it could do and waited again at step ${wasted.rewaitStep}, ` +
        `while ${joinNames(others)} ${others.length === 1 ? 'was' : 'were'} left waiting, and still ${others.length === 1 ? 'waits' : 'wait'}. notify() wakes one waiter, whichever waited longest, not one that can go on: wake them all with notify_all(), or give each kind of waiter its own Condition.`,
    };
  }
  const check = lastIndex(log, (e) => e.thread === b.thread && e.kind !== op.kind);
  if (check < 0) return undefined;
  const c = log[check]!;
  const change = log.slice(check + 1).find((e) => e.thread !== b.thread && e.kind === op.kind);
  if (change === undefined) return undefined;
  return {
    pattern: 'check-then-act',
    line: `check-then-act on ${op.obj}: ${b.name} checked it at step ${c.step} (${c.kind} → ${pyValue(c.result)}), ${name(change.thread)}'s ${change.kind} at step ${change.step} changed it, and ${b.name}'s ${op.kind} that the check guarded now waits for ever. Make the check and the action one step (a non-blocking call with its exception, or a lock held around both).`,
  };
}

/** `a`, `a and b`, `a, b and c`. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

function lastIndex<T>(list: readonly T[], p: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (p(list[i]!)) return i;
  return -1;
}

function findLast<T>(list: readonly T[], p: (x: T) => boolean): T | undefined {
  const i = lastIndex(list, p);
  return i < 0 ? undefined : list[i];
}
