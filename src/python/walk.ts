/**
 * A depth-first visit of every node of a Python syntax tree (as the parse adapter gives it:
 * nodes are objects with a `nodeType`, children sit in their fields and in arrays). Iterative,
 * so a deeply nested program cannot overflow the stack.
 */
import type { PyNode } from './ast.js';

/**
 * Call `visit` on every node under `root` (a node, or an array of them). `ctx` fields are
 * skipped. When `visit` returns a list, the walk goes on into those values only, not into
 * every field of the node (a scope's walk stops at a nested function's body).
 */
export function forEachNode(root: unknown, visit: (node: PyNode) => void | readonly unknown[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (const y of x) stack.push(y);
      continue;
    }
    if (typeof x !== 'object' || x === null) continue;
    const n = x as PyNode;
    const only = visit(n);
    if (only !== undefined) for (const y of only) stack.push(y);
    else for (const k in n) if (k !== 'ctx') stack.push((n as Record<string, unknown>)[k]);
  }
}
