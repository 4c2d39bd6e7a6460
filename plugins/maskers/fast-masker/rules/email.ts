import { isLetterOrNumberCode } from '../char-class.js';
import type { MaskRule } from '../rule.js';

// Found from the "@" (a literal the engine scans for quickly), then the local part is read leftwards:
// a character-class run tried at every position was the slowest scan of all rules.
// Letters of any script: `łukasz.żak@przykład.pl` is an address (RFC 6531 local parts, IDN domains).
const DOMAIN = /@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// The local part's characters, `[\p{L}\p{N}._%+-]`, tested by code: a pattern run per character cost more than
// finding the address.
export const isLocalCode = (c: number) =>
  isLetterOrNumberCode(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;

export const email: MaskRule = {
  tag: 'EMAIL',
  pattern: DOMAIN,
  needsDigit: false,
  hint: /@/,
  startsAt: /@/g,
  spans(m) {
    let start = m.index;
    const text = m.input;
    while (start > 0 && isLocalCode(text.charCodeAt(start - 1))) start--;
    if (start === m.index || text.charCodeAt(start) === 0x2e) return [];
    return [{ start, end: m.index + m[0].length, tag: 'EMAIL' }];
  },
};
