import { rule } from '../rule.js';

export const transactionRef = rule('TRANSACTION_REF', /(?<![\w-])[A-Z]{2,5}[-_]\d{4,8}[-_]\d{3,6}(?![\w-])/gi, {
  hint: /[A-Z][-_]\d{4}/i,
  validate: (v) => v.length >= 8 && v.length <= 64,
});
