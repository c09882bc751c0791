/** How threadsim names a thrown value, in Python's words: its type, its message, its traceback line. */

/** Python's exception type name and message for any thrown value. */
export function describeError(e: unknown): { type: string; detail: string } {
  if (e instanceof Error) {
    const py = (e as { pyType?: unknown }).pyType;
    return { type: typeof py === 'string' ? py : e.name, detail: e.message };
  }
  return { type: 'Exception', detail: String(e) };
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
  const frames = typeof e === 'object' && e !== null ? (e as { pyFrames?: readonly { file: string; line: number; name: string; code: string }[] }).pyFrames : undefined;
  if (frames === undefined) return [];
  const out: string[] = [];
  for (const f of frames) {
    out.push(`  File "${f.file}", line ${f.line}, in ${f.name}`);
    if (f.code !== '') out.push(`    ${f.code}`);
  }
  return out;
}
