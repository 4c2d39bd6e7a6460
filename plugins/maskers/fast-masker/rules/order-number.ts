import { rule } from '../rule.js';

export const orderNumber = rule('ORDER_NUMBER', /\b(?:ORD|ORDER)[-_]?\d{3,10}\b/gi, {
  hint: /ORD/i,
  startsAt: /ORD/gi,
});
