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
    for (let i = count - 1; i >= 0; i--) {
      const e = end[i]!;
      if (i + 1 < count && start[i + 1]! - e <= MAX_GAP && gapsOnly(text, e, start[i + 1]!)) {
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
    let { start, end } = scratch;
    let n = 0;
    let foldable = false;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
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
      while (i < length && (text.charCodeAt(i) - 48) >>> 0 < 10);
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

function gapsOnly(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isGap(text.charCodeAt(p))) return false;
  return true;
}
