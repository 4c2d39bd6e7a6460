import { isSpaceCode } from './char-class.js';

/** A set of characters tested by code, for the anchors' checks on the characters around a digit run. */
export class CharSet {
  private readonly ascii = new Uint8Array(128);
  private readonly space: boolean;

  /**
   * `chars` and, as the patterns read them, `\w` (when `word`), `\d` (when `digit`), ASCII letters (when
   * `letters`: `upper` for capitals only) and `\s` (when `space`, which is the only class with characters
   * beyond ASCII here).
   */
  constructor(
    chars: string,
    classes: { word?: boolean; digit?: boolean; letters?: boolean; upper?: boolean; space?: boolean } = {},
  ) {
    for (const ch of chars) this.ascii[ch.charCodeAt(0)] = 1;
    for (let c = 0; c < 128; c++) {
      const digit = c >= 48 && c <= 57;
      const up = c >= 65 && c <= 90;
      const low = c >= 97 && c <= 122;
      if ((classes.word && (digit || up || low || c === 95)) || (classes.digit && digit)) this.ascii[c] = 1;
      if ((classes.letters && (up || low)) || (classes.upper && up)) this.ascii[c] = 1;
      if (classes.space && (c === 32 || (c >= 9 && c <= 13))) this.ascii[c] = 1;
    }
    this.space = classes.space === true;
  }

  /** The characters of either set. */
  static either(a: CharSet, b: CharSet): CharSet {
    const u = new CharSet('', { space: a.space || b.space });
    for (let c = 0; c < 128; c++) u.ascii[c] = a.ascii[c]! | b.ascii[c]!;
    return u;
  }

  /** Whether code `c` is in the set (never for NaN: nothing stands there). */
  has(c: number): boolean {
    if (c < 128) return this.ascii[c] === 1;
    return this.space && isSpaceCode(c);
  }
}
