/**
 * Escaping for the HTML and SVG exporters, which render untrusted input: thread names, log
 * messages and values come from user programs.
 */

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe inside XML/HTML element content and inside a double- or single-quoted attribute.
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return, and
 * lone surrogates) become U+FFFD so that a hostile string cannot make the SVG ill-formed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * JSON safe inside `<script type="application/json">`: `<` (so no `</script>` or `<!--` can
 * end or change the element), `>`, `&` and the two JavaScript line separators are written as
 * `\u` escapes, which JSON.parse turns back into the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value as exports show it: strings quoted like JSON, everything else as JSON or its text. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
