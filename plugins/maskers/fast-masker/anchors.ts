import { isAsciiLetter, isSpaceCode } from './char-class.js';
import { CharSet } from './char-set.js';
import type { DigitRuns } from './digit-runs.js';
import type { Anchor } from './rule.js';

export const PLUS = 0x2b;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const OPEN_BRACKET = 0x28;

// Character tests on codes, as the rules' patterns read them (`\w`, `\d`, `\s`, `\p{L}`).
export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export { isAsciiLetter, isLetterCode, isSpaceCode } from './char-class.js';

/** The character code at `at`, or NaN before `from` (a placeholder's text, which the pattern does not see). */
export function codeIn(text: string, at: number, from: number): number {
  return at >= from ? text.charCodeAt(at) : Number.NaN;
}

/** Where the `\w` run holding position `at` starts, not before `from`. */
function wordStart(text: string, at: number, from: number): number {
  while (at > from && isWordCode(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Where the `\w` run holding position `at` ends, not after `to`. */
function wordEnd(text: string, at: number, to: number): number {
  while (at < to && isWordCode(text.charCodeAt(at))) at++;
  return at;
}

/** The run's start and length, cut to the searched gap. */
export function clipped(runs: DigitRuns, i: number, from: number, to: number): [number, number] {
  const s = Math.max(runs.start[i]!, from);
  return [s, Math.min(runs.end[i]!, to) - s];
}

/**
 * A match begins with run i and reads at least `digits` digits of the grouped number it starts; `refuse`
 * is the pattern's negative lookbehind, and `notAfterNumber` its `(?<!\d )` (not the tail of a bigger number).
 */
export function atGroup(digits: number, refuse: CharSet, notAfterNumber = false): Anchor {
  if (!notAfterNumber) return { chain: digits, refuse };
  return { chain: digits, refuse, runs: (r, i, from) => !afterNumber(r.text, r.start[i]!, from) };
}

/** Whether a digit and a space stand right before `s` (in the gap that begins at `from`). */
export function afterNumber(text: string, s: number, from: number): boolean {
  return s - 2 >= from && text.charCodeAt(s - 1) === 0x20 && isDigitCode(text.charCodeAt(s - 2));
}

/** Whether a digit and a dot or comma stand right before `s`: `s` is a decimal's fraction, not a number. */
export function afterDecimalMark(text: string, s: number, from: number): boolean {
  const c = text.charCodeAt(s - 1);
  return s - 2 >= from && (c === DOT || c === 0x2c) && isDigitCode(text.charCodeAt(s - 2));
}

/** A match that is one whole `\w` word holding a digit, min to max characters long. */
export function wholeWord(min: number, max: number): Anchor {
  return {
    lengths: [1, max],
    // Each of these words has letters too, so the run touches one.
    touch: WORD,
    runs: (r, i) => wordEnd(r.text, r.end[i]!, r.text.length) - wordStart(r.text, r.start[i]!, 0) >= min,
    starts(r, i, from, to, push) {
      const s = wordStart(r.text, Math.max(r.start[i]!, from), from);
      const n = wordEnd(r.text, Math.min(r.end[i]!, to), to) - s;
      if (n >= min && n <= max) push(s);
    },
  };
}

const WORD = new CharSet('', { word: true });

/** Starts at the run, or at the bracket right before it (`(601) 123 456`). */
export function bracketOrRun(r: DigitRuns, i: number, from: number, _to: number, push: (at: number) => void): void {
  const s = Math.max(r.start[i]!, from);
  if (r.text.charCodeAt(s - 1) === OPEN_BRACKET) push(s - 1);
  push(s);
}

interface LettersBefore {
  /** The fewest and most letters of the prefix. */
  readonly letters: readonly [number, number];
  /** Upper-case letters only (the pattern has no `i` flag). */
  readonly upper?: boolean;
  /** What may stand between the letters and the digits (at most one character; none when absent). */
  readonly sep?: CharSet;
  /** Whether the separator is required. */
  readonly sepRequired?: boolean;
  readonly lengths?: readonly [number, number];
  readonly next?: CharSet;
}

/**
 * A match that begins with a run of ASCII letters right before the digits (or before one separator), not
 * preceded by a `\w` character: `ABC 123456`, `WA12345`, `TX-20240514-001`.
 */
export function lettersBefore(spec: LettersBefore): Anchor {
  const { letters, upper = false, sep, sepRequired = false } = spec;
  const isLetter = upper ? (c: number) => c >= 65 && c <= 90 : isAsciiLetter;
  const prefixStart = (text: string, s: number, from: number): number => {
    let p = s;
    if (sep !== undefined && p > from && sep.has(text.charCodeAt(p - 1))) p--;
    else if (sepRequired) return -1;
    const end = p;
    while (p > from && end - p <= letters[1] && isLetter(text.charCodeAt(p - 1))) p--;
    const n = end - p;
    return n >= letters[0] && n <= letters[1] ? p : -1;
  };
  const letterSet = new CharSet('', upper ? { upper: true } : { letters: true });
  return {
    ...(spec.lengths ? { lengths: spec.lengths } : {}),
    ...(spec.next ? { next: spec.next } : {}),
    // The letters, or the separator after them, stand right before the digits.
    prev: sep === undefined ? letterSet : sepRequired ? sep : CharSet.either(letterSet, sep),
    runs(r, i, from) {
      const p = prefixStart(r.text, r.start[i]!, from);
      return p >= 0 && !isWordCode(codeIn(r.text, p - 1, from));
    },
    starts(r, i, from, _to, push) {
      const p = prefixStart(r.text, Math.max(r.start[i]!, from), from);
      if (p >= 0) push(p);
    },
  };
}

/**
 * The first letters (two, or `letters`) of each word in a list, for a cheap test of whether a word at some
 * position can be one of them, as a case-insensitive pattern reads it: a letter beyond ASCII always may
 * (`/iu` folds some of them onto ASCII letters), an ASCII character that is not a letter never does.
 */
export class WordStarts {
  /** One byte per prefix of lower-case ASCII letters, five bits a letter (a table read, not a Set lookup). */
  private readonly table: Uint8Array;

  constructor(
    words: readonly string[],
    private readonly letters = 2,
  ) {
    this.table = new Uint8Array(1 << (5 * letters));
    for (const w of words) {
      if (w.length < letters) throw new Error(`WordStarts: "${w}" is shorter than ${letters} letters`);
      const key = prefixKey(w, 0, letters);
      if (key === NOT_A_WORD) throw new Error(`WordStarts: "${w}" does not begin with ${letters} letters`);
      // A prefix with a letter beyond ASCII is matched by the "may" rule above, not by the table.
      if (key >= 0) this.table[key] = 1;
    }
  }

  at(text: string, p: number): boolean {
    const key = prefixKey(text, p, this.letters);
    return key >= 0 ? this.table[key] === 1 : key === BEYOND;
  }
}

const BEYOND = -1;
const NOT_A_WORD = -2;

/** The table key of the letters at p, or BEYOND (a letter beyond ASCII, none missing), or NOT_A_WORD. */
function prefixKey(text: string, p: number, letters: number): number {
  let key = 0;
  let beyond = false;
  for (let k = 0; k < letters; k++) {
    const c = text.charCodeAt(p + k);
    if (c >= 128) beyond = true;
    else {
      const slot = (c | 0x20) - 97;
      // NaN (nothing there) fails this test too.
      if (!(slot >= 0 && slot < 26)) return NOT_A_WORD;
      key = (key << 5) | slot;
    }
  }
  return beyond ? BEYOND : key;
}

interface Labelled {
  /** The labels, in lower case, one of which a match begins with (read in any ASCII case, as `/i` does). */
  readonly labels: readonly string[];
  /** What stands between the label and the digits, from `least` to `most` characters of it. */
  readonly between?: CharSet;
  readonly least?: number;
  readonly most?: number;
  /** Words that may stand between the label (and whitespace after it) and `between`: `KRS nr: 123`. */
  readonly subLabels?: readonly string[];
  readonly lengths?: readonly [number, number];
  readonly near?: Anchor['near'];
}

/**
 * A match that begins with a label and perhaps some separators right before its first digits: `FV/2024/…`,
 * `ORD-12345`, `fbid12345678`, `PESEL: 44051401359`. Read back from each run instead of scanning the text for
 * the label: a case-insensitive scan of a long text costs more than reading the runs' neighbours. The label's
 * letters are never `between` characters, so walking back over every one of those finds where it must end.
 */
export function labelled(spec: Labelled): Anchor {
  const { labels, between, least = 0, most = 0, subLabels = [] } = spec;
  const letters = new CharSet('', { letters: true });
  const starts = (text: string, s: number, from: number, push: (at: number) => void): void => {
    let p = s;
    while (s - p < most && p > from && between!.has(text.charCodeAt(p - 1))) p--;
    if (s - p < least) return;
    pushLabelsEndingAt(text, p, from, labels, push);
    for (const sub of subLabels) {
      if (!endsWithWord(text, p, from, sub)) continue;
      let q = p - sub.length;
      while (q > from && isSpaceCode(text.charCodeAt(q - 1))) q--;
      pushLabelsEndingAt(text, q, from, labels, push);
    }
  };
  return {
    ...(spec.lengths ? { lengths: spec.lengths } : {}),
    ...(spec.near ? { near: spec.near } : {}),
    prev: between === undefined ? letters : least > 0 ? between : CharSet.either(letters, between),
    starts: (r, i, from, _to, push) => starts(r.text, Math.max(r.start[i]!, from), from, push),
  };
}

function pushLabelsEndingAt(
  text: string,
  p: number,
  from: number,
  labels: readonly string[],
  push: (at: number) => void,
): void {
  for (const label of labels) if (endsWithWord(text, p, from, label)) push(p - label.length);
}

/** Whether `word` (lower case) ends at p, in any ASCII case, within the gap that begins at `from`. */
function endsWithWord(text: string, p: number, from: number, word: string): boolean {
  const at = p - word.length;
  if (at < from) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(isAsciiLetter(c) && (c | 0x20) === w)) return false;
  }
  return true;
}
