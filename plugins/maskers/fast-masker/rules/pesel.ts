import { rule } from '../rule.js';
import { isValidPesel } from '../validators/pesel.js';

// A label may be glued in front (`PESEL44051401359`, `nr44051401359`): the checksum and the birth date decide,
// and the label stays in the text.
export const pesel = rule('PESEL', /(?<!\d)(\d{11})(?![\w])/g, {
  hint: /\d{11}/,
  group: 1,
  validate: isValidPesel,
});
