import { rule } from '../rule.js';
import { isValidPesel } from '../validators/pesel.js';

// Eleven digits, typed whole or in groups split by a space, dot, slash or dash (`440514 01359`,
// `4405-1401-359`); a label may be glued in front (`PESEL44051401359`, `nr44051401359`). The checksum and the
// birth date decide, and the label stays in the text.
export const pesel = rule('PESEL', /(?<![\d./-])(\d(?:[ ./-]?\d){10})(?![\w]|[ ./-]\d)/g, {
  hint: /\d{2}/,
  group: 1,
  validate: (v) => isValidPesel(v),
});
