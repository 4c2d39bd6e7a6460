import type { MaskRule } from '../rule.js';
import { ibanChecksumOk, ibanLength } from '../validators/iban.js';

// IBAN (ISO 13616): a known country code, two check digits (or XX when partly hidden), then exactly that
// country's length of letters and digits, with spaces or hyphens anywhere between. Checked with mod 97
// unless part of it is already hidden with X.
const CANDIDATE = /(?<![A-Za-z0-9])([A-Z]{2})[ \t-]?([0-9]{2}|XX)((?:[ \t-]?[A-Za-z0-9]){8,30})/g;

export const bankAccount: MaskRule = {
  tag: 'BANK_ACCOUNT',
  pattern: CANDIDATE,
  needsDigit: true,
  spans(m) {
    const length = ibanLength(m[1]!);
    if (length === undefined) return [];
    // Walk the body until the country's length is reached; what follows must not continue the number.
    const wanted = length - 4;
    const body = m[3]!;
    let taken = 0;
    let end = 0;
    for (let i = 0; i < body.length && taken < wanted; i++) {
      if (/[A-Za-z0-9]/.test(body[i]!)) {
        taken++;
        end = i + 1;
      }
    }
    if (taken < wanted) return [];
    const matchEnd = m.index + m[0].length - body.length + end;
    const next = m.input[matchEnd];
    if (next !== undefined && /[A-Za-z0-9]/.test(next)) return [];
    const value = m.input.slice(m.index, matchEnd);
    const compact = value.replace(/[ \t-]/g, '');
    if (!/[xX]/.test(compact.slice(2)) && !ibanChecksumOk(compact)) return [];
    if (/[xX]/.test(compact.slice(2)) && !/\d{4}/.test(compact)) return [];
    return [{ start: m.index, end: matchEnd, tag: 'BANK_ACCOUNT' }];
  },
};
