import { labelled } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

const SEPARATOR = new CharSet('/-');

export const invoiceNumber = rule('INVOICE_NUMBER', /\b(?:FV|INV|INVOICE)[/-]\d{4}[/-]\d{3,6}\b/gi, {
  hint: /FV|INV/i,
  // The year: four digits between the label's separator and the next.
  anchor: {
    ...labelled({
      labels: ['fv', 'inv', 'invoice'],
      between: SEPARATOR,
      least: 1,
      most: 1,
      lengths: [4, 4],
      near: { before: ['fv/', 'fv-', 'inv/', 'inv-', 'invoice/', 'invoice-'] },
    }),
    next: SEPARATOR,
  },
});
