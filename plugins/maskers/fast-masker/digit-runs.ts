import { firstAbove } from './first-above.js';
import { isFoldable } from './normalize.js';

/**
 * One pass over a text that finds its runs of ASCII digits and how they chain into grouped numbers
 * (`600 123 456`, `526-000-12-46`, `(601) 123`). Rules that need digits use it to try their pattern only
 * where a match can start, instead of scanning the whole text once per rule: on texts dense with numbers
 * those scans were nearly all of the masker's time.
 */

// What may stand between two digit runs of one grouped number: whitespace (as `\s` reads it) and
// . , - / : ( ), at most MAX_GAP characters (`) (` and ` - ` are the longest any rule allows).
const MAX_GAP = 3;
const GAP = new Uint8Array(128);
for (const ch of ' \t\n\v\f\r.,-/:()') GAP[ch.charCodeAt(0)] = 1;

function isGap(c: number): boolean {
  if (c < 128) return GAP[c] === 1;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The arrays of the runs, shared by every text: a text's rules all run before the next text's begin (masking
 * is synchronous and nothing keeps a `DigitRuns`), and typed arrays made per text cost more than the scan.
 */
const scratch = {
  start: new Int32Array(256),
  end: new Int32Array(256),
  chainDigits: new Int32Array(256),
  chainEnd: new Int32Array(256),
};

/**
 * The text's UTF-16 code units, copied in one native write: the scan reads every character, and reading a
 * typed array costs about half what `charCodeAt` does (which checks the string's representation per call).
 */
let units = new Uint16Array(4096);
let unitBytes = Buffer.from(units.buffer);

function unitsOf(text: string): Uint16Array {
  if (units.length < text.length) {
    units = new Uint16Array(text.length * 2);
    unitBytes = Buffer.from(units.buffer);
  }
  unitBytes.write(text, 0, 'utf16le');
  return units;
}

function grow(): void {
  for (const key of Object.keys(scratch) as Array<keyof typeof scratch>) {
    const bigger = new Int32Array(scratch[key].length * 2);
    bigger.set(scratch[key]);
    scratch[key] = bigger;
  }
}

/** The digit runs of one text; valid until the next text's are read. */
export class DigitRuns {
  readonly count: number;
  /** Where run i starts and ends (end exclusive). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Digits of run i and of the runs chained after it by gaps: an upper bound of any number read from i. */
  readonly chainDigits: Int32Array;
  /** Where the last run chained from run i ends. */
  readonly chainEnd: Int32Array;
  /**
   * The text's code units, for passes that read a few characters around every run (valid as long as the
   * runs; only [0, text.length) is the text's, the rest is stale).
   */
  readonly codes: Uint16Array;

  private constructor(
    readonly text: string,
    count: number,
    /** Whether the text has a character `fold` changes (the masker then reads its folded copy instead). */
    readonly foldable: boolean,
  ) {
    this.count = count;
    const { start, end, chainDigits: digits, chainEnd: last } = scratch;
    this.start = start;
    this.end = end;
    this.chainDigits = digits;
    this.chainEnd = last;
    this.codes = units;
    for (let i = count - 1; i >= 0; i--) {
      const e = end[i]!;
      if (i + 1 < count && start[i + 1]! - e <= MAX_GAP && gapsOnly(units, e, start[i + 1]!)) {
        digits[i] = e - start[i]! + digits[i + 1]!;
        last[i] = last[i + 1]!;
      } else {
        digits[i] = e - start[i]!;
        last[i] = e;
      }
    }
  }

  static of(text: string): DigitRuns {
    const length = text.length;
    const codes = unitsOf(text);
    let { start, end } = scratch;
    let n = 0;
    let foldable = false;
    for (let i = 0; i < length; i++) {
      const c = codes[i]!;
      if ((c - 48) >>> 0 >= 10) {
        // Read here so that no second pass over every character asks it.
        if (c >= 0xa0 && !foldable) foldable = isFoldable(c);
        continue;
      }
      if (n === start.length) {
        grow();
        ({ start, end } = scratch);
      }
      start[n] = i;
      do i++;
      while (i < length && (codes[i]! - 48) >>> 0 < 10);
      end[n++] = i;
      // The loop's i++ would skip the character after the run: it is read again as a non-digit.
      i--;
    }
    return new DigitRuns(text, n, foldable);
  }

  /** The first run that ends after `at` (count when none does). */
  firstEndingAfter(at: number): number {
    return firstAbove(this.end, this.count, at);
  }

  length(i: number): number {
    return this.end[i]! - this.start[i]!;
  }

  /** The character code right after run i (NaN at the end of the text). */
  after(i: number): number {
    return this.text.charCodeAt(this.end[i]!);
  }
}

function gapsOnly(codes: Uint16Array, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isGap(codes[p]!)) return false;
  return true;
}
