import { rule } from '../rule.js';
import { passesLuhn } from '../validators/luhn.js';

// SIM ICCID (ITU-T E.118): 19–20 digits starting with 89 (telecom), Luhn-valid.
export const simCard = rule('SIM_CARD', /(?<![\d])(89\d{2}(?:\s?\d{4}){3}\s?\d{3,4})(?![\d])/g, {
  hint: /89\d{2}/,
  // It begins a run (nothing but spaces splits it later) with 89: read off the runs, not by scanning the text.
  anchor: { lengths: [4, 20], chain: 19, runs: (r, i) => r.text.startsWith('89', r.start[i]!) },
  group: 1,
  validate: (v) => {
    const n = v.replace(/\D/g, '').length;
    return n >= 19 && n <= 20 && passesLuhn(v);
  },
});
