/**
 * Text measurement for the SVG export, which lays out labels without a browser: advance widths
 * of DejaVu Sans (the first font the SVG asks for; Verdana, its fallback, is as wide), as
 * fractions of the font size, rounded up, so an estimate is never narrower than the drawn text.
 * A character not in the table counts as a full em (CJK, emoji), the widest case.
 */

const NARROW = new Set([...'iljIf.,:;\'!|()[]{} `']);
const SEMI = new Set([...'rt-/\\"*']);
const WIDE = new Set([...'mwMW@%']);
const CAPS = /[A-Z]/;
const LATIN = /[a-z0-9#$&+<=>?^_~←→↵…⚠]/;

/** Width of one character, in ems. */
function advance(c: string): number {
  if (NARROW.has(c)) return 0.36;
  if (SEMI.has(c)) return 0.48;
  if (WIDE.has(c)) return 1.0;
  if (CAPS.test(c)) return 0.76;
  if (LATIN.test(c)) return 0.66;
  return c.codePointAt(0)! < 0x2e80 ? 0.8 : 1.0;
}

/** Estimated width in px of `text` at `size` px (bold text is about 10% wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) em += advance(c);
  return em * size * (bold ? 1.1 : 1);
}

/** `text`, cut with an ellipsis to fit `max` px; empty when not even one character and the ellipsis fit. */
export function fitText(text: string, size: number, max: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = Array.from(text);
  let w = textWidth('…', size, bold);
  let n = 0;
  while (n < chars.length && w + textWidth(chars[n]!, size, bold) <= max) w += textWidth(chars[n++]!, size, bold);
  return n === 0 ? '' : `${chars.slice(0, n).join('')}…`;
}

/** `text` broken at spaces into lines of at most `max` px (a word longer than a line is cut). */
export function wrapText(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (textWidth(next, size) <= max) line = next;
    else {
      if (line !== '') lines.push(line);
      line = textWidth(word, size) <= max ? word : fitText(word, size, max);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
