import { lettersBefore } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

const REF_SEP = new CharSet('-_');

export const transactionRef = rule('TRANSACTION_REF', /(?<![\w-])[A-Z]{2,5}[-_]\d{4,8}[-_]\d{3,6}(?![\w-])/gi, {
  hint: /[A-Z][-_]\d{4}/i,
  anchor: lettersBefore({
    letters: [2, 5],
    sep: REF_SEP,
    sepRequired: true,
    lengths: [4, 8],
    next: REF_SEP,
  }),
  validate: (v) => v.length >= 8 && v.length <= 64,
});
