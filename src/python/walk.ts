/**
 * A depth-first visit of every node of a Python syntax tree (as the parse adapter gives it:
 * nodes are objects with a `nodeType`, children sit in their fields and in arrays). Iterative,
 * so a deeply nested program cannot overflow the stack.
 */
import type { PyNode } from './ast.js';

/** Call `visit` on every node under `root` (a node, or an array of them). `ctx` fields are skipped. */
export function forEachNode(root: unknown, visit: (node: PyNode) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (const y of x) stack.push(y);
      continue;
    }
    if (typeof x !== 'object' || x === null) continue;
    const n = x as PyNode;
    visit(n);
    for (const k in n) if (k !== 'ctx') stack.push((n as Record<string, unknown>)[k]);
  }
}
