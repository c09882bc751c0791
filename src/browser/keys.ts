/** The name the page's engine knows a program by when it is not a built-in (typed or bundled). */
export function userProgramKey(name: string): string {
  // Kept apart from the built-ins, so a program named like one does not replace it.
  return `user:${name}`;
}
