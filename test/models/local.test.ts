import { describe, expect, it } from 'vitest';
import { local } from '../../src/models/local.js';
import { log } from '../../src/models/logging.js';
import { Thread } from '../../src/models/thread.js';
import { lines, raised, run } from './helpers.js';

// Messages and behaviour: CPython 3.11 (threading.local().x; a subclass with __init__).
describe('local', () => {
  it('reading an attribute this thread never set', () => {
    expect(raised(function* () {
      new local<{ x: number }>().get('x');
    })).toBe("AttributeError: '_thread._local' object has no attribute 'x'");
  });
  it('deleting an attribute this thread never set', () => {
    expect(raised(function* () {
      new local<{ x: number }>().delete('x');
    })).toBe("AttributeError: '_thread._local' object has no attribute 'x'");
  });
  it('a subclass name shows in the message', () => {
    expect(raised(function* () {
      new local<{ y: number }>({ className: 'L' }).get('y');
    })).toBe("AttributeError: 'L' object has no attribute 'y'");
  });

  it('values are per thread; init runs once in each thread', () => {
    const r0 = run(function* () {
      const data = new local<{ n: number }>({ init: () => ({ n: 0 }) });
      data.set('n', data.get('n') + 5);
      const seen: string[] = [];
      const t = new Thread({
        target: function* other() {
          seen.push(`other sees ${data.get('n')}`);
          data.set('n', 7);
          seen.push(`other set ${data.get('n')}`);
        },
      });
      yield* t.start();
      yield* t.join();
      yield* log(`${seen.join(', ')}, main ${data.get('n')}`);
    });
    expect(lines(r0)).toEqual(['other sees 0, other set 7, main 5']);
  });

  it('has and delete act on the current thread only', () => {
    const r0 = run(function* () {
      const data = new local<{ x: string }>();
      data.set('x', 'main');
      let other = '';
      const t = new Thread({ target: function* o() { other = `${data.has('x')}`; } });
      yield* t.start();
      yield* t.join();
      const before = data.has('x');
      data.delete('x');
      yield* log(`${other} ${before} ${data.has('x')}`);
    });
    expect(lines(r0)).toEqual(['false true false']);
  });
});
