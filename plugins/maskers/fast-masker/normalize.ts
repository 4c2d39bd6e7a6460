/**
 * What people type is not always what the rules read: zero-width characters and soft hyphens inside an
 * identifier, no-break and other Unicode spaces between its groups, full-width or other-script digits and
 * letters. The rules run on a folded copy (those removed or mapped to ASCII), and each span they find is
 * mapped back onto the original text, so the placeholder replaces what the user wrote, whole.
 */

// One test decides whether a text needs folding at all (most do not: they keep the fast path).
const FOLDED =
  /[\u00AD\u00A0\u1680\u2000-\u200F\u202F\u205F\u2060-\u2064\u3000\uFEFF\uFF01-\uFF5E\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/;

const REMOVED = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// Other decimal digits with their zero: Arabic-Indic, Extended Arabic-Indic, Devanagari.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];

export interface Folded {
  readonly text: string;
  /** For each character of `text`, where it came from in the original. */
  readonly from: readonly number[];
}

/** The folded copy, or null when the text has nothing to fold. */
export function fold(text: string): Folded | null {
  if (!FOLDED.test(text)) return null;
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
