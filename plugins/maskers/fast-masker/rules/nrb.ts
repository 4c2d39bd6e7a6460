import type { MaskRule } from '../rule.js';
import { nrbChecksumOk } from '../validators/iban.js';

// A Polish account number (NRB) without the PL prefix: 26 digits, plain or grouped 2-4-4-4-4-4-4. Masked
// when its IBAN check digits hold, or when a label ("NRB", "konto", "rachunek", "account") names it.
const PATTERN = /(?<![\w])(\d{2}(?:[ -]?\d{4}){6})(?![\w])/g;
const LABEL_BEFORE = /(?:\bNRB|\bkont[aou]?|\brachun\w*|\baccount)(?:\s*(?:nr|no\.?|number|numer))?\s*[:#]?\s*$/i;

export const nrb: MaskRule = {
  tag: 'NRB',
  pattern: PATTERN,
  hint: /\d{2}[ -]?\d{4}[ -]?\d{4}/,
  needsDigit: true,
  spans(m) {
    const value = m[1]!;
    const digits = value.replace(/\D/g, '');
    if (digits.length !== 26) return [];
    const labelled = LABEL_BEFORE.test(m.input.slice(Math.max(0, m.index - 24), m.index));
    if (!labelled && !nrbChecksumOk(digits)) return [];
    return [{ start: m.index, end: m.index + value.length, tag: 'NRB' }];
  },
};
