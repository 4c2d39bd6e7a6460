import type { MaskRule } from '../rule.js';

// http(s) URLs with a domain (in any script: `https://przykład.pl/…`), an IPv4 address or localhost, and bare
// www. addresses. Trailing sentence punctuation is not part of the URL.
const PATTERN =
  /\bhttps?:\/\/(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#][^\s)\]>"']*)?|\bhttps?:\/\/(?:\d{1,3}(?:\.\d{1,3}){3}|localhost)(?::\d{1,5})?(?:[/?#][^\s)\]>"']*)?|(?<![\w.@/])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#][^\s)\]>"']*)?/gu;

export const url: MaskRule = {
  tag: 'URL',
  pattern: PATTERN,
  hint: /:\/\/|www\./i,
  startsAt: /https?:\/\/|www\./g,
  needsDigit: false,
  spans(m) {
    const value = m[0].replace(/[.,;:!?]+$/, '');
    return [{ start: m.index, end: m.index + value.length, tag: 'URL' }];
  },
};
