// IBAN lengths by country (ISO 13616 registry, SWIFT release 2024); "UK" is accepted as written for GB.
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
  UK: 22,
};

/** The country codes IBANs are issued for. */
export const IBAN_COUNTRIES: readonly string[] = Object.keys(LENGTHS);

// One byte per pair of ASCII codes, the country's IBAN length (0: none): read for every digit run with two
// letters before it, and for every candidate, without a string.
const COUNTRY_LENGTHS = new Uint8Array(128 * 128);
for (const [c, length] of Object.entries(LENGTHS)) COUNTRY_LENGTHS[(c.charCodeAt(0) << 7) | c.charCodeAt(1)] = length;

/** The IBAN length of the country whose code (either case) stands at p, or 0 when none issues IBANs. */
export function ibanLengthAt(text: string, p: number): number {
  const a = upper(text.charCodeAt(p));
  const b = upper(text.charCodeAt(p + 1));
  return a < 128 && b < 128 ? COUNTRY_LENGTHS[(a << 7) | b]! : 0;
}

/** Whether the two letters at p (either case) are a country that issues IBANs. */
export const isIbanCountryAt = (text: string, p: number): boolean => ibanLengthAt(text, p) !== 0;

const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);

/** ISO 13616 / ISO 7064 mod 97-10: the rearranged number (letters as 10–35) leaves 1. */
export function ibanChecksumOk(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length && rest >= 0; i++) rest = mod97Append(rest, rearranged.charCodeAt(i));
  return rest >= 0 && rest % 97 === 1;
}

/** What may stand between an account's characters: a space, a tab, a hyphen, a dot or a slash. */
export const isIbanSeparator = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x2d || code === 0x2e || code === 0x2f;

/**
 * `ibanChecksumOk` of text[from, to) with its separators left out, read in place: the first four characters
 * kept are read last, as the rearranged number has them.
 */
export function ibanChecksumBetween(text: string, from: number, to: number): boolean {
  let rest = 0;
  let kept = 0;
  let tail = to;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isIbanSeparator(code)) continue;
    if (++kept === 4) tail = i + 1;
    if (kept <= 4) continue;
    rest = mod97Append(rest, code);
    if (rest < 0) return false;
  }
  for (let i = from; i < tail; i++) {
    const code = text.charCodeAt(i);
    if (isIbanSeparator(code)) continue;
    rest = mod97Append(rest, code);
    if (rest < 0) return false;
  }
  return rest % 97 === 1;
}

// Each character's value (digits 0–9, letters in either case 10–35), -1 for any other ASCII character.
const VALUE = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) VALUE[48 + c] = c;
for (let c = 0; c < 26; c++) VALUE[65 + c] = VALUE[97 + c] = 10 + c;

/**
 * The number so far with one more character appended (a letter as two digits), reduced mod 97 only once it is
 * big (a remainder per character was most of the check's time); -1 for a character an IBAN cannot have.
 */
function mod97Append(rest: number, code: number): number {
  const value = code < 128 ? VALUE[code]! : -1;
  if (value < 0) return -1;
  const next = value > 9 ? rest * 100 + value : rest * 10 + value;
  // Below 10^7, a hundred times the number plus 35 stays a small integer.
  return next >= 10_000_000 ? next % 97 : next;
}

/** A Polish NRB is a PL IBAN without the letters: its check digits work the same way. */
export const nrbChecksumOk = (digits: string): boolean => ibanChecksumOk(`PL${digits}`);
