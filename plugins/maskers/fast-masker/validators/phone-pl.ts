import { isSpaceCode } from '../char-class.js';

// Polish numbering plan (UKE): mobile ranges, geographic area codes (59 is Słupsk), VoIP 39, special 47,
// premium 70, toll-free and shared-cost 80. A 9-digit number outside these is not a Polish phone number.
const PREFIXES = new Set([
  '45',
  '50',
  '51',
  '53',
  '57',
  '60',
  '66',
  '69',
  '72',
  '73',
  '78',
  '79',
  '88',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '22',
  '23',
  '24',
  '25',
  '29',
  '32',
  '33',
  '34',
  '41',
  '42',
  '43',
  '44',
  '46',
  '48',
  '52',
  '54',
  '55',
  '56',
  '58',
  '59',
  '61',
  '62',
  '63',
  '65',
  '67',
  '68',
  '71',
  '74',
  '75',
  '76',
  '77',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '87',
  '89',
  '91',
  '94',
  '95',
  '39',
  '47',
  '70',
  '80',
]);

// The prefixes as numbers 0–99, for a test made by code on every candidate.
const PREFIX = new Uint8Array(100);
for (const p of PREFIXES) PREFIX[Number(p)] = 1;

/** Nine digits (whitespace, hyphens and a slash between them left out) beginning with a prefix of the plan. */
export function isPolishPhoneNumber(value: string): boolean {
  let digits = 0;
  let prefix = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits <= 2) prefix = prefix * 10 + c - 48;
    } else if (c !== 0x2d && c !== 0x2f && !isSpaceCode(c)) return false;
  }
  return digits === 9 && PREFIX[prefix] === 1;
}
