import { rule } from '../rule.js';

// Six hex pairs with one consistent separator (":" or "-") or none.
export const macAddress = rule(
  'MAC_ADDRESS',
  /(?<![\w:-])([0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2}(?:\2[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{10}))(?![\w:-])/g,
  {
    hint: /[0-9A-Fa-f]{2}[:-]?[0-9A-Fa-f]{2}[:-]?[0-9A-Fa-f]{2}/,
    group: 1,
    validate: (v) => v.includes(':') || v.includes('-') || (/\d/.test(v) && /[A-Fa-f]/.test(v)),
  },
);
