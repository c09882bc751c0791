import { program, type Program } from '../../scheduler/program.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';

/**
 * zoo/lock-order-inversion: two transfers between accounts `a` and `b`, each holding both
 * accounts' locks, run at once in opposite directions. The buggy version locks the source
 * account first, so each transfer can hold one lock and wait for the other: a deadlock. The
 * fixed twin always locks the accounts in one global order (by name).
 */
export function lockOrder(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/lock-order-inversion-fixed' : 'zoo/lock-order-inversion',
    function* main() {
      const bank = shared('bank', { a: 100, b: 100 });
      const locks = { a: new Lock({ name: 'lock_a' }), b: new Lock({ name: 'lock_b' }) };
      function* transfer(source: 'a' | 'b', target: 'a' | 'b', amount: number) {
        const [first, second] = fixed ? ([source, target].sort() as ('a' | 'b')[]) : [source, target];
        yield* locks[first!].with(function* () {
          yield* logging.info('Transfer %s->%s: locked %s', source, target, first);
          yield* locks[second!].with(function* () {
            yield* bank.set(source, (yield* bank.get(source)) - amount);
            yield* bank.set(target, (yield* bank.get(target)) + amount);
          });
        });
        yield* logging.info('Transfer %s->%s: moved %d', source, target, amount);
      }
      const t1 = new Thread({ target: transfer, args: ['a', 'b', 10] as ['a', 'b', number] });
      const t2 = new Thread({ target: transfer, args: ['b', 'a', 20] as ['b', 'a', number] });
      yield* t1.start();
      yield* t2.start();
      yield* t1.join();
      yield* t2.join();
      yield* logging.info('Main    : a=%d b=%d', yield* bank.get('a'), yield* bank.get('b'));
    },
    {
      description: fixed
        ? 'Both transfers lock the accounts in the same order: no deadlock.'
        : 'Two transfers lock two accounts in opposite orders: a deadlock.',
      claims: { 'money is conserved': (s) => (s.bank?.a as number) + (s.bank?.b as number) === 200 || `a + b is ${String((s.bank?.a as number) + (s.bank?.b as number))}` },
    },
  );
}

export default lockOrder(false);
