/** The register of docs/property-testing.md (the docs import it from threadsim). */
import fc from 'fast-check';
import { linearizable, operation, shared, type Shared, type Subject } from 'threadsim';

interface Register {
  readonly cell: Shared<{ value: number }>;
}

/** getAndSet(x) stores x and returns the old value: no lock. */
const register: Subject<Register, number> = {
  name: 'Register',
  *create() {
    return { cell: shared('register', { value: 0 }) };
  },
  initial: 0,
  operations: [
    operation<Register, number, number>({
      name: 'getAndSet',
      arg: fc.integer({ min: 1, max: 9 }),
      *run(r, x) {
        const old = yield* r.cell.get('value');
        yield* r.cell.set('value', x);
        return old;
      },
      spec: (value, x) => ({ state: x, result: value }),
    }),
  ],
};

/** The property the docs assert. */
export const registerProperty = linearizable(register);
