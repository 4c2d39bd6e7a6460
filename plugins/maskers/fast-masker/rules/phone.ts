import { atGroup } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { isPolishPhoneNumber } from '../validators/phone-pl.js';

// Nine digits, plain or in groups ("600 123 456", "59 94 22 76 5", "592-722 765", "22/628 12 34" with a slash after
// the area code), in the Polish plan; not the
// tail of a bigger grouped number ("2 472 183 621" is two billion, not a phone).
export const phone = rule(
  'PHONE',
  /(?<![\w+/-])(?<!\d[ ])(\d{9}|\d{2,5}[ /-]\d{1,4}(?:[ -]\d{1,4}){1,3})(?![\w/-]|[ -]\d)/g,
  {
    hint: /\d\d/,
    anchor: atGroup(9, new CharSet('+-', { word: true }), true),
    group: 1,
    validate: isPolishPhoneNumber,
  },
);
