/** The decimal digits of a string, as numbers (a loop: replace, spread and map cost 5 % of all masking). */
export function digitsOf(s: string): number[] {
  const digits: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) digits.push(d);
  }
  return digits;
}

/** Weighted digit sum, the core of most national identifier checksums. */
export function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * (digits[i] ?? 0);
  return sum;
}
