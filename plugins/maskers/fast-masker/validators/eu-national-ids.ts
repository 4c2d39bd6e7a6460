// Check digits of national identity and tax numbers of other EU countries, as their standards define them.

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (`12345678Z`) or NIE (`X1234567L`): the letter is the number mod 23 (X, Y, Z count as 0, 1, 2). */
export function isValidDniOrNie(value: string): boolean {
  const v = value.toUpperCase().replace(/[\s.-]/g, '');
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(v);
  if (m === null || m[1]!.length + m[2]!.length !== 8) return false;
  const number = Number(('XYZ'.indexOf(m[1]!) >= 0 ? String('XYZ'.indexOf(m[1]!)) : '') + m[2]!);
  return DNI_LETTERS[number % 23] === m[3];
}

/**
 * French NIR (numéro de sécurité sociale, `1 85 05 78 006 084 36`): the key is 97 minus the first 13 characters
 * mod 97, with Corsica's departments 2A and 2B read as 19 and 18.
 */
export function isValidNir(value: string): boolean {
  const v = value.toUpperCase().replace(/[\s.]/g, '');
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(v)) return false;
  const body = Number(v.slice(0, 13).replace('2A', '19').replace('2B', '18'));
  return 97 - (body % 97) === Number(v.slice(13));
}

// The codice fiscale's check letter: characters in odd places (1st, 3rd…) count by this table, digits as the
// letter in their place (0 as A); those in even places count their place in the alphabet (digits their value).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Italian codice fiscale (`RSSMRA85T10A562S`): its sixteenth letter checks the fifteen before it. */
export function isValidCodiceFiscale(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v.charCodeAt(i);
    const n = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? ODD[n]! : n;
  }
  return v.charCodeAt(15) - 65 === sum % 26;
}

/** German Steuer-Identifikationsnummer (11 digits, not starting with 0): ISO 7064 MOD 11,10. */
export function isValidSteuerId(value: string): boolean {
  const v = value.replace(/\s/g, '');
  if (!/^[1-9]\d{10}$/.test(v)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (v.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === v.charCodeAt(10) - 48;
}

/** Swiss AHV/AVS number (`756.1234.5678.97`): 13 digits from 756, an EAN-13 check digit last. */
export function isValidAhv(value: string): boolean {
  const v = value.replace(/[\s.]/g, '');
  if (!/^756\d{10}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (v.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === v.charCodeAt(12) - 48;
}

/** NHS number (`943 476 5919`): ten digits, the last the mod-11 check of the nine before (weights 10 to 2). */
export function isValidNhsNumber(value: string): boolean {
  const v = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (v.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === v.charCodeAt(9) - 48;
}
