/**
 * `typing` and `__future__` for `.py` programs: every name a program commonly imports from
 * `typing` exists, and the generic ones are subscriptable, so type hints evaluate as CPython
 * evaluates them; they carry no meaning for the run (no checking). `Generic` and `Protocol` are
 * classes, so `class Stack(Generic[T])` works; `cast` returns its value; `overload`, `final`
 * and `runtime_checkable` return what they decorate.
 */
import { bindArgs, REQUIRED } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { TypeVariable, TypingForm } from '../typing-forms.js';
import { PyBuiltin, PyClass, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf } from './host.js';

/** Names whose value is a form (`typing.List`, subscriptable). */
const FORMS = [
  'Any', 'Union', 'Optional', 'List', 'Dict', 'Tuple', 'Set', 'FrozenSet', 'Callable', 'Iterable', 'Iterator', 'Generator',
  'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'Collection', 'Container', 'Hashable', 'Sized', 'Reversible',
  'AbstractSet', 'MutableSet', 'Type', 'Deque', 'DefaultDict', 'OrderedDict', 'Counter', 'ChainMap', 'Awaitable', 'Coroutine',
  'AsyncIterator', 'AsyncIterable', 'AsyncGenerator', 'ContextManager', 'AsyncContextManager', 'ClassVar', 'Final', 'Literal',
  'Annotated', 'NoReturn', 'Never', 'Self', 'LiteralString', 'TypeGuard', 'Concatenate', 'TypeAlias', 'KeysView', 'ValuesView', 'ItemsView',
  'Pattern', 'Match', 'IO', 'TextIO', 'BinaryIO', 'SupportsInt', 'SupportsFloat', 'SupportsAbs', 'SupportsIndex', 'SupportsRound',
] as const;

const identity = (name: string): PyBuiltin => new PyBuiltin(name, (args) => args[0] ?? null);

/** A class a program may derive from (`Generic[T]`, `Protocol`): subscripting it, or a subclass, gives the class back. */
function baseForm(name: string): PyClass {
  const dict = new Map<string, unknown>([['__class_getitem__', new PyBuiltin('__class_getitem__', (args) => args[0])]]);
  return new PyClass(name, undefined, dict, 'typing.');
}

/** Build `typing`. */
export function typingModule(registry: Map<Function, PyClass>): PyModuleObject {
  const members: Record<string, unknown> = {};
  for (const f of FORMS) members[f] = new TypingForm(`typing.${f}`);
  const alias = new PyClass('_GenericAlias', undefined, new Map(), 'typing.');
  registry.set(TypingForm, alias);
  const typeVar = new PyClass('TypeVar', undefined, new Map(), 'typing.', {
    construct: (_self, args, kw) => {
      const name = args[0];
      if (typeof name !== 'string') throw pyRaise('TypeError', 'TypeVar name must be a string');
      void kw;
      return new TypeVariable(name);
    },
  });
  registry.set(TypeVariable, typeVar);
  return moduleOf('typing', {
    ...members,
    TypeVar: typeVar,
    Generic: baseForm('Generic'),
    Protocol: baseForm('Protocol'),
    NamedTuple: baseForm('NamedTuple'),
    TypedDict: baseForm('TypedDict'),
    AnyStr: new TypeVariable('AnyStr'),
    TYPE_CHECKING: false,
    cast: new PyBuiltin('cast', (args, kw) => bindArgs('cast', [['typ', REQUIRED], ['val', REQUIRED]], args, kw).values[1]),
    overload: identity('overload'),
    final: identity('final'),
    runtime_checkable: identity('runtime_checkable'),
    no_type_check: identity('no_type_check'),
    get_type_hints: new PyBuiltin('get_type_hints', () => {
      throw pyRaise('NotImplementedError', 'typing.get_type_hints is not modelled by threadsim');
    }),
    NewType: new PyBuiltin('NewType', (args) => identity(String(args[0]))),
  });
}

/** Build `__future__`: its features exist so `from __future__ import annotations` imports (interp.ts honours that one). */
export function futureModule(): PyModuleObject {
  const feature = (mandatory: (number | string)[], flag: number): PyTuple => new PyTuple([new PyTuple(mandatory), null, flag]);
  return moduleOf('__future__', {
    annotations: feature([3, 7, 0, 'beta', 1], 16777216),
    division: feature([2, 2, 0, 'alpha', 2], 131072),
    print_function: feature([2, 6, 0, 'alpha', 2], 65536),
    absolute_import: feature([2, 5, 0, 'alpha', 1], 16384),
    generator_stop: feature([3, 5, 0, 'beta', 1], 8388608),
  });
}

/** The abstract base classes of `collections.abc`, for type hints (`Iterable[int]`); `isinstance` against them is not modelled (TypeError). */
const ABCS = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString'] as const;

/** Build `collections.abc`. */
export function collectionsAbcModule(): PyModuleObject {
  const members: Record<string, unknown> = {};
  for (const name of ABCS) members[name] = new TypingForm(`collections.abc.${name}`);
  return moduleOf('collections.abc', members);
}
