/**
 * CPU time of the calling thread, for benchmarks of the worker pools. Lives in cli/ because it
 * reads the system's clocks.
 */
import { readFileSync } from 'node:fs';

/**
 * CPU time of this thread in ms (Linux: /proc/thread-self/stat, in ticks of 10 ms), or
 * undefined elsewhere. Unlike busy wall time it does not grow when other processes share the
 * cores, so a benchmark can tell the split's cost from the machine's load.
 */
export function threadCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
