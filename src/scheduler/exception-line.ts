/** How threadsim names a thrown value, in Python's words: its type, its message, its traceback line. */

/**
 * Python's exception type name and message for any thrown value. Never throws itself: a
 * value without a prototype, an Error whose `message` getter throws, or a Proxy whose traps
 * throw is still reported as the thread's exception, with Python's words for a message that
 * cannot be printed (`<exception str() failed>`).
 */
export function describeError(e: unknown): { type: string; detail: string } {
  let isError = false;
  try {
    isError = e instanceof Error;
  } catch {
    return { type: 'Exception', detail: UNPRINTABLE };
  }
  if (isError) {
    const err = e as Error & { pyType?: unknown };
    // JavaScript's stack overflow is Python's RecursionError (code run deep inside one step, a
    // class's recursive __eq__, overflows the engine's stack before the interpreter's own limit).
    if (e instanceof RangeError && attempt(() => String(err.message), '').includes('call stack')) return { type: 'RecursionError', detail: 'maximum recursion depth exceeded' };
    const type = attempt(() => (typeof err.pyType === 'string' ? err.pyType : String(err.name)), 'Exception');
    return { type, detail: attempt(() => String(err.message), UNPRINTABLE) };
  }
  return { type: 'Exception', detail: attempt(() => String(e), UNPRINTABLE) };
}

const UNPRINTABLE = '<exception str() failed>';

function attempt(f: () => string, otherwise: string): string {
  try {
    return f();
  } catch {
    return otherwise;
  }
}

/** The last line of a Python traceback: `Type: message`, or just `Type` when the message is empty. */
export function exceptionLine(type: string, detail: string): string {
  return detail === '' ? type : `${type}: ${detail}`;
}

/** An exception as the last line of its traceback (`ValueError: bad`). */
export function errorLine(e: unknown): string {
  const { type, detail } = describeError(e);
  return exceptionLine(type, detail);
}

/**
 * The frame lines of a Python traceback, for an exception that carries them (a `.py`
 * program's: `  File "race.py", line 12, in update` then the source line), outermost first.
 */
export function tracebackFrames(e: unknown): string[] {
  let frames: readonly { file: string; line: number; name: string; code: string }[] | undefined;
  try {
    // Any thrown value can arrive here, a Proxy whose traps throw included.
    frames = typeof e === 'object' && e !== null ? (e as { pyFrames?: typeof frames }).pyFrames : undefined;
  } catch {
    return [];
  }
  if (!Array.isArray(frames)) return [];
  const out: string[] = [];
  for (const f of frames) {
    out.push(`  File "${f.file}", line ${f.line}, in ${f.name}`);
    if (f.code !== '') out.push(`    ${f.code}`);
  }
  return out;
}
