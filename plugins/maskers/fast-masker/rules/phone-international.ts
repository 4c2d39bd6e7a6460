import { PLUS } from '../anchors.js';
import { rule } from '../rule.js';

// "+48 600 123 456", "+44 20 7946 0958", "0048 601 123 456", "+48 (601) 123 456", "+687 20.28.45",
// "+421 2/218 057 63": "+" or the international call prefix "00", a country code (never starting with 0) and
// 8–15 digits in all (E.164), grouped by spaces, dashes, dots or a slash, an area code perhaps in brackets.
export const phoneInternational = rule(
  'PHONE_INTERNATIONAL',
  /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[\s./-]?(?:\(\d{1,4}\)|\d{1,4})){2,5}(?![\d])/g,
  {
    hint: /\+\d|00[1-9]/,
    anchor: {
      chain: 8,
      runs: (r, i) => r.text.charCodeAt(r.start[i]! - 1) === PLUS || r.text.startsWith('00', r.start[i]!),
      starts(r, i, from, to, push) {
        const s = Math.max(r.start[i]!, from);
        if (r.text.charCodeAt(s - 1) === PLUS) push(s - 1);
        push(s);
      },
    },
    validate: (v) => {
      const n = v.replace(/\D/g, '').length - (v.startsWith('00') ? 2 : 0);
      return n >= 8 && n <= 15;
    },
  },
);
