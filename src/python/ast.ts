/**
 * The Python syntax tree as threadsim reads it: CPython's `ast` node shapes (node type in
 * `nodeType`, CPython's field names, 1-based lines and 0-based columns). Typed loosely on
 * purpose: the interpreter reads the fields it needs per node type, and the parse adapter is
 * the only module that knows which parser produced the tree.
 */

/** Any node of the tree. `isFloat` is threadsim's own: a numeric literal written as a float. */
export interface PyNode {
  readonly nodeType: string;
  readonly lineno?: number;
  readonly col_offset?: number;
  readonly end_lineno?: number;
  readonly end_col_offset?: number;
  isFloat?: boolean;
  // Field access by name: the shapes follow CPython's `ast` module.
  readonly [field: string]: unknown;
}

/** A parsed module: its statements, the file name reports use, and its source lines. */
export interface PyModule {
  readonly file: string;
  readonly body: readonly PyNode[];
  readonly lines: readonly string[];
}

/** Field `name` of `node` as a node (throws on a malformed tree). */
export function child(node: PyNode, name: string): PyNode {
  return node[name] as PyNode;
}

/** Field `name` of `node` as a list of nodes (empty when absent). */
export function children(node: PyNode, name: string): readonly PyNode[] {
  return (node[name] as readonly PyNode[] | undefined) ?? [];
}

/** Field `name` of `node` as an optional node. */
export function optional(node: PyNode, name: string): PyNode | undefined {
  return (node[name] as PyNode | null | undefined) ?? undefined;
}
