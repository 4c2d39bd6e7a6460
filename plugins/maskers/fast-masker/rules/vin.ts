import { wholeWord } from '../anchors.js';
import { rule } from '../rule.js';
// VINs are written in capitals (ISO 3779); lower-case runs are words, not VINs.
import { isValidVin } from '../validators/vin.js';
import { labelBefore } from './document-labelled.js';

// A European VIN has no check digit (the ninth character is the maker's): after its label (`VIN`, `FIN`,
// `Fahrgestellnummer`, `numer nadwozia`…) it is one without.
export const vin = rule('VIN', /\b[A-HJ-NPR-Z0-9]{17}\b/g, {
  hint: /[A-HJ-NPR-Z0-9]{17}/,
  anchor: wholeWord(17, 17),
  validate: (v, m) => isValidVin(v) || (/[A-Z]/.test(v) && /\d/.test(v) && labelBefore(m.input, m.index, 0) === 'VIN'),
});
