import { digitsOf, weightedSum } from './digits.js';

// NIP (Polish tax id): weights 6,5,7,2,3,4,5,6,7; sum mod 11 is the 10th digit (10 never is).
const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

export function isValidNip(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10) return false;
  const check = weightedSum(d, WEIGHTS) % 11;
  return check !== 10 && check === d[9];
}
