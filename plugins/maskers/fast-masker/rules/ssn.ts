import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// US Social Security Number: area not 000, 666 or 900–999; group not 00; serial not 0000 (SSA rules).
export const ssn = rule('SSN', /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g, {
  hint: /\d{3}-\d{2}-\d{4}/,
  anchor: { lengths: [3, 3], next: new CharSet('-') },
  validate: (_v, m) => {
    const area = Number(m[1]);
    return area !== 0 && area !== 666 && area < 900 && m[2] !== '00' && m[3] !== '0000';
  },
});
