import { labelled } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

export const orderNumber = rule('ORDER_NUMBER', /\b(?:ORD|ORDER)[-_]?\d{3,10}\b/gi, {
  hint: /ORD/i,
  // A run of more than ten digits has no word boundary where the pattern's digits could end.
  anchor: labelled({
    labels: ['ord', 'order'],
    between: new CharSet('-_'),
    most: 1,
    lengths: [3, 10],
    near: { before: ['ord', 'order', 'ord-', 'order-', 'ord_', 'order_'] },
  }),
});
