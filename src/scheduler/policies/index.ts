import { ThreadsimError } from '../../errors.js';
import { FifoPolicy } from './fifo.js';
import { GilPolicy } from './gil.js';
import type { Policy } from './policy.js';
import { RandomPolicy } from './random.js';
import { RoundRobinPolicy } from './round-robin.js';

/** Names of the policies a run can be asked for by name. */
export const POLICY_NAMES = ['gil', 'fifo', 'round-robin', 'random'] as const;
/** One of {@link POLICY_NAMES}. */
export type PolicyName = (typeof POLICY_NAMES)[number];

/** A fresh policy by name; throws TSIM006 for an unknown name. */
export function policyByName(name: string): Policy {
  switch (name) {
    case 'gil':
      return new GilPolicy();
    case 'fifo':
      return new FifoPolicy();
    case 'round-robin':
      return new RoundRobinPolicy();
    case 'random':
      return new RandomPolicy();
    default:
      throw new ThreadsimError('TSIM006', `unknown policy '${name}'`, `Use one of: ${POLICY_NAMES.join(', ')}.`);
  }
}

export type { Policy, SchedulingPoint } from './policy.js';
export { FifoPolicy, GilPolicy, RandomPolicy, RoundRobinPolicy };
export { ReplayPolicy } from './replay.js';
