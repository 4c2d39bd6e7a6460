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

export const ibanLength = (country: string): number | undefined => LENGTHS[country.toUpperCase()];

// One byte per pair of ASCII codes: read for every digit run with two letters before it.
const COUNTRY_CODES = new Uint8Array(128 * 128);
for (const c of Object.keys(LENGTHS)) COUNTRY_CODES[(c.charCodeAt(0) << 7) | c.charCodeAt(1)] = 1;

/** Whether the two letters at p (either case) are a country that issues IBANs, read without a string. */
export function isIbanCountryAt(text: string, p: number): boolean {
  const a = upper(text.charCodeAt(p));
  const b = upper(text.charCodeAt(p + 1));
  return a < 128 && b < 128 && COUNTRY_CODES[(a << 7) | b] === 1;
}

const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);

/** ISO 13616 / ISO 7064 mod 97-10: the rearranged number (letters as 10–35) leaves 1. */
export function ibanChecksumOk(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length && rest >= 0; i++) rest = mod97Step(rest, rearranged.charCodeAt(i));
  return rest === 1;
}

/**
 * `ibanChecksumOk` of text[from, to) with its spaces, tabs and hyphens left out, read in place: the first four
 * characters kept are read last, as the rearranged number has them.
 */
export function ibanChecksumBetween(text: string, from: number, to: number): boolean {
  let rest = 0;
  let kept = 0;
  let tail = to;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x2d) continue;
    if (++kept === 4) tail = i + 1;
    if (kept <= 4) continue;
    rest = mod97Step(rest, code);
    if (rest < 0) return false;
  }
  for (let i = from; i < tail; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x2d) continue;
    rest = mod97Step(rest, code);
    if (rest < 0) return false;
  }
  return rest === 1;
}

/** The remainder after one more character of an IBAN (letters as 10–35), or -1 for any other character. */
function mod97Step(rest: number, code: number): number {
  const c = code >= 97 && code <= 122 ? code - 32 : code;
  const value = c >= 65 && c <= 90 ? c - 55 : c - 48;
  if (value < 0 || value > 35) return -1;
  return value > 9 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
}

/** A Polish NRB is a PL IBAN without the letters: its check digits work the same way. */
export const nrbChecksumOk = (digits: string): boolean => ibanChecksumOk(`PL${digits}`);
