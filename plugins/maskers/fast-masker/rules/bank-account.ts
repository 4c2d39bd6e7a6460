import type { MaskRule } from '../rule.js';
import { ibanChecksumOk, ibanLength } from '../validators/iban.js';

// IBAN (ISO 13616): a known country code, two check digits (or XX when partly hidden), then exactly that
// country's length of letters and digits, with spaces or hyphens anywhere between. Checked with mod 97
// unless part of it is already hidden with X.
const CANDIDATE = /(?<![A-Za-z0-9])([A-Z]{2}|[a-z]{2})[ \t-]?([0-9]{2}|XX)((?:[ \t-]?[A-Za-z0-9]){8,30})/g;
// Typed in lower case, an IBAN is only told from the words around it when written compactly.
const COMPACT = /^[a-z0-9]+/;

export const bankAccount: MaskRule = {
  tag: 'BANK_ACCOUNT',
  pattern: CANDIDATE,
  hint: /[A-Za-z]{2}[ \t-]?(?:\d{2}|XX)/,
  needsDigit: true,
  spans(m) {
    const length = ibanLength(m[1]!);
    if (length === undefined) return [];
    if (/[a-z]/.test(m[1]!)) {
      const compact = COMPACT.exec(m.input.slice(m.index))![0];
      return compact.length === length && ibanChecksumOk(compact)
        ? [{ start: m.index, end: m.index + length, tag: 'BANK_ACCOUNT' }]
        : [];
    }
    // The account ends at the first lower-case word (an IBAN is upper case; x is a hidden digit).
    const lower = /[ \t-]?[a-wyz]/.exec(m[3]!);
    const body = lower ? m[3]!.slice(0, lower.index) : m[3]!;
    const hidden = m[2] === 'XX' || /[xX]/.test(body);
    const wanted = length - 4;
    let taken = 0;
    let end = 0;
    for (let i = 0; i < body.length && taken < wanted; i++) {
      if (/[A-Za-z0-9]/.test(body[i]!)) {
        taken++;
        end = i + 1;
      }
    }
    // A partly hidden account ("PL-XX-10XX-5799-XXXX-0000-ABCD") may be shortened; a whole one must be exact.
    if (hidden ? taken < 12 : taken < wanted) return [];
    const matchEnd = m.index + m[0].length - m[3]!.length + end;
    const next = m.input[matchEnd];
    if (next !== undefined && /[A-Za-z0-9]/.test(next)) return [];
    const compact = m.input.slice(m.index, matchEnd).replace(/[ \t-]/g, '');
    if (hidden ? !/\d{4}/.test(compact) : !ibanChecksumOk(compact)) return [];
    return [{ start: m.index, end: matchEnd, tag: 'BANK_ACCOUNT' }];
  },
};
