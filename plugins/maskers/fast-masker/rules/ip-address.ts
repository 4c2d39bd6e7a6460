import { COLON, DOT, isHexCode } from '../anchors.js';
import { CharSet } from '../char-set.js';
import type { DigitRuns } from '../digit-runs.js';
import { type MaskRule, RunAnchor, type Span } from '../rule.js';

// IPv4 (each octet 0–255) or full IPv6, with an optional port masked on its own (1–65535). A dotted number
// right after "v", "version" or "wersja" is a version string, not an address. Not a part of a longer dotted
// number or of an IPv6 address (hex groups and colons before it), but an address may end a sentence
// ("… from 10.1.2.3.") or follow a label's colon ("IP:10.1.2.3"): both were once left in clear.
const PATTERN =
  /(?<![\w.]|[0-9A-Fa-f]{2}:|::)((?:\d{1,3}\.){3}\d{1,3}|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4})(?::(\d{1,5}))?(?!\w|[.:]\w)/g;
const VERSION_BEFORE = /(?:\bv|\bver\.?|\bversion|\bwersj[aię]|\brelease)\s*$/i;

const validV4 = (a: string) =>
  !a.includes('.') || a.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));

export const ipAddress: MaskRule = {
  tag: 'IP',
  pattern: PATTERN,
  hint: /\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]/,
  anchor: new RunAnchor({
    lengths: [1, 3],
    next: new CharSet('.'),
    runs: dottedQuad,
    // An IPv6 address may begin with letters: a text with hex groups between colons is scanned whole.
    scanWhole: hasHexGroups,
  }),
  needsDigit: true,
  spans(m) {
    const address = m[1]!;
    if (!validV4(address)) return [];
    if (VERSION_BEFORE.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return [];
    const spans: Span[] = [{ start: m.index, end: m.index + address.length, tag: 'IP' }];
    const port = m[2];
    if (port !== undefined && Number(port) >= 1 && Number(port) <= 65535) {
      const start = m.index + address.length + 1;
      spans.push({ start, end: start + port.length, tag: 'PORT' });
    }
    return spans;
  },
};

/** Runs i to i+3 of one to three digits, joined by single dots (v4); the pattern checks the rest. */
function dottedQuad(r: DigitRuns, i: number): boolean {
  if (i + 3 >= r.count) return false;
  for (let k = i; k < i + 3; k++)
    if (r.start[k + 1] !== r.end[k]! + 1 || r.text.charCodeAt(r.end[k]!) !== DOT || r.length(k + 1) > 3) return false;
  return true;
}

/**
 * Whether the text has two groups of one to four hex digits between colons (`:db8:85a3:`): what an IPv6
 * address without a digit run to anchor on must have. Read from colon to colon (`indexOf` skips the rest),
 * not by a pattern scanning every character of the text.
 */
function hasHexGroups(text: string): boolean {
  for (let p = text.indexOf(':'); p >= 0; p = text.indexOf(':', p + 1)) {
    const q = hexGroupEnd(text, p + 1);
    if (q >= 0 && hexGroupEnd(text, q + 1) >= 0) return true;
  }
  return false;
}

/** Where the colon after a group of one to four hex digits at p stands, or -1. */
function hexGroupEnd(text: string, p: number): number {
  let q = p;
  while (q < p + 4 && isHexCode(text.charCodeAt(q))) q++;
  return q > p && text.charCodeAt(q) === COLON ? q : -1;
}
