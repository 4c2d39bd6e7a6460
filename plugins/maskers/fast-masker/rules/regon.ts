import { rule } from '../rule.js';
import { isValidRegon } from '../validators/regon.js';

export const regon = rule('REGON', /(?<![\w-])(\d{9}|\d{14})(?![\w-])/g, {
  hint: /\d{9}/,
  group: 1,
  validate: isValidRegon,
});
