import { anyIn, bmpTable } from './bmp-table.js';
import { CONFUSABLE } from './confusables.js';

// Zero-width and formatting characters, bidi controls, the soft hyphen, word joiners, the BOM and Unicode tag
// characters: invisible in a chat window, used to split trigger words apart.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed to be removed on their own
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFE00-\uFE0F]|\uDB40[\uDC00-\uDC7F]/g;
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
// A token that mixes letters with leet digits or symbols ("1gn0r3", "@ll"), matched from its first character
// only (the lookbehind), so the engine never rescans a word from inside it.
// ASCII letters only (the text is lower-cased and its accents folded by then): leetspeak is written with them, and
// the Unicode classes made this step and HAS_LEET most of the normalisation's time on long texts.
const LEET_TOKEN = /(?<![a-z0-9@$!])(?=[a-z0-9@$!]*[0-9@$!])(?=[a-z0-9@$!]*[a-z])[a-z0-9@$!]+/g;
// Letters written apart: "d.i.s.r.e.g.a.r.d", "i-g-n-o-r-e" (a space between such runs is a word break), and
// "i g n o r e" with single spaces (two or more spaces then separate the words).
const JOINED = /(?<!\p{L})(?:\p{L}[.\-_*]){2,}\p{L}(?!\p{L})/gu;
const SPACED = /(?<!\p{L})(?:\p{L} ){3,}\p{L}(?!\p{L})/gu;
// Cheap tests first: the two patterns above cost as much as all the signals on long texts.
const MAYBE_JOINED = /[^\s.\-_*][.\-_*][^\s.\-_*][.\-_*][^\s.\-_*]/;
const MAYBE_SPACED = /(?:^|\s)\S \S \S \S(?:\s|$)/;

const MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4]/g;
// Most texts are plain ASCII: nothing to decompose, fold or make invisible.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is the test
const ASCII = /^[\x00-\x7F]*$/;

// Rewriting every token is the costly step: only texts where a letter touches a digit or symbol need it.
const HAS_LEET = /[a-z][0-9@$!]|[0-9@$][a-z]/;

// Unicode TR39 confusables that look like one ASCII letter (confusables.ts). Only words that mix Latin with
// another script are folded: a whole Cyrillic or Greek word is that language, and its own signals read it.
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/u;
const NON_LATIN_LETTER = /[^\p{Script=Latin}\P{L}]/u;
const MARK = /\p{M}/u;
// Read on the first non-ASCII text, not at start-up (about 30 ms for both).
let tables: { nonLatin: Uint8Array; latin: Uint8Array; mark: Uint8Array } | undefined;
const unicodeTables = () =>
  (tables ??= { nonLatin: bmpTable(NON_LATIN_LETTER), latin: bmpTable(LATIN_LETTER), mark: bmpTable(MARK) });

/**
 * The text with every word (run of letters) that mixes Latin letters with letters of another script folded to
 * its Latin look-alikes. A loop over table lookups: the pattern that found those words was a quarter of the
 * guard's time on mixed-script texts.
 */
function foldMixedWords(t: string): string {
  const { nonLatin, latin } = unicodeTables();
  // 1 Latin letter, 2 other letter, 0 not a letter; astral characters read by the patterns.
  const kind = (code: number) =>
    code < 0xd800 || code > 0xdfff
      ? latin[code] === 1
        ? 1
        : nonLatin[code] === 1
          ? 2
          : 0
      : LATIN_LETTER.test(String.fromCodePoint(code))
        ? 1
        : NON_LATIN_LETTER.test(String.fromCodePoint(code))
          ? 2
          : 0;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < t.length) {
    const first = t.codePointAt(i)!;
    if (kind(first) === 0) {
      i += first > 0xffff ? 2 : 1;
      continue;
    }
    let j = i;
    let seen = 0;
    while (j < t.length) {
      const code = t.codePointAt(j)!;
      const k = kind(code);
      if (k === 0) break;
      seen |= k;
      j += code > 0xffff ? 2 : 1;
    }
    if (seen === 3) {
      out += t.slice(last, i) + [...t.slice(i, j)].map((c) => CONFUSABLE[c] ?? c).join('');
      last = j;
    }
    i = j;
  }
  return last === 0 ? t : out + t.slice(last);
}

/** Folds the tricks that hide trigger words: compatibility forms, invisible characters, look-alike letters,
 * accents, leetspeak, spacing. */
export function normalize(text: string): string {
  // Compatibility forms decomposed and diacritics folded away (zignorować → zignorowac, übergehe → ubergehe,
  // й → и): the Latin signals are written folded, because \b only knows ASCII letters, and folding also undoes
  // look-alike accents.
  const ascii = ASCII.test(text);
  let t: string;
  if (ascii) t = text.toLowerCase();
  else {
    const { mark } = unicodeTables();
    t = text.normalize('NFKD');
    if (anyIn(t, mark, MARK)) t = t.replace(MARKS, '');
    t = t.replace(INVISIBLE, '').replace(APOSTROPHES, "'").toLowerCase();
  }
  if (!ascii && anyIn(t, unicodeTables().nonLatin, NON_LATIN_LETTER)) t = foldMixedWords(t);
  if (MAYBE_JOINED.test(t)) t = t.replace(JOINED, (m) => m.replace(/[.\-_*]/g, ''));
  if (MAYBE_SPACED.test(t)) t = t.replace(SPACED, (m) => m.replace(/ /g, ''));
  if (!ascii) t = t.replace(/ł/g, 'l').replace(/ß/g, 'ss');
  if (HAS_LEET.test(t))
    t = t.replace(LEET_TOKEN, (w) => (/[a-z]{2}/.test(w) ? [...w].map((c) => LEET[c] ?? c).join('') : w));
  // Only runs and other whitespace: replacing every single space by itself was a fifth of this function.
  return t.replace(WHITESPACE, ' ');
}

const WHITESPACE = /\s{2,}|[^\S ]/g;
