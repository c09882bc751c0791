/**
 * Python's exception classes as the models raise them. Each carries `pyType`, the name
 * Python prints (`RuntimeError: release unlocked lock`), and subclasses follow Python's
 * hierarchy where programs catch by base class (BrokenBarrierError is a RuntimeError).
 */

/** Base of every Python exception a model raises. */
export class PythonError extends Error {
  /**
   * The exception's Python type name, as tracebacks print it. Declared and assigned, not a
   * class field: eleven subclasses share this constructor, and defining a field on that many
   * shapes takes V8's slow path (see one-step.ts).
   */
  declare readonly pyType: string;
  constructor(pyType: string, message: string) {
    super(message);
    this.pyType = pyType;
    this.name = pyType;
  }
}

/** Python's `RuntimeError`. */
export class RuntimeError extends PythonError {
  constructor(message: string, pyType = 'RuntimeError') {
    super(pyType, message);
  }
}

/** Python's `ValueError`. */
export class ValueError extends PythonError {
  constructor(message: string) {
    super('ValueError', message);
  }
}

/** Python's `TypeError` (named so it does not shadow JavaScript's own). */
export class PythonTypeError extends PythonError {
  constructor(message: string) {
    super('TypeError', message);
  }
}

/** Python's `TimeoutError` (also `concurrent.futures.TimeoutError` since 3.11). */
export class TimeoutError extends PythonError {
  constructor(message = '') {
    super('TimeoutError', message);
  }
}

/** `concurrent.futures.thread.BrokenThreadPool`: a worker's initializer raised. */
export class BrokenThreadPool extends PythonError {
  constructor(message: string) {
    super('concurrent.futures.thread.BrokenThreadPool', message);
  }
}

/** `concurrent.futures.CancelledError` (printed with its module, as CPython's traceback does). */
export class CancelledError extends PythonError {
  constructor(message = '') {
    super('concurrent.futures._base.CancelledError', message);
  }
}

/** `threading.BrokenBarrierError`, a RuntimeError as in CPython. */
export class BrokenBarrierError extends RuntimeError {
  constructor(message = '') {
    super(message, 'threading.BrokenBarrierError');
  }
}

/** `queue.Empty` (CPython prints it as `_queue.Empty`: it comes from the C module). */
export class Empty extends PythonError {
  constructor(message = '') {
    super('_queue.Empty', message);
  }
}

/** `queue.Full`. */
export class Full extends PythonError {
  constructor(message = '') {
    super('queue.Full', message);
  }
}

/** Python's `AttributeError`. */
export class AttributeError extends PythonError {
  constructor(message: string) {
    super('AttributeError', message);
  }
}

/** `concurrent.futures.InvalidStateError` (printed with its module, as CPython's traceback does). */
export class InvalidStateError extends PythonError {
  constructor(message: string) {
    super('concurrent.futures._base.InvalidStateError', message);
  }
}

/** Python's `SystemExit`: ends a thread silently. */
export class SystemExit extends PythonError {
  constructor(message = '') {
    super('SystemExit', message);
  }
}

/** Raise a Python exception of any type by name, e.g. `pyError('KeyError', "'x'")`. */
export function pyError(pyType: string, message: string): PythonError {
  return new PythonError(pyType, message);
}
