import { describe, expect, it } from 'vitest';
import { escapeXml, jsonForScript, truncate } from '../../../src/trace/export/escape.js';

describe('escapeXml', () => {
  it('replaces the five markup characters by entities', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('replaces characters XML 1.0 forbids, keeps tab and newline and astral characters', () => {
    expect(escapeXml('a\u0000b\u001bc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(escapeXml('x\ud800y')).toBe('x\ufffdy');
    expect(escapeXml('🧵')).toBe('🧵');
  });
});

describe('jsonForScript', () => {
  it('cannot close or comment out its script element and parses back to the same value', () => {
    const value = { s: '</script><!-- -->&\u2028', n: [1, 2] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(Array.from(truncate('🧵🧵🧵🧵', 3))).toHaveLength(3);
  });
});
