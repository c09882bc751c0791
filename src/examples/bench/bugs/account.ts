import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, NOTHING_BAD, type BugPair } from './pair.js';

/**
 * Account check (the shape of SCTBench's account_bad): a depositor makes `k` deposits of 1
 * and then sets `deposited`, a withdrawer makes `k` withdrawals of 1 and then sets
 * `withdrawn`, each under the account lock. An auditor, once, under the lock: when the
 * deposits are done and the withdrawals not begun, it expects the balance to be the opening
 * balance, forgetting the deposits. Only schedules where every deposit precedes every
 * withdrawal and the audit falls between them show it: uniform random choice rarely makes
 * one thread finish before the other starts. Fixed: the audit expects opening + k.
 */
export function account(k: number): BugPair {
  return bugPair(
    `account-${k}`,
    [`${k} deposits and ${k} withdrawals under a lock; an audit between them expects the wrong balance.`, `The same audit expecting the right balance.`],
    (fixed) =>
      function* main() {
        const acct = shared('acct', { balance: 100, deposited: false, withdrawn: false, withdrawals: 0 });
        const check = shared('check', { bad: 0 });
        const lock = new Lock({ name: 'account' });
        function* deposit(): Steps<void> {
          for (let i = 0; i < k; i++) yield* lock.with(function* () {
            yield* acct.set('balance', (yield* acct.get('balance')) + 1);
          });
          yield* lock.with(function* () {
            yield* acct.set('deposited', true);
          });
        }
        function* withdraw(): Steps<void> {
          for (let i = 0; i < k; i++) yield* lock.with(function* () {
            yield* acct.set('balance', (yield* acct.get('balance')) - 1);
            yield* acct.set('withdrawals', (yield* acct.get('withdrawals')) + 1);
          });
          yield* lock.with(function* () {
            yield* acct.set('withdrawn', true);
          });
        }
        function* audit(): Steps<void> {
          yield* lock.with(function* () {
            if ((yield* acct.get('deposited')) && (yield* acct.get('withdrawals')) === 0) {
              const expected = fixed ? 100 + k : 100;
              if ((yield* acct.get('balance')) !== expected) yield* check.set('bad', 1);
            }
          });
        }
        const ts = [new Thread({ name: 'auditor', target: audit }), new Thread({ name: 'depositor', target: deposit }), new Thread({ name: 'withdrawer', target: withdraw })];
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    NOTHING_BAD,
  );
}
