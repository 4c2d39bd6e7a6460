import { lettersBefore } from '../anchors.js';
import { rule } from '../rule.js';
import { isValidPolishPassport } from '../validators/passport.js';

// Two capital letters and seven digits (the Polish passport format), masked when the check digit holds.
export const passport = rule('PASSPORT', /(?<![\w])[A-Z]{2}\d{7}(?![\w])/g, {
  hint: /[A-Z]{2}\d{7}/,
  anchor: lettersBefore({ letters: [2, 2], upper: true, lengths: [7, 7] }),
  validate: isValidPolishPassport,
});
