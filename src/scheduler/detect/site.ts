/**
 * Code sites: the line of the program that yielded an op, for race reports. Read from a
 * stack trace taken while the model's generator creates the op (the program's frame is
 * still on the stack then), so it costs a stack capture and is only done in recorded runs.
 */
import { relative } from 'node:path';

const INTERNAL = /[\\/]src[\\/](models|scheduler)[\\/]|node:internal|node_modules[\\/](?!threadsim[\\/])|\(native\)|<anonymous>/;

/** `file:line` of the first stack frame outside threadsim's engine and models, or undefined. */
export function callerSite(): string | undefined {
  const stack = new Error().stack;
  if (stack === undefined) return undefined;
  for (const line of stack.split('\n').slice(1)) {
    if (INTERNAL.test(line)) continue;
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(line);
    if (m === null) continue;
    const file = m[1]!.replace(/^file:\/\//, '');
    return `${relative(process.cwd(), file) || file}:${m[2]}`;
  }
  return undefined;
}
