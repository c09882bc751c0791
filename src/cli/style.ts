/**
 * Colour for the command's output: on when standard output is a terminal, off when piped.
 * NO_COLOR (any non-empty value) turns it off and FORCE_COLOR (anything but 0) turns it on,
 * as most command-line tools agree. Styles are applied to whole lines the report already
 * prints, so piped output is byte for byte what the plain report says.
 */
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Whether colour is used for `stream`, by the rules above. */
export function colourEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (force === '0' || force === 'false') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Colours the lines of a run or explore report by what they say. */
export function styleLine(line: string): string {
  const style = lineStyle(line);
  return style === undefined ? line : styleText(style, line);
}

function lineStyle(line: string): Style | undefined {
  if (/^\d+ FAILURES? in /.test(line) || /^FAIL/.test(line)) return ['bold', 'red'];
  if (/^no failure\b/.test(line) || /^(verified|found): /.test(line)) return ['bold', 'green'];
  if (/^replay: /.test(line) || /^ {4}or: /.test(line)) return 'cyan';
  if (/^ {2}- /.test(line)) return 'red';
  if (/^ {6}> step /.test(line)) return 'yellow';
  return undefined;
}

/** `out` with colour when `enabled`. */
export function styled(out: (line: string) => void, enabled: boolean): (line: string) => void {
  return enabled ? (line) => out(line.split('\n').map(styleLine).join('\n')) : out;
}
