import { DASH } from '../anchors.js';
import { rule } from '../rule.js';

// Polish postal codes are written 00-950; a bare 5-digit number is masked only after a label (ZIP, kod).
export const postalCode = rule(
  'POSTAL_CODE',
  /(?<![\d/-])(\d{2}-\d{3})(?![\d/-])|(?<=\b(?:ZIP|zip code|postal code|kod(?: pocztowy)?)[:\s]+)(\d{5})(?!\d)/gi,
  {
    hint: /\d\d-\d{3}|zip|postal|kod/i,
    anchor: {
      lengths: [2, 5],
      // A dash after the first two digits, or a label (perhaps with its colon) before the five.
      near: { after: ['-'], before: ['zip', 'code', 'kod', 'pocztowy', ':'] },
      runs: (r, i) => (r.length(i) === 2 && r.after(i) === DASH) || r.length(i) === 5,
    },
  },
);
