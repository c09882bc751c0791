import { Lock } from '../../../models/lock.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, type BugPair } from './pair.js';

/**
 * Check-then-act across two critical sections (an atomicity violation without a data race):
 * `n` customers each withdraw 60 from a balance of 100: under the lock they check
 * `balance >= 60`, release it, and under the lock again subtract 60. Two customers that both
 * check before either subtracts overdraw the account. Fixed: check and subtract in one
 * critical section.
 */
export function withdraw(n: number): BugPair {
  return bugPair(
    `withdraw-${n}`,
    [`${n} customers check the balance and withdraw in two critical sections: an overdraft.`, `Check and withdraw in one critical section.`],
    (fixed) =>
      function* main() {
        const acct = shared('acct', { balance: 100 });
        const lock = new Lock({ name: 'lock' });
        function* take(): Steps<void> {
          yield* acct.set('balance', (yield* acct.get('balance')) - 60);
        }
        function* customer(): Steps<void> {
          if (fixed) {
            yield* lock.with(function* () {
              if ((yield* acct.get('balance')) >= 60) yield* take();
            });
            return;
          }
          const enough = yield* lock.with(function* () {
            return (yield* acct.get('balance')) >= 60;
          });
          if (enough) yield* lock.with(take);
        }
        const ts = [];
        for (let i = 0; i < n; i++) ts.push(new Thread({ name: `customer-${i + 1}`, target: customer }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    { 'never overdrawn': (s) => (s.acct?.balance as number) >= 0 || `acct.balance is ${String(s.acct?.balance)}` },
  );
}
