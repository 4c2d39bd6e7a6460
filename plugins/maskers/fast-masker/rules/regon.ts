import { rule } from '../rule.js';
import { isValidRegon } from '../validators/regon.js';

export const regon = rule('REGON', /(?<![\w-])(\d{9}|\d{14})(?![\w-])/g, {
  hint: /\d{9}/,
  anchor: { lengths: [9, 14], runs: (r, i) => r.length(i) === 9 || r.length(i) === 14 },
  group: 1,
  validate: isValidRegon,
});
