import { lettersBefore } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// Polish registration plates (upper case): LL#####, LLL##L##, LL##LL, LL###LL, LL####L, LLL####[L], LLL#####[L].
const FORMATS = [
  /^[A-Z]{2}\d{5}$/,
  /^[A-Z]{3}\d{2}[A-Z]\d{2}$/,
  /^[A-Z]{2}\d{2}[A-Z]{2}$/,
  /^[A-Z]{2}\d{3}[A-Z]{2}$/,
  /^[A-Z]{2}\d{4}[A-Z]$/,
  /^[A-Z]{3}\d{4}[A-Z]?$/,
  /^[A-Z]{3}\d{5}[A-Z]?$/,
  /^[A-Z]{3}\d{3}[A-Z]{2}$/,
];

// Two letters end right before the digits, or before the space after the letters.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const LETTER_PAIRS = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));

export const carPlate = rule('CAR_PLATE', /(?<![\w-])[A-Z]{2,3}\s?\d[0-9A-Z]{2,5}(?![\w-])/g, {
  hint: /[A-Z]{2}\s?\d/,
  anchor: {
    ...lettersBefore({ letters: [2, 3], upper: true, sep: new CharSet('', { space: true }) }),
    near: { before: LETTER_PAIRS },
  },
  validate: (v) => FORMATS.some((f) => f.test(v.replace(/\s/g, ''))),
});
