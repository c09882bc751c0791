// lastzero(N) as a program file for the command line, N from THREADSIM_BENCH_N (default 12):
// bench/parallel-dpor.ts times `threadsim explore bench/lastzero-n.mjs` in fresh processes
// (the built-ins stop at lastzero-10). Loaded from the compiled package.
import { lastzero } from '../dist/examples/bench/index.js';

export default lastzero(Number(process.env.THREADSIM_BENCH_N ?? 12));
