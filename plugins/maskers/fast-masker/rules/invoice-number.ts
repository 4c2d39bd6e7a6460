import { rule } from '../rule.js';

export const invoiceNumber = rule('INVOICE_NUMBER', /\b(?:FV|INV|INVOICE)[/-]\d{4}[/-]\d{3,6}\b/gi, {
  hint: /FV|INV/i,
  startsAt: /FV|INV/gi,
});
