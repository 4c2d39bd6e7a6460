import { bracketOrRun } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// North American numbers (NANP): (905) 674-3793, 905-674-3793, 905.674.3793, with an extension perhaps
// (`x204`, `ext. 12`); area code and exchange start with 2–9. Ten digits in this shape are not a Polish
// identifier (NIP is written 3-3-2-2).
export const phoneNanp = rule(
  'PHONE',
  /(?<![\w+-])(?:\(([2-9]\d{2})\)\s?|([2-9]\d{2})[-. ])([2-9]\d{2})[-. ](\d{4})(?:[ ,]{0,2}(?:x|ext\.?) ?\d{1,5})?(?![\w-])/g,
  {
    hint: /\d{3}[-. ]\d{4}/,
    anchor: {
      lengths: [3, 3],
      chain: 10,
      next: new CharSet(')-. '),
      starts: bracketOrRun,
    },
  },
);
