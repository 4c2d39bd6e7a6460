import { rule } from '../rule.js';

// Markdown emphasis around an address (`_jan@x.pl_`) is not part of it.
export const email = rule('EMAIL', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, {
  needsDigit: false,
  validate: (v) => !v.startsWith('.') && !v.includes('..'),
});
