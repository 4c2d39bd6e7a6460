import { DOT, isSpaceCode } from './anchors.js';

/**
 * What stands next to a digit run past its spaces, as a key of two characters, so the run index can tell in
 * its one pass which runs a rule bound to words can be part of (an amount and its currency, a day and its
 * month): most runs of a report are neither, and those rules' own tests on every run were a fifth of the
 * masker's time on texts dense with numbers.
 *
 * A key is two classes of five bits each: nothing there, an ASCII letter (either case), a digit, whitespace,
 * `$`, any other ASCII character, and anything beyond ASCII (which a word lets through where its character is
 * beyond ASCII too, or is s or k, onto which `/iu` folds ſ and the Kelvin sign).
 */
export const KEYS = 1 << 10;

const END = 0;
const DIGIT = 27;
const SPACE = 28;
const DOLLAR = 29;
const OTHER = 30;
const BEYOND = 31;

const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c | 0x20) - 96;
  if (letter >= 1 && letter <= 26) CLASS[c] = letter;
  else if (c >= 48 && c <= 57) CLASS[c] = DIGIT;
  else if (c === 32 || (c >= 9 && c <= 13)) CLASS[c] = SPACE;
  else if (c === 0x24) CLASS[c] = DOLLAR;
  else CLASS[c] = OTHER;
}

function classOf(c: number): number {
  // NaN (nothing there) fails both tests.
  return c < 128 ? CLASS[c]! : c >= 128 ? BEYOND : END;
}

// The keys read a text's code units (`DigitRuns.codes`, `length` of them): a typed array costs less to read
// than `charCodeAt`, and these run for most digit runs. Outside the text there is nothing (NaN).

/** The key of the two characters from p on, past one `.` and then whitespace. */
export function afterKey(codes: Uint16Array, length: number, p: number): number {
  if (p < length && codes[p] === DOT) p++;
  while (p < length && isSpaceCode(codes[p]!)) p++;
  const a = p < length ? codes[p]! : Number.NaN;
  const b = p + 1 < length ? codes[p + 1]! : Number.NaN;
  return (classOf(a) << 5) | classOf(b);
}

/** The key of the two characters that end before s, past whitespace and then one `.`, in reading order. */
export function beforeKey(codes: Uint16Array, s: number): number {
  let q = s - 1;
  while (q >= 0 && isSpaceCode(codes[q]!)) q--;
  if (q >= 0 && codes[q] === DOT) q--;
  const a = q >= 1 ? codes[q - 1]! : Number.NaN;
  const b = q >= 0 ? codes[q]! : Number.NaN;
  return (classOf(a) << 5) | classOf(b);
}

/**
 * The keys a list of words allows on one side of a run: `after`, the keys of texts that begin with one of
 * them; otherwise those of texts that end with one. Letters compare in either case, as `/iu` patterns read
 * them; a word shorter than two characters leaves the other half of the key free. The keys read past a `.`
 * right next to the run: name what follows it (a month, not "Sept.").
 */
export function allowedKeys(words: readonly string[], after: boolean): Uint8Array {
  const allowed = new Uint8Array(KEYS);
  const pairs = words.map((word) => {
    if (word === '') throw new Error('allowedKeys: an empty word');
    const [a, b] = after ? [0, 1] : [word.length - 2, word.length - 1];
    return [classesFitting(word.charCodeAt(a)), classesFitting(word.charCodeAt(b))] as const;
  });
  for (let key = 0; key < KEYS; key++) {
    const first = 1 << (key >> 5);
    const second = 1 << (key & 31);
    if (pairs.some(([a, b]) => (a & first) !== 0 && (b & second) !== 0)) allowed[key] = 1;
  }
  return allowed;
}

/**
 * The classes (a bit each) of the text characters a word's character can match: its own; beyond ASCII too
 * when `/iu` folds a character beyond ASCII onto it (ſ onto s, the Kelvin sign onto k) or it is beyond
 * ASCII itself; every class when the word has no character there (NaN).
 */
function classesFitting(code: number): number {
  if (Number.isNaN(code)) return -1;
  const ch = String.fromCharCode(code);
  const same = new RegExp(`^${ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`, 'iu');
  let classes = 0;
  for (let c = 0; c < 128; c++) if (same.test(String.fromCharCode(c))) classes |= 1 << CLASS[c]!;
  for (const folded of FOLDED_ONTO_ASCII) if (same.test(folded)) classes |= 1 << BEYOND;
  if (code >= 128) classes |= 1 << BEYOND;
  return classes;
}

// The characters beyond ASCII that `/iu` reads as an ASCII letter (simple case folding): ſ as s, K as k.
const FOLDED_ONTO_ASCII = ['\u017f', '\u212a'];
