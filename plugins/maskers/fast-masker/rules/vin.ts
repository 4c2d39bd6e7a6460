import { wholeWord } from '../anchors.js';
import { rule } from '../rule.js';
// VINs are written in capitals (ISO 3779); lower-case runs are words, not VINs.
import { isValidVin } from '../validators/vin.js';

export const vin = rule('VIN', /\b[A-HJ-NPR-Z0-9]{17}\b/g, {
  hint: /[A-HJ-NPR-Z0-9]{17}/,
  anchor: wholeWord(17, 17),
  validate: isValidVin,
});
