/**
 * Type hints as values: what `List[int]`, `Optional[str]`, `list[int]` and `TypeVar('T')`
 * evaluate to. CPython evaluates a function's annotations when the `def` runs (3.11), so a
 * program with type hints needs them to exist and to be subscriptable; they mean nothing to
 * the run beyond that, and print as CPython prints them (`typing.Dict[str, typing.List[int]]`).
 */
import { pyRaise } from './exceptions.js';
import { reprValue } from './format.js';
import { ELLIPSIS, PyClass, PyList, PyTuple } from './values.js';

/**
 * How many parameters each of typing's generic aliases takes (CPython 3.11's typing.py makes
 * them with `_alias(origin, nparams)`); 0 for the ones that are not generic (`Hashable`).
 * `Tuple`, `Callable` and the special forms (`Optional`, `Union`, ...) are not among them.
 */
const GENERIC_ARITY: ReadonlyMap<string, number> = new Map(
  Object.entries({
    Hashable: 0, Sized: 0, Awaitable: 1, Coroutine: 3, AsyncIterable: 1, AsyncIterator: 1, Iterable: 1, Iterator: 1, Reversible: 1,
    Container: 1, Collection: 1, AbstractSet: 1, MutableSet: 1, Mapping: 2, MutableMapping: 2, Sequence: 1, MutableSequence: 1,
    List: 1, Deque: 1, Set: 1, FrozenSet: 1, KeysView: 1, ItemsView: 2, ValuesView: 1, ContextManager: 1, AsyncContextManager: 1,
    Dict: 2, DefaultDict: 2, OrderedDict: 2, Counter: 1, ChainMap: 2, Generator: 3, AsyncGenerator: 2, Type: 1, Pattern: 1, Match: 1,
  }).map(([k, n]) => [`typing.${k}`, n]),
);

/** typing's special forms that typing's `_type_check` refuses unsubscripted as a parameter (`List[Optional]`). */
const PLAIN_FORM_REFUSED = new Set(['Union', 'Optional', 'ClassVar', 'Final', 'Literal', 'Annotated', 'Concatenate', 'TypeGuard'].map((k) => `typing.${k}`));

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
    const arity = GENERIC_ARITY.get(this.name);
    if (arity !== undefined) return this.generic(key, arity);
    const args = paramsOf(key);
    if (this.name === 'typing.Optional') return unionOf([...args, null]);
    if (this.name === 'typing.Union') return unionOf(args);
    return new TypingForm(this.name, args);
  }

  /**
   * `List[int]`, `Dict[str, int]`: typing's `_SpecialGenericAlias.__getitem__`, with its
   * TypeErrors for a parameter that is not a type (a tuple, a plain `Optional`), for the wrong
   * number of parameters, and for subscripting an alias that has its parameters already.
   */
  private generic(key: unknown, arity: number): TypingForm {
    const params = key instanceof PyTuple ? [...key.items] : [key];
    if (this.args !== undefined) {
      // A parameterised alias is generic again only through its type variables (`Dict[str, T]`).
      const vars = typeVariables(this.args, []);
      if (vars.length === 0) throw pyRaise('TypeError', `${this.toString()} is not a generic class`);
      if (params.length !== vars.length) throw pyRaise('TypeError', `Too ${params.length > vars.length ? 'many' : 'few'} arguments for ${this.toString()}; actual ${params.length}, expected ${vars.length}`);
      return substitute(this, new Map(vars.map((v, i) => [v, params[i]]))) as TypingForm;
    }
    for (const p of params) {
      if (p instanceof TypingForm && p.args === undefined && PLAIN_FORM_REFUSED.has(p.name)) throw pyRaise('TypeError', `Plain ${p.toString()} is not valid as type argument`);
      if (p instanceof PyTuple) throw pyRaise('TypeError', `Parameters to generic types must be types. Got ${reprValue(p).slice(0, 100)}.`);
    }
    if (arity === 0) throw pyRaise('TypeError', `${this.name} is not a generic class`);
    if (params.length !== arity) throw pyRaise('TypeError', `Too ${params.length > arity ? 'many' : 'few'} arguments for ${this.name}; actual ${params.length}, expected ${arity}`);
    return new TypingForm(this.name, params);
  }

  toString(): string {
    if (this.args === undefined) return this.name;
    if (this.name === 'typing.Union' && this.args.length === 2 && this.args.includes(null)) {
      return `typing.Optional[${typeRepr(this.args.find((a) => a !== null))}]`;
    }
    return `${this.name}[${this.args.map(typeRepr).join(', ')}]`;
  }
}

/** The type variables in `args`, nested ones too, in order of first appearance (typing's `__parameters__`). */
function typeVariables(args: readonly unknown[], out: TypeVariable[]): TypeVariable[] {
  for (const a of args) {
    if (a instanceof TypeVariable && !out.includes(a)) out.push(a);
    else if (a instanceof TypingForm && a.args !== undefined) typeVariables(a.args, out);
  }
  return out;
}

/** `v` with its type variables replaced as `values` says (`Dict[T, List[T]][int]`). */
function substitute(v: unknown, values: ReadonlyMap<TypeVariable, unknown>): unknown {
  if (v instanceof TypeVariable) return values.has(v) ? values.get(v) : v;
  if (v instanceof TypingForm && v.args !== undefined) return new TypingForm(v.name, v.args.map((a) => substitute(a, values)));
  return v;
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
