/**
 * Code sites in the page: none. The page runs its programs from one bundled script with no
 * source files to point at, so its ops carry no `file:line` and its race reports name steps
 * and threads only. package.json's `browser` field maps `site.js` (which reads V8 call sites
 * through Node's source maps and paths) to this module, so bundlers for the browser never see
 * a Node API; Node and TypeScript ignore that field.
 */

/** Always undefined in the page; see the module comment. */
export function callerSite(): string | undefined {
  return undefined;
}

/** The page loads no program modules by path: always undefined (see `site.ts`). */
export function definingModule(): string | undefined {
  return undefined;
}

/** No file in the page is a built-in program's module (see `site.ts`). */
export function isBuiltinModule(_file: string): boolean {
  return false;
}
