import { rule } from '../rule.js';
import { passesLuhn } from '../validators/luhn.js';

// 13–19 digits, grouped by 4 (or AMEX 4-6-5), Luhn-valid.
export const creditCard = rule('CREDIT_CARD', /(?<![\d-])(\d{4}[ -]?\d{6}[ -]?\d{5}|\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7})(?![\d-])/g, {
  hint: /\d{4}[ -]?\d{4}/,
  group: 1,
  validate: (v) => {
    const n = v.replace(/\D/g, '').length;
    return n >= 13 && n <= 19 && passesLuhn(v);
  },
});
