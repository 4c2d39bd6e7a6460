import type { MaskRule } from '../rule.js';

// Found from the "@" (a literal the engine scans for quickly), then the local part is read leftwards:
// a character-class run tried at every position was the slowest scan of all rules.
// Letters of any script: `łukasz.żak@przykład.pl` is an address (RFC 6531 local parts, IDN domains).
const DOMAIN = /@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const LOCAL = /[\p{L}\p{N}._%+-]/u;

export const email: MaskRule = {
  tag: 'EMAIL',
  pattern: DOMAIN,
  needsDigit: false,
  hint: /@/,
  startsAt: /@/g,
  spans(m) {
    let start = m.index;
    while (start > 0 && LOCAL.test(m.input[start - 1]!)) start--;
    if (start === m.index || m.input[start] === '.') return [];
    return [{ start, end: m.index + m[0].length, tag: 'EMAIL' }];
  },
};
