import { digitsOf, weightedSum } from './digits.js';

// REGON (GUS): 9 digits, weights 8,9,2,3,4,5,6,7; 14 digits, weights 2,4,8,5,0,9,7,3,6,1,2,4,8 over the first
// 13 (whose first 9 are a valid REGON-9). Check = sum mod 11, with 10 read as 0.
const WEIGHTS_9 = [8, 9, 2, 3, 4, 5, 6, 7];
const WEIGHTS_14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

const check = (d: number[], weights: number[]) => (weightedSum(d, weights) % 11) % 10;

export function isValidRegon(value: string): boolean {
  const d = digitsOf(value);
  if (d.length === 9) return check(d, WEIGHTS_9) === d[8];
  if (d.length === 14) return check(d, WEIGHTS_9) === d[8] && check(d, WEIGHTS_14) === d[13];
  return false;
}
