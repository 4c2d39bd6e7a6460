/** Character classes tested on one UTF-16 code, as the rules' patterns read them (`\s`, `\p{L}`). */

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (classOf(c) & SPACE) !== 0;
}

export function isLetterCode(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xaa && (classOf(c) & LETTER) !== 0);
}

/** `[\p{L}\p{N}]` on one code unit (a lone surrogate is neither, as `/u` reads a string of one). */
export function isLetterOrNumberCode(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || (c >= 0xaa && (classOf(c) & (LETTER | NUMBER)) !== 0);
}

// `\s`, `\p{L}` and `\p{N}` beyond ASCII, as the patterns read them: each code's answer is asked of the regular
// expression once and kept, instead of a string made and a pattern run per test (the anchors ask about the
// letters next to every digit run, and Polish letters are often beyond ASCII). Codes are UTF-16 units.
const SPACE = 1;
const LETTER = 2;
const KNOWN = 4;
const NUMBER = 8;
const CLASSES = new Uint8Array(0x10000);

function classOf(c: number): number {
  // NaN (nothing there) is in no class.
  if (!(c >= 0 && c < 0x10000)) return KNOWN;
  const known = CLASSES[c]!;
  if (known !== 0) return known;
  const ch = String.fromCharCode(c);
  const found =
    KNOWN | (/\s/.test(ch) ? SPACE : 0) | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0);
  CLASSES[c] = found;
  return found;
}
