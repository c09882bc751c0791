/** The `queue` module for `.py` programs: Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full. */
import { LifoQueue } from '../../models/lifo-queue.js';
import { PriorityQueue } from '../../models/priority-queue.js';
import { Queue } from '../../models/queue.js';
import { SimpleQueue } from '../../models/simple-queue.js';
import { exceptionClass, pyRaise } from '../exceptions.js';
import { REQUIRED } from '../args.js';
import type { InterpRef } from '../builtins.js';
import { PyHostProperty } from '../interp.js';
import { PyHostPropertySteps } from './threading.js';
import type { PyClass, PyModuleObject } from '../values.js';
import { hostOf, moduleOf, modelClass, seconds, type MethodSpec } from './host.js';

function methods(): Record<string, MethodSpec> {
  const q = (self: unknown): Queue => hostOf<Queue>(self, 'Queue');
  return {
    put: { params: [['item', REQUIRED], ['block', true], ['timeout', null]], run: (self, v) => q(self).put(v[0], v[1] as boolean, seconds(v[2])) },
    get: { params: [['block', true], ['timeout', null]], run: (self, v) => q(self).get(v[0] as boolean, seconds(v[1])) },
    put_nowait: { params: [['item', REQUIRED]], run: (self, v) => q(self).put_nowait(v[0]) },
    get_nowait: { params: [], run: (self) => q(self).get_nowait() },
    qsize: { params: [], run: (self) => q(self).qsize() },
    empty: { params: [], run: (self) => q(self).empty() },
    full: { params: [], run: (self) => q(self).full() },
    task_done: { params: [], run: (self) => q(self).task_done() },
    join: { params: [], run: (self) => q(self).join() },
  };
}

/** SimpleQueue's methods: no maxsize, full(), task_done() or join(), as CPython's. */
function simpleMethods(): Record<string, MethodSpec> {
  const q = (self: unknown): SimpleQueue => hostOf<SimpleQueue>(self, 'SimpleQueue');
  return {
    put: { params: [['item', REQUIRED], ['block', true], ['timeout', null]], run: (self, v) => q(self).put(v[0]) },
    get: { params: [['block', true], ['timeout', null]], run: (self, v) => q(self).get(v[0] as boolean, seconds(v[1])) },
    put_nowait: { params: [['item', REQUIRED]], run: (self, v) => q(self).put_nowait(v[0]) },
    get_nowait: { params: [], run: (self) => q(self).get_nowait() },
    qsize: { params: [], run: (self) => q(self).qsize() },
    empty: { params: [], run: (self) => q(self).empty() },
  };
}

/** A PriorityQueue of Python values: ordered by Python's `<`, a class's `__lt__` included (run inside the put's or get's step, as heapq runs it inside its C call). */
class PythonPriorityQueue extends PriorityQueue {
  constructor(
    maxsize: number,
    private readonly ref: InterpRef,
  ) {
    super(maxsize);
  }
  protected override less(a: unknown, b: unknown): boolean {
    return this.ref.I.lessInline(a, b);
  }
}

/** Build `queue` for one interpreter. */
export function queueModule(ref: InterpRef, registry: Map<Function, PyClass>): PyModuleObject {
  const queue = modelClass(registry, 'Queue', 'queue.', Queue, { params: [['maxsize', 0]], construct: (_s, v) => new Queue(v[0] as number) }, methods(), {
    // Fixed at construction here; CPython lets a program rebind it, which threadsim does not model.
    maxsize: new PyHostProperty((self) => hostOf<Queue>(self, 'Queue').maxsize),
    // A read of the count, as CPython's plain attribute read is (racy: it takes no lock).
    unfinished_tasks: new PyHostPropertySteps((self) => hostOf<Queue>(self, 'Queue').unfinishedTasks()),
  });
  const lifo = modelClass(registry, 'LifoQueue', 'queue.', LifoQueue, { params: [['maxsize', 0]], construct: (_s, v) => new LifoQueue(v[0] as number) }, {}, {}, queue);
  const prio = modelClass(registry, 'PriorityQueue', 'queue.', PriorityQueue, { params: [['maxsize', 0]], construct: (_s, v) => new PythonPriorityQueue(v[0] as number, ref) }, {}, {}, queue);
  // CPython's SimpleQueue is a C class of `_queue`: its calls fail with the C argument parser's messages.
  const simple = modelClass(registry, 'SimpleQueue', '_queue.', SimpleQueue, {
      params: [],
      native: true,
      rest: true,
      anyKw: true,
      construct: (_s, _v, extra, kw) => {
        // CPython's tp_new refuses arguments in its own words.
        if (extra.length > 0) throw pyRaise('TypeError', 'SimpleQueue() takes no positional arguments');
        if (kw !== undefined && kw.size > 0) throw pyRaise('TypeError', 'SimpleQueue() takes no keyword arguments');
        return new SimpleQueue();
      },
    }, simpleMethods());
  return moduleOf('queue', { Queue: queue, LifoQueue: lifo, PriorityQueue: prio, SimpleQueue: simple, Empty: exceptionClass('_queue.Empty'), Full: exceptionClass('queue.Full') });
}
