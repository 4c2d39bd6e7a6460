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

/**
 * The sizes of a string's groups of digits as one number, a base-32 digit per group (`526-000-12-46` → 3, 3, 2,
 * 2): a shape compared without the array and string the sizes would make (exact up to ten groups; groups longer
 * than 31 share 31).
 */
export function groupShape(s: string): number {
  let shape = 0;
  let size = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) size++;
    else if (size > 0) {
      shape = shape * 32 + Math.min(size, 31);
      size = 0;
    }
  }
  return size > 0 ? shape * 32 + Math.min(size, 31) : shape;
}

/** `groupShape` of the groups' sizes, given as numbers. */
export const sizesShape = (sizes: readonly number[]): number => sizes.reduce((n, g) => n * 32 + Math.min(g, 31), 0);

/** `groupShape` of a shape written as sizes with dashes (`'3-3-2-2'`). */
export const shapeKey = (sizes: string): number => sizesShape(sizes.split('-').map(Number));

export function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) n++;
  }
  return n;
}

/** The first `count` digits of a string read as one number (separators skipped; fewer when it has fewer). */
export function leadingDigits(s: string, count: number): number {
  let value = 0;
  for (let i = 0, n = 0; i < s.length && n < count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      value = value * 10 + d;
      n++;
    }
  }
  return value;
}
