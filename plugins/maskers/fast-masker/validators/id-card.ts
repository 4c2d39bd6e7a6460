// Polish identity card number (dowód osobisty): AAA999999, letters valued A=10…Z=35, weights 7,3,1,9,7,3,1,7,3
// where the 4th character (weight 9) is the check digit: sum of the others mod 10.
const WEIGHTS = [7, 3, 1, 0, 7, 3, 1, 7, 3];

export function isValidPolishIdCard(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{3}\d{6}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const ch = v[i]!;
    sum += (i < 3 ? ch.charCodeAt(0) - 55 : Number(ch)) * WEIGHTS[i]!;
  }
  return sum % 10 === Number(v[3]);
}
