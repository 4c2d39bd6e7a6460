import { lettersBefore } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { isValidPolishIdCard } from '../validators/id-card.js';

export const idCard = rule('ID_CARD', /(?<![\w])[A-Z]{3}\s?\d{6}(?![\w])/gi, {
  hint: /[A-Z]{3}\s?\d{6}/i,
  anchor: lettersBefore({ letters: [3, 3], sep: new CharSet('', { space: true }), lengths: [6, 6] }),
  validate: (v) => isValidPolishIdCard(v.replace(/\s/g, '')),
});
