// PESEL (Polish Act on Population Register): weights 1,3,7,9,1,3,7,9,1,3; check = (10 − sum mod 10) mod 10.
// The month carries the century: +80 → 1800s, +0 → 1900s, +20 → 2000s, +40 → 2100s, +60 → 2200s; what is
// left must be a month (1–12) and the day a day of it.
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const CENTURY_BY_OFFSET = [1900, 2000, 2100, 2200, 1800];
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Read by code, without copies: this runs for every eleven-digit candidate of a document. */
export function isValidPesel(value: string): boolean {
  let n = 0;
  let sum = 0;
  let check = 0;
  let yy = 0;
  let mm = 0;
  let dd = 0;
  for (let i = 0; i < value.length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (n === 11) return false;
    if (n < 10) sum += WEIGHTS[n]! * d;
    else check = d;
    if (n < 2) yy = yy * 10 + d;
    else if (n < 4) mm = mm * 10 + d;
    else if (n < 6) dd = dd * 10 + d;
    n++;
  }
  if (n !== 11 || (10 - (sum % 10)) % 10 !== check) return false;
  const month = mm % 20;
  if (month < 1 || month > 12) return false;
  const year = CENTURY_BY_OFFSET[(mm - month) / 20]! + yy;
  return dd >= 1 && dd <= daysIn(year, month);
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
