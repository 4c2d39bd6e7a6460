import { rule } from '../rule.js';
import { isValidPesel } from '../validators/pesel.js';

export const pesel = rule('PESEL', /(?<![\w])(\d{11})(?![\w])/g, {
  hint: /\d{11}/,
  group: 1,
  validate: isValidPesel,
});
