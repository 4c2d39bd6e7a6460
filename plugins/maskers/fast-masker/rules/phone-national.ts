import { afterDecimalMark, afterNumber, bracketOrRun, isAsciiLetter, isDigitCode, OPEN_BRACKET } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { type MaskRule, RunAnchor } from '../rule.js';
import { shapeKey, sizesShape } from '../validators/digits.js';

/**
 * Phone numbers in national formats, which the Polish, NANP and "+" rules before this one do not take:
 * `07700 900 123`, `030 12345678`, `06 12 34 56 78`, `(02) 9876 5432`, `333 123 4567`, `98765 43210`,
 * `555.123.4567 x204`. Without a word that says "phone" before it, a number is taken only in a shape ordinary
 * numbers never have: a trunk prefix 0 (amounts are not written with a leading zero), an area code in brackets,
 * an extension, or groups ending in four digits (thousands are grouped by three). After such a word (`tel.`,
 * `call`, `Handy`, `portable`, `móvil`…), any grouped number of 7–15 digits is taken (E.164 allows 15).
 */

// Groups of digits split by one separator, an area code in brackets first perhaps (`(0-22)` and `(0 22)` as older
// Polish numbers print it), an extension perhaps; not
// the tail of a bigger grouped number, not part of a decimal, range or path (a dot or comma counts only after a
// digit: `Office,07700 063 966` is a list, `1,07700` a decimal).
const PATTERN =
  /(?<![\w+/-])(?<!\d[.,])(?<!\d )(?:\(\d{1,5}\)[ .-]?|\(0[ -]\d{2,4}\) ?)?\d{1,11}(?:[ ./-]\d{1,8}){0,5}(?:[ ,]{0,2}(?:x|ext\.?|extension|wew\.?) ?\d{1,5})?(?![\w]|[.,/-]\d| \d)/g;

// Words before a number that make it a phone number, in the languages the gateway's users write (letters are
// told apart with \p{L}: \b does not know that "ń" is a letter).
const CONTEXT = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:phone|telephone|tel|mobile|cell(?:phone)?|fax|call|ring|dial|text|sms|whatsapp|contact|reach|hotline|helpline|line` +
    String.raw`|telefon\p{L}*|tel\.|kom\.?|komórk\p{L}*|zadzwoń|dzwoń|dzwonić|faks\p{L}*|handy\p{L}*|mobil\p{L}*|rufnummer|ruf\p{L}*|anrufen|unter` +
    String.raw`|téléphone|tél|portable|appel\p{L}*|joignable|teléfono|móvil|celular|llam\p{L}*|telefono|cellulare|chiam\p{L}*|answering)(?!\p{L})|☎|📞)[^\n\d]{0,24}(?:\n[^\S\n]*)?$`,
  'iu',
);

// A label after the number, as contact lists write them (`781 1704 office`, `3660170548-Fax`).
const CONTEXT_AFTER =
  /^[^\S\n]?[-–(]?[^\S\n]?(?:office|fax|mobile|cell|home|work|phone|tel|telefon|handy|biuro|domowy|komórkowy|faks)(?!\p{L})/iu;

/**
 * Where the text a label is looked for before a number at `at` begins: 40 characters back, or from the last
 * digit in them. A label is letters (or ☎) and only non-digits follow it up to the number, so no match
 * begins before that digit, and keeping the digit keeps what the label's lookbehind reads: the same answer
 * from a pattern tried at a few positions instead of forty (on texts dense with numbers, a digit is near).
 */
function labelFrom(text: string, at: number): number {
  const from = Math.max(0, at - 40);
  for (let p = at - 1; p >= from; p--) if (isDigitCode(text.charCodeAt(p))) return p;
  return from;
}

const EXTENSION = /[ ,]{0,2}(?:x|ext\.?|extension|wew\.?) ?\d{1,5}$/;

/** Whether a candidate is a phone number; `labelled` is asked only for numbers its answer can change. */
function isPhoneShape(value: string, labelled: () => boolean): boolean {
  // Only an extension brings letters into a candidate.
  const extension = hasAsciiLetter(value) ? EXTENSION.exec(value) : null;
  const number = extension ? value.slice(0, extension.index) : value;
  const sizes = groupSizes(number);
  let n = 0;
  for (const g of sizes) n += g;
  if (n < 7 || n > 15) return false;
  if (unlabelledShape(number, sizes, n, extension !== null)) return true;
  return (sizes.length >= 2 || n >= 8) && labelled();
}

/** The lengths of the number's groups of digits, read by code (this runs on every candidate). */
function groupSizes(number: string): number[] {
  const sizes: number[] = [];
  let size = 0;
  for (let i = 0; i < number.length; i++) {
    if (isDigitCode(number.charCodeAt(i))) size++;
    else if (size > 0) {
      sizes.push(size);
      size = 0;
    }
  }
  if (size > 0) sizes.push(size);
  return sizes;
}

function unlabelledShape(number: string, sizes: readonly number[], n: number, extension: boolean): boolean {
  if (extension) return sizes.length >= 2;
  const bracketed = number.charCodeAt(0) === OPEN_BRACKET;
  // The first group's first two digits (a candidate begins with its digits, or with a bracket and them).
  const at = bracketed ? 1 : 0;
  const lead = number.charCodeAt(at);
  const second = sizes[0]! > 1 ? number.charCodeAt(at + 1) : Number.NaN;
  // A national number written whole: 0 and nine digits (`0202295221`); eleven digits from 0 are PESELs of the
  // 2000s as often (a broken one is still not a phone).
  if (sizes.length === 1) return sizes[0] === 10 && lead === ZERO && second !== ZERO;
  if (lead === ZERO && second !== ZERO) return n >= 9 && n <= 12 && (bracketed || sizes.every((g) => g >= 2));
  if (bracketed) return sizes[0]! >= 2 && n >= 8 && n <= 12;
  const shape = sizesShape(sizes);
  if (shape === FIVE_FIVE) return lead >= 0x36 && lead <= 0x39;
  if (shape === NANP_WITH_ONE) return lead === 0x31;
  return PHONE_SHAPES.has(shape);
}

// Group shapes as `groupShape` keys: no string made per candidate.
const FIVE_FIVE = shapeKey('5-5');
const NANP_WITH_ONE = shapeKey('1-3-3-4');
const PHONE_SHAPES = new Set(['2-4-4', '3-4-4', '3-3-4', '3-2-2-2'].map(shapeKey));

const ZERO = 0x30;

function hasAsciiLetter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isAsciiLetter(value.charCodeAt(i))) return true;
  return false;
}

export const phoneNational: MaskRule = {
  tag: 'PHONE',
  pattern: PATTERN,
  hint: /\d{2}/,
  anchor: new RunAnchor({
    chain: 7,
    refuse: new CharSet('+/-', { word: true }),
    runs: (r, i, from) => !afterNumber(r.text, r.start[i]!, from) && !afterDecimalMark(r.text, r.start[i]!, from),
    starts: bracketOrRun,
  }),
  needsDigit: true,
  spans(m) {
    const value = m[0];
    const end = m.index + value.length;
    const labelled = () =>
      CONTEXT.test(m.input.slice(labelFrom(m.input, m.index), m.index)) ||
      CONTEXT_AFTER.test(m.input.slice(end, end + 16));
    if (!isPhoneShape(value, labelled)) return [];
    return [{ start: m.index, end, tag: 'PHONE' }];
  },
};
