import { rule } from '../rule.js';

// Polish postal codes are written 00-950; a bare 5-digit number is masked only after a label (ZIP, kod).
export const postalCode = rule(
  'POSTAL_CODE',
  /(?<![\d/-])(\d{2}-\d{3})(?![\d/-])|(?<=\b(?:ZIP|zip code|postal code|kod(?: pocztowy)?)[:\s]+)(\d{5})(?!\d)/gi,
  { hint: /\d\d-\d{3}|zip|postal|kod/i },
);
