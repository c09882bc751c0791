/** Errors raised in a worker thread, in the form that crosses to the coordinator. */
import { isThreadsimError } from '../../errors.js';
import type { PortableError } from './protocol.js';

/** An error as it crosses to the coordinator (threadsim errors keep their code and fix). */
export function portable(e: unknown): PortableError {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    name: err.name,
    message: err.message,
    ...(err.stack === undefined ? {} : { stack: err.stack }),
    ...(isThreadsimError(e) ? { code: e.code, fix: e.fix } : {}),
  };
}
