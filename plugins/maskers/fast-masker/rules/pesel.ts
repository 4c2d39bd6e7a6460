import { atGroup } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { groupShape, shapeKey } from '../validators/digits.js';
import { isValidPesel } from '../validators/pesel.js';

// Eleven digits, typed whole or in the groups people split a PESEL into (the birth date and the rest, or groups
// of three or four: `440514 01359`, `44 05 14 01359`, `4405-1401-359`), by a space, dot, slash or dash; a label
// may be glued in front (`PESEL44051401359`, `nr44051401359`). The checksum and the birth date decide, and the
// label stays in the text. Other groupings (`021-90177339`, `0359 147 1677`) are phone numbers far more often.
const GROUPINGS = new Set(['11', '6-5', '6-4-1', '2-2-2-5', '2-2-2-4-1', '4-4-3', '3-3-3-2'].map(shapeKey));

export const pesel = rule('PESEL', /(?<![\d./-])(\d(?:[ ./-]?\d){10})(?![\w]|[ ./-]\d)/g, {
  hint: /\d{2}/,
  anchor: atGroup(11, new CharSet('./-', { digit: true })),
  group: 1,
  validate: (v) => GROUPINGS.has(groupShape(v)) && isValidPesel(v),
});
