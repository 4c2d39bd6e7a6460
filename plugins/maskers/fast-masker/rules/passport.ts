import { lettersBefore } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { isValidPolishPassport } from '../validators/passport.js';

// Two capital letters and seven digits (the Polish passport format), perhaps a space between them as the
// passport prints it (`ZS 0000177`), masked when the check digit holds.
export const passport = rule('PASSPORT', /(?<![\w])[A-Z]{2} ?\d{7}(?![\w])/g, {
  hint: /[A-Z]{2} ?\d{7}/,
  anchor: lettersBefore({ letters: [2, 2], upper: true, sep: new CharSet(' '), lengths: [7, 7] }),
  validate: (v) => isValidPolishPassport(v.replace(' ', '')),
});
