import { rule } from '../rule.js';

// Two capital letters and seven digits (the Polish passport format).
export const passport = rule('PASSPORT', /(?<![\w])[A-Z]{2}\d{7}(?![\w])/g, { hint: /[A-Z]{2}\d{7}/ });
