import { digitsOf, weightedSum } from './digits.js';

// PESEL (Polish Act on Population Register): weights 1,3,7,9,1,3,7,9,1,3; check = (10 − sum mod 10) mod 10.
// The month carries the century: +80 → 1800s, +0 → 1900s, +20 → 2000s, +40 → 2100s, +60 → 2200s.
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const CENTURY = new Map([
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
]);

export function isValidPesel(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11) return false;
  if ((10 - (weightedSum(d, WEIGHTS) % 10)) % 10 !== d[10]) return false;
  const rawMonth = d[2]! * 10 + d[3]!;
  const offset = rawMonth - ((rawMonth - 1) % 20) - 1;
  const century = CENTURY.get(offset);
  if (century === undefined) return false;
  const year = century + d[0]! * 10 + d[1]!;
  const month = rawMonth - offset;
  const day = d[4]! * 10 + d[5]!;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
