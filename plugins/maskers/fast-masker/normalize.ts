/**
 * What people type is not always what the rules read: zero-width characters and soft hyphens inside an
 * identifier, no-break and other Unicode spaces between its groups, full-width or other-script digits and
 * letters. The rules run on a folded copy (those removed or mapped to ASCII), and each span they find is
 * mapped back onto the original text, so the placeholder replaces what the user wrote, whole.
 */

/**
 * Whether fold() changes the character with this code: the test made on every character of a text (by the
 * digit-run scan, which reads each one anyway), so it is comparisons, with ASCII and most letters out first.
 */
export function isFoldable(c: number): boolean {
  if (c < 0xa0) return false;
  if (c < 0x660) return c === 0xa0 || c === 0xad;
  if (c < 0x1680) return c <= 0x669 || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x966 && c <= 0x96f);
  if (c < 0x3000) return c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || c === 0x202f || (c >= 0x205f && c <= 0x2064);
  return c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e);
}

const REMOVED = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// Other decimal digits with their zero: Arabic-Indic, Extended Arabic-Indic, Devanagari.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];

export interface Folded {
  readonly text: string;
  /** For each character of `text`, where it came from in the original. */
  readonly from: readonly number[];
}

/** The folded copy (of a text with a foldable character: `DigitRuns.foldable`). */
export function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (REMOVED.test(ch)) continue;
    out += foldChar(ch);
    from.push(i);
  }
  return { text: out, from };
}

function foldChar(ch: string): string {
  if (SPACES.test(ch)) return ' ';
  const code = ch.charCodeAt(0);
  // Full-width ASCII (U+FF01…U+FF5E) sits at a fixed distance from ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
  return ch;
}

/** A span of the folded text as the span of the original it came from (characters removed inside included). */
export function originalSpan(folded: Folded, start: number, end: number): [number, number] {
  return [folded.from[start]!, folded.from[end - 1]! + 1];
}
