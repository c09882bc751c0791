/**
 * Which synchronisation each op performs, read from its data only (`kind`, `access`, the
 * result and whether it timed out or raised), so the rules hold for every model, including
 * models written after them.
 *
 * - `send`: the op publishes everything its thread did so far to its object (a lock release,
 *   an event set, a queue put, a notify, a future's completion, an executor submit);
 * - `receive`: the op takes in everything published to its object (a successful acquire, a
 *   get, a future's result);
 * - `both`: a `sync` op whose meaning threadsim does not know: ordered with every other sync
 *   op on the object (conservative: it can only hide a race, never invent one);
 * - `none`: no ordering (a failed or timed-out acquire, a get that raised `Empty`).
 *
 * Thread start and join are handled apart from these roles: a step that starts a thread
 * hands its clock to the child, and a `join` that returns (not timed out) takes in the
 * joined thread's final clock.
 */
import type { Op } from '../ops.js';

/** The synchronisation an op performs. */
export const enum Role {
  None = 0,
  Send = 1,
  Receive = 2,
  Both = 3,
}

const SEND_KINDS: ReadonlySet<string> = new Set(['release', 'set', 'notify', 'submit', 'shutdown', 'put']);
const RECEIVE_KINDS: ReadonlySet<string> = new Set(['acquire', 'get', 'result']);

/**
 * The role of an executed sync op. `result` is what the op returned, `failed` is true when
 * it raised or timed out: a failed op orders nothing, except that an unknown kind stays
 * conservative.
 */
export function roleOf(op: Op, result: unknown, failed: boolean): Role {
  const kind = op.kind;
  if (SEND_KINDS.has(kind)) return failed ? Role.None : Role.Send;
  if (RECEIVE_KINDS.has(kind)) return failed || result === false ? Role.None : Role.Receive;
  // A wait returns after a notify / set / barrier trip (receive) and, for a barrier, is the
  // arrival the other parties wait for (send). A timed-out wait (`False`) received nothing.
  if (kind === 'wait') return failed || result === false ? Role.Send : Role.Both;
  if (kind === 'spawn') return Role.None;
  if (kind === 'join' && op.thread !== undefined) return Role.None;
  return Role.Both;
}
