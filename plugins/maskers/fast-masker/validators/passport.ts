// Polish passport number: AA9999999, letters valued A=10…Z=35, weights 7,3,9,1,7,3,1,7,3 over all nine
// characters; the third (the first digit, weight 9) is the check digit, chosen so the sum is 0 mod 10. The
// specimen passport ZS0000177 holds.
const WEIGHTS = [7, 3, 9, 1, 7, 3, 1, 7, 3];

export function isValidPolishPassport(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{2}\d{7}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const ch = v[i]!;
    sum += (i < 2 ? ch.charCodeAt(0) - 55 : Number(ch)) * WEIGHTS[i]!;
  }
  return sum % 10 === 0;
}
