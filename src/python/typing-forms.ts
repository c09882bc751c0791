/**
 * Type hints as values: what `List[int]`, `Optional[str]`, `list[int]` and `TypeVar('T')`
 * evaluate to. CPython evaluates a function's annotations when the `def` runs (3.11), so a
 * program with type hints needs them to exist and to be subscriptable; they mean nothing to
 * the run beyond that, and print as CPython prints them (`typing.Dict[str, typing.List[int]]`).
 */
import { reprValue } from './format.js';
import { ELLIPSIS, PyClass, PyList, PyTuple } from './values.js';

/** A `typing` special form or a parameterised alias (`typing.List`, `typing.List[int]`, `list[int]`). */
export class TypingForm {
  constructor(
    /** As printed: `typing.List`, or `list` for a built-in class's alias. */
    readonly name: string,
    /** The parameters once subscripted. */
    readonly args: readonly unknown[] | undefined = undefined,
  ) {}

  /** `form[key]`: CPython's subscription, with `Optional` and `Union` normalised as typing does. */
  subscript(key: unknown): TypingForm | unknown {
    const args = paramsOf(key);
    if (this.name === 'typing.Optional') return unionOf([...args, null]);
    if (this.name === 'typing.Union') return unionOf(args);
    return new TypingForm(this.name, args);
  }

  toString(): string {
    if (this.args === undefined) return this.name;
    if (this.name === 'typing.Union' && this.args.length === 2 && this.args.includes(null)) {
      return `typing.Optional[${typeRepr(this.args.find((a) => a !== null))}]`;
    }
    return `${this.name}[${this.args.map(typeRepr).join(', ')}]`;
  }
}

/** `TypeVar('T')`: prints `~T`. */
export class TypeVariable {
  constructor(readonly name: string) {}
  toString(): string {
    return `~${this.name}`;
  }
}

/** `Union[...]` flattened and without repeats; one member is that member itself. */
function unionOf(args: unknown[]): unknown {
  const flat: unknown[] = [];
  for (const a of args) {
    const members = a instanceof TypingForm && a.name === 'typing.Union' && a.args !== undefined ? a.args : [a];
    for (const m of members) if (!flat.some((x) => x === m)) flat.push(m);
  }
  return flat.length === 1 ? flat[0] : new TypingForm('typing.Union', flat);
}

/** A type parameter as typing prints it: `int`, `__main__.Job`, `typing.List[int]`, `NoneType`, `...`. */
function typeRepr(v: unknown): string {
  if (v === null) return 'NoneType';
  if (v === ELLIPSIS) return '...';
  if (typeof v === 'string') return `ForwardRef(${reprValue(v)})`;
  if (v instanceof PyClass) return reprValue(v).replace(/^<class '(.*)'>$/, '$1');
  if (v instanceof PyList) return `[${v.items.map(typeRepr).join(', ')}]`;
  return String(v);
}

/** Built-in classes that CPython 3.9+ lets a program subscript (`list[int]`). */
const GENERIC_BUILTINS = new Set(['list', 'dict', 'tuple', 'set', 'frozenset', 'type']);

/** `cls[key]` for a built-in class (`list[int]`), or undefined when CPython would raise. */
export function builtinAlias(cls: PyClass, key: unknown): TypingForm | undefined {
  if (cls.module !== '' || !GENERIC_BUILTINS.has(cls.name)) return undefined;
  return new TypingForm(cls.name, paramsOf(key));
}

/** The parameters of `form[key]`: a tuple's items (`Dict[str, int]`), else the key itself (`Tuple[()]` keeps its `()`). */
function paramsOf(key: unknown): unknown[] {
  return key instanceof PyTuple && key.items.length > 0 ? [...key.items] : [key];
}
