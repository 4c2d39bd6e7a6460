import { wholeWord } from '../anchors.js';
import { rule } from '../rule.js';
import { isValidNip } from '../validators/nip.js';

// EU VAT numbers: an EU country prefix (EL for Greece, XI for Northern Ireland) and 8–12 characters with
// at least 4 digits; a Polish one must be a valid NIP.
const COUNTRIES = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'XI',
]);

export const euVat = rule('EU_VAT', /(?<![\w])([A-Z]{2})([A-Z0-9]{8,12})(?![\w])/g, {
  hint: /[A-Z]{2}[A-Z0-9]{8}/,
  anchor: wholeWord(10, 14),
  validate: (v, m) => {
    if (!COUNTRIES.has(m[1]!) || (m[2]!.match(/\d/g) ?? []).length < 4) return false;
    return m[1] !== 'PL' || isValidNip(m[2]!);
  },
});
