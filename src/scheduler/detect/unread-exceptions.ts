/**
 * Swallowed exceptions: a future completed with an exception (its completing op carries
 * `Op.error`) that no thread ever asked for with `result()` or `exception()` (a `result` op on
 * it that did not time out). Python prints nothing for such a future, so the error vanishes;
 * the run reports it, as asyncio does for a task whose exception was never retrieved.
 */
import type { UnreadExceptionFailure } from '../failures.js';
import type { Op } from '../ops.js';

interface Unread {
  readonly future: string;
  readonly step: number;
  readonly thread: number;
  /** The call that raised, as the completing op names it (`parse('n/a')`), if it does. */
  readonly task: string | undefined;
  /** The completing op: its `error` is read at the end (a done-callback may have seen it since). */
  readonly op: Op;
}

/** Futures that hold an exception nobody has read yet, by future name. */
export class UnreadExceptions {
  private readonly unread = new Map<string, Unread>();

  /** After a sync op that ran without raising. */
  onSync(op: Op, thread: number, step: number, timedOut: boolean): void {
    if (op.kind === 'set' && 'error' in op && op.obj !== undefined) {
      const task = typeof op.value === 'string' && op.value !== 'set_exception' ? op.value : undefined;
      this.unread.set(op.obj, { future: op.obj, step, thread, task, op });
    } else if (op.kind === 'result' && !timedOut && this.unread.size > 0) {
      if (op.obj !== undefined) this.unread.delete(op.obj);
      for (const o of op.objs ?? []) this.unread.delete(o);
    }
  }

  /** One failure per future whose exception was never read, in the order they completed. */
  failures(name: (thread: number) => string): UnreadExceptionFailure[] {
    const found: UnreadExceptionFailure[] = [];
    for (const u of this.unread.values()) {
      const error = u.op.error;
      if (error === undefined) continue;
      const how =
        u.task === undefined
          ? `${u.future} was given ${error} by ${name(u.thread)}'s set_exception() at step ${u.step}`
          : `the task ${u.task} (${u.future}) raised ${error} in ${name(u.thread)} at step ${u.step}`;
      const fix = u.task === undefined ? 'Read the future (result() re-raises its exception).' : 'Read every future (result() re-raises its exception), or iterate executor.map(), which does.';
      found.push({
        kind: 'unread-exception',
        pattern: 'swallowed exception',
        future: u.future,
        thread: name(u.thread),
        step: u.step,
        error,
        message: `swallowed exception: ${how}, and no thread called result() or exception() on ${u.future}, so the error vanished without a word. ${fix}`,
      });
    }
    return found;
  }
}
