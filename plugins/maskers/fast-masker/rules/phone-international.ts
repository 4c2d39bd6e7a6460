import { rule } from '../rule.js';

// "+48 600 123 456", "+44 20 7946 0958": a "+", a country code and 8–15 digits in all (E.164).
export const phoneInternational = rule('PHONE_INTERNATIONAL', /(?<![\w+])\+\d{1,3}(?:[\s-]?\d{1,4}){2,5}(?![\d])/g, {
  hint: /\+\d/,
  validate: (v) => {
    const n = v.replace(/\D/g, '').length;
    return n >= 8 && n <= 15;
  },
});
