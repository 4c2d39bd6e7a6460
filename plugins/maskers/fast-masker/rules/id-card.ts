import { rule } from '../rule.js';
import { isValidPolishIdCard } from '../validators/id-card.js';

export const idCard = rule('ID_CARD', /(?<![\w])[A-Z]{3}\s?\d{6}(?![\w])/gi, {
  hint: /[A-Z]{3}\s?\d{6}/i,
  validate: (v) => isValidPolishIdCard(v.replace(/\s/g, '')),
});
