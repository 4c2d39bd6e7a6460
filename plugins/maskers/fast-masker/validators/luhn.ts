// Luhn (ISO/IEC 7812-1): payment cards and SIM ICCIDs. The digits of the value are read from the right, by code
// (separators skipped), without a copy: this runs for every card-shaped candidate of a document.
export function passesLuhn(value: string): boolean {
  let n = 0;
  let sum = 0;
  for (let i = value.length - 1; i >= 0; i--) {
    let x = value.charCodeAt(i) - 48;
    if (x < 0 || x > 9) continue;
    if (n % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    n++;
  }
  return n >= 2 && sum % 10 === 0;
}
