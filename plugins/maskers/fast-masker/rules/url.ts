import { isAsciiLetter, isLetterOrNumberCode, isSpaceCode } from '../char-class.js';
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
const isSchemeCode = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;

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
    while (start < m.index && !isAsciiLetter(text.charCodeAt(start))) start++;
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

// A link written without a scheme or www. but with a path: `example.com/profile/026369`, `github.com/jkowalski`.
// Found from its "/" (one literal, quick to scan) and read both ways by code: the host before it must end in a
// top-level domain from this list (`Node.js/Deno`, `README.md/…` and `main.rs/…` are file names, so `.md` and `.rs` are not in it), its
// path runs to a space or a closing bracket or quote. A host alone, with no path (`firma.pl`), is left.
const TLDS = new Set(
  (
    'com org net edu gov mil int info biz name pro app dev io ai co me tv cc ly gg to eu pl de uk fr es it pt nl ' +
    'be lu ch at cz sk hu si hr ba sr ro bg gr cy mt ie is dk no se fi ee lv lt by ua ru ge am az kz tr il us ca ' +
    'mx br ar cl au nz jp cn kr in sg hk tw za online site shop store xyz tech cloud blog news'
  ).split(' '),
);

const isHostCode = (c: number) => isLetterOrNumberCode(c) || c === 0x2e || c === 0x2d;
// Where a path ends: whitespace, `)`, `]`, `>`, a quote.
const endsPath = (c: number) =>
  isSpaceCode(c) || c === 0x29 || c === 0x5d || c === 0x3e || c === 0x22 || c === 0x27 || Number.isNaN(c);

export const urlBare: MaskRule = {
  tag: 'URL',
  // A top-level domain ends in a letter: the slashes of dates and numbers (`14/05`, `FV/2024/…`) fail here, in
  // the pattern, without a match made for them.
  pattern: /(?<=[A-Za-z])\//g,
  hint: /\//,
  startsAt: /\//g,
  needsDigit: false,
  spans(m) {
    const text = m.input;
    const slash = m.index;
    let start = slash;
    while (start > 0 && isHostCode(text.charCodeAt(start - 1))) start--;
    while (start < slash && !isLetterOrNumberCode(text.charCodeAt(start))) start++;
    // Part of a longer path or a file name (`a/b.pl/c`, `C:\\x.com/`, `.env.com/`), or an address's domain.
    const before = text.charCodeAt(start - 1);
    if (before === 0x2f || before === 0x5c || before === 0x2e || before === 0x40) return [];
    const host = text.slice(start, slash);
    const dot = host.lastIndexOf('.');
    if (dot <= 0 || !TLDS.has(host.slice(dot + 1).toLowerCase()) || host.includes('..')) return [];
    let end = slash + 1;
    while (end < text.length && !endsPath(text.charCodeAt(end))) end++;
    end = slash + text.slice(slash, end).replace(TRAILING, '').length;
    return [{ start, end, tag: 'URL' }];
  },
};
