/**
 * Python exceptions inside the interpreter. A raised exception travels as a JavaScript
 * {@link PythonError} (what the engine and the models already print and catch) carrying the
 * Python exception object (`pyValue`) and the traceback frames it crossed (`pyFrames`).
 * Exceptions the models raise (`RuntimeError: release unlocked lock`) get their Python object
 * when the program first catches or inspects them.
 */
import { PythonError } from '../models/exceptions.js';
import { PyClass, PyInstance, PyTuple } from './values.js';

/** A frame line of a traceback: `File "race.py", line 12, in update`. */
export interface Frame {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly code: string;
}

/** What the interpreter attaches to a JavaScript error it raises or sees pass. */
export interface Carried {
  pyValue?: PyInstance;
  pyFrames?: Frame[];
}

const classes = new Map<string, PyClass>();

function define(name: string, base: PyClass | undefined, module = ''): PyClass {
  const c = new PyClass(name, base, new Map(), module);
  classes.set(module + name, c);
  return c;
}

/** The built-in exception classes, by the name Python prints (`ValueError`, `threading.BrokenBarrierError`). */
export const BaseException = define('BaseException', undefined);
export const SystemExit = define('SystemExit', BaseException);
export const KeyboardInterrupt = define('KeyboardInterrupt', BaseException);
define('GeneratorExit', BaseException);
export const Exception = define('Exception', BaseException);
const ArithmeticError = define('ArithmeticError', Exception);
define('ZeroDivisionError', ArithmeticError);
define('OverflowError', ArithmeticError);
define('AssertionError', Exception);
define('AttributeError', Exception);
const LookupError = define('LookupError', Exception);
define('IndexError', LookupError);
define('KeyError', LookupError);
const NameError = define('NameError', Exception);
define('UnboundLocalError', NameError);
const ImportError = define('ImportError', Exception);
define('ModuleNotFoundError', ImportError);
const RuntimeError = define('RuntimeError', Exception);
define('RecursionError', RuntimeError);
define('NotImplementedError', RuntimeError);
define('TypeError', Exception);
define('ValueError', Exception);
define('StopIteration', Exception);
const OSError = define('OSError', Exception);
define('TimeoutError', OSError);
define('BrokenBarrierError', RuntimeError, 'threading.');
define('Empty', Exception, '_queue.');
define('Full', Exception, 'queue.');
define('CancelledError', define('Error', Exception, 'concurrent.futures._base.'), 'concurrent.futures._base.');
define('InvalidStateError', classes.get('concurrent.futures._base.Error')!, 'concurrent.futures._base.');
define('BrokenExecutor', RuntimeError, 'concurrent.futures.thread.');
define('FrozenInstanceError', classes.get('AttributeError')!, 'dataclasses.');

/** A built-in exception class by its printed name. */
export function exceptionClass(printed: string): PyClass | undefined {
  return classes.get(printed);
}

/** The printed name of a class (`threading.BrokenBarrierError`, `ValueError`, `MyError`). */
export function printedName(c: PyClass): string {
  return c.module + c.name;
}

/** The Python exception object of a thrown value, made (and remembered) on first use. */
export function pyValueOf(e: unknown, strOf: (v: unknown) => string): PyInstance {
  const carried = e as Carried;
  if (carried.pyValue !== undefined) return carried.pyValue;
  let cls = Exception;
  let message = String(e);
  if (e instanceof PythonError) {
    cls = exceptionClass(e.pyType) ?? define(e.pyType.split('.').pop()!, Exception, e.pyType.includes('.') ? e.pyType.slice(0, e.pyType.lastIndexOf('.') + 1) : '');
    message = e.message;
  } else if (e instanceof RangeError && /call stack/.test(e.message)) {
    cls = classes.get('RecursionError')!;
    message = 'maximum recursion depth exceeded';
  } else if (e instanceof Error) {
    message = `${e.name}: ${e.message}`;
  }
  const inst = new PyInstance(cls, cls.name);
  inst.dict.set('args', new PyTuple(message === '' ? [] : [message]));
  if (typeof e === 'object' && e !== null) carried.pyValue = inst;
  void strOf;
  return inst;
}

/** The JavaScript error that carries `inst` when the program raises it. */
export function raiseable(inst: PyInstance, message: string): PythonError & Carried {
  const err = new PythonError(printedName(inst.cls), message) as PythonError & Carried;
  err.pyValue = inst;
  return err;
}

/** Build and return the error for `raise ClassName(message)` of a built-in class. */
export function pyRaise(printed: string, message: string): PythonError & Carried {
  const cls = exceptionClass(printed) ?? Exception;
  const inst = new PyInstance(cls, cls.name);
  inst.dict.set('args', new PyTuple(message === '' ? [] : [message]));
  return raiseable(inst, message);
}

/** True when `e` is an exception of class `cls` (or a subclass). */
export function isInstanceOfClass(inst: PyInstance, cls: PyClass): boolean {
  return inst.cls.isSubclassOf(cls);
}
