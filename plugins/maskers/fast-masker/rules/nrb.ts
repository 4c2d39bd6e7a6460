import { atGroup } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { type MaskRule, RunAnchor } from '../rule.js';
import { nrbChecksumOk } from '../validators/iban.js';

// A Polish account number (NRB) without the PL prefix: 26 digits, plain or grouped 2-4-4-4-4-4-4 (by spaces, hyphens, dots or slashes). Masked when
// its IBAN check digits hold (the standard defines them, so a number that fails them is not an account number,
// whatever label stands before it; the reference masked any 26 digits after a label).
const PATTERN = /(?<![\w])(\d{2}(?:[ ./-]?\d{4}){6})(?![\w])/g;

export const nrb: MaskRule = {
  tag: 'NRB',
  pattern: PATTERN,
  hint: /\d{2}[ ./-]?\d{4}[ ./-]?\d{4}/,
  anchor: new RunAnchor(atGroup(26, new CharSet('', { word: true }))),
  needsDigit: true,
  spans(m) {
    const value = m[1]!;
    const digits = value.replace(/\D/g, '');
    if (digits.length !== 26) return [];
    if (!nrbChecksumOk(digits)) return [];
    return [{ start: m.index, end: m.index + value.length, tag: 'NRB' }];
  },
};
