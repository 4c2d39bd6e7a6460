import { labelled } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { isValidPesel } from '../validators/pesel.js';

// "PESEL: 44051401359", "PESEL-44051401359": the label stays, the number is masked.
export const peselTagged = rule('PESEL', /\bPESEL[:\s-]+(\d{11})(?!\d)/gi, {
  hint: /PESEL/i,
  anchor: labelled({
    labels: ['pesel'],
    between: new CharSet(':-', { space: true }),
    least: 1,
    most: Number.MAX_SAFE_INTEGER,
    lengths: [11, 11],
    near: { before: ['pesel', ':'] },
  }),
  group: 1,
  validate: isValidPesel,
});
