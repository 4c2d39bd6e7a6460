import type { MaskRule } from '../rule.js';

// Found from the "@" (a literal the engine scans for quickly), then the local part is read leftwards:
// a character-class run tried at every position was the slowest scan of all rules.
const DOMAIN = /@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const LOCAL = /[A-Za-z0-9._%+-]/;

export const email: MaskRule = {
  tag: 'EMAIL',
  pattern: DOMAIN,
  needsDigit: false,
  hint: /@/,
  spans(m) {
    let start = m.index;
    while (start > 0 && LOCAL.test(m.input[start - 1]!)) start--;
    if (start === m.index || m.input[start] === '.') return [];
    return [{ start, end: m.index + m[0].length, tag: 'EMAIL' }];
  },
};
