/**
 * Escaping user strings (thread names, log messages, values, object names) for the text,
 * Markdown and Mermaid exports; every one of them passes every user string through one of
 * these. (The HTML and SVG exports have their own, for markup.)
 */

/** C0 and C1 control characters other than tab and newline, and DEL: shown as `\xNN`. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Plain text for terminals: control characters (escape sequences) made visible. */
export function escapeText(s: string): string {
  return s.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One line: line breaks (Unicode's too) become ` ↵ `, controls are made visible. */
export function oneLine(s: string): string {
  return escapeText(s.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ↵ ').replace(/\t/g, ' '));
}

/**
 * Inline Markdown text, safe in a table cell or mid-line on any CommonMark/GFM host: HTML
 * special characters as entities (no tag, comment or entity survives), inline Markdown
 * punctuation backslash-escaped (no emphasis, link, code span, table pipe, strikethrough or
 * math), one line. Block syntax (`#`, `-`, `1.`) needs no escape: callers never start a line
 * with user text.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
}

/**
 * Text in a Mermaid message, note or participant label: characters Mermaid's parser or its
 * HTML rendering treat specially become Mermaid entity codes (`#60;`), so `;`, `#`, `<`, `>`,
 * `-->` and quotes are shown, never interpreted.
 */
export function escapeMermaid(s: string): string {
  return oneLine(s).replace(/[#;<>&"'`{}|\\%]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** A value as exports show it: JSON, cut to `max` characters. */
export function shortValue(v: unknown, max = 40): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
