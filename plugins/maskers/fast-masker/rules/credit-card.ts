import { atGroup } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { digitCount, leadingDigits } from '../validators/digits.js';
import { passesLuhn } from '../validators/luhn.js';

// Payment cards (ISO/IEC 7812): 13–19 digits grouped by 4 (or AMEX 4-6-5), Luhn-valid. Maestro also issues
// 12-digit numbers, accepted only within its IIN ranges (50, 56–69) so that any Luhn-valid 12-digit
// number is not taken for a card.
const isMaestro12 = (v: string) => {
  const prefix = leadingDigits(v, 2);
  return prefix === 50 || (prefix >= 56 && prefix <= 69);
};

// Groups split by a space (two, as text copied from a PDF has them), a hyphen, a dot or a slash.
const SEP = '(?: {1,2}|[./-])?';

export const creditCard = rule(
  'CREDIT_CARD',
  // Not a part of a longer number grouped by dots or slashes (an account number's middle groups).
  new RegExp(
    `(?<![\\w-]|\\d[./])(\\d{4}${SEP}\\d{6}${SEP}\\d{5}|\\d{4}(?:${SEP}\\d{4}){2}(?:${SEP}\\d{1,7})?)(?![\\w-]|[./]\\d)`,
    'g',
  ),
  {
    hint: new RegExp(`\\d{4}${SEP}\\d{4}`),
    anchor: atGroup(12, new CharSet('-', { word: true })),
    group: 1,
    validate: (v, m) => {
      const n = digitCount(v);
      // After "+" a number of E.164's length is a phone number ("+590800040206"): the phone rule takes it.
      if (n <= 15 && m.input.charCodeAt(m.index - 1) === 43) return false;
      return ((n >= 13 && n <= 19) || (n === 12 && isMaestro12(v))) && passesLuhn(v);
    },
  },
);
