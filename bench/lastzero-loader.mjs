// The program loader bench/parallel-dpor.ts hands its workers: `lastzero-N` for any N (the
// built-ins stop at 10), from the compiled package.
export async function loadProgram(spec) {
  const { lastzero } = await import('../dist/examples/bench/index.js');
  return lastzero(Number(/^lastzero-(\d+)$/.exec(spec)[1]));
}
