import { rule } from '../rule.js';
import { isValidPesel } from '../validators/pesel.js';

// "PESEL: 44051401359": the label stays, the number is masked.
export const peselTagged = rule('PESEL', /\bPESEL[:\s]+(\d{11})(?!\d)/gi, {
  hint: /PESEL/i,
  startsAt: /PESEL/gi,
  group: 1,
  validate: isValidPesel,
});
