import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// Polish medical-practice identifiers written 12345678/123.
export const healthId = rule('HEALTH_CODE', /(?<![\d/])\d{8}\/\d{3}(?![\d/])/g, {
  hint: /\d{8}\/\d{3}/,
  anchor: { lengths: [8, 8], next: new CharSet('/') },
});
