import { codeIn, DOT, isLetterCode, isSpaceCode, isWordCode, WordStarts } from '../anchors.js';
import type { DigitRuns } from '../digit-runs.js';
import { rule } from '../rule.js';

// An amount with a currency before or after it (symbol, ISO code or a Polish/English currency word),
// optionally "tys.", "mln", "mld". Without a currency a number is just a number.
const CODE_LIST = [
  'USD',
  'EUR',
  'GBP',
  'PLN',
  'CHF',
  'CAD',
  'AUD',
  'JPY',
  'NOK',
  'SEK',
  'DKK',
  'CZK',
  'HUF',
  'RUB',
  'CNY',
  'INR',
];
const CODES = CODE_LIST.join('|');
const SYMBOL_LIST = ['$', '€', '£', '¥', '₽', '₹'];
const SYMBOLS = `[${SYMBOL_LIST.join('')}]`;
const WORDS =
  'zł\\.?|złot(?:y|e|ych|ymi|ówki|ego)|dolar(?:a|ów|y|ami)?|euro|eur\\.|eura|eurów|eurem|funt(?:a|ów|y)?|rubl(?:a|i|e)|rubel|dollars?|pounds?';
// The grouped form must not stop inside a longer number: `$6312.91` is one amount, not `$631` and `2.91`.
const AMOUNT = '\\d{1,3}(?:[ ,.\\u00A0]\\d{3})*(?:[.,]\\d{1,2})?(?!\\d)|\\d+(?:[.,]\\d{1,2})?';
const MAGNITUDE = '(?:\\s?(?:tys\\.|mln|mld|k|M))?';
const PATTERN = new RegExp(
  `(?:(?:${SYMBOLS}|\\b(?:${CODES}))\\s?(?:${AMOUNT})${MAGNITUDE}|(?<![\\w.,])(?:${AMOUNT})${MAGNITUDE}\\s?(?:${SYMBOLS}|(?:${CODES}|${WORDS})(?![\\p{L}])))`,
  'giu',
);

// Any currency symbol, ISO code or currency word must be present.
const HINT = new RegExp(`${SYMBOLS}|${CODES}|zł|złot|dolar|euro|eur\\.|funt|rub|dollar|pound`, 'i');

// The pattern's two ends on their own: a currency right before an amount, and what may follow one.
const BEFORE = new RegExp(`(?:${SYMBOLS}|\\b(?:${CODES}))\\s?\\d`, 'iuy');
const AFTER = new RegExp(`${MAGNITUDE}\\s?(?:${SYMBOLS}|(?:${CODES}|${WORDS})(?![\\p{L}]))`, 'iuy');
const COMMA = 0x2c;
// The first letters of the currency words (zł, złoty, dolar, euro, funt, rubel, pound), and the magnitudes.
const WORD_STARTS = ['zł', 'do', 'eu', 'fu', 'ru', 'po'];
const MAGNITUDES = ['tys', 'mln', 'mld', 'k', 'M'];

// An amount begins with its currency or its first digit. The currency stands right before it, or after the
// grouped number the run begins (a currency cannot follow an amount that the number goes on past).
export const money = rule('MONEY', PATTERN, {
  hint: HINT,
  anchor: {
    near: {
      before: [...SYMBOL_LIST, ...CODE_LIST],
      afterChain: [...SYMBOL_LIST, ...CODE_LIST, ...WORD_STARTS, ...MAGNITUDES],
    },
    runs: (r, i, from, to) => currencyBefore(r.text, r.start[i]!, from) >= 0 || currencyAfter(r, i, from, to),
    // Asked about runs next to a placeholder too, so the guess is loose: where a symbol or a code would begin.
    starts(r, i, from, _to, push) {
      const s = Math.max(r.start[i]!, from);
      const p = isSpaceCode(r.text.charCodeAt(s - 1)) ? s - 2 : s - 1;
      const c = r.text.charCodeAt(p);
      if (isSymbol(c)) push(p);
      else if (isLetterCode(c)) push(p - 2);
      push(s);
    },
  },
});

/** Where the currency written right before an amount starting at `s` begins, or -1. */
function currencyBefore(text: string, s: number, from: number): number {
  let p = s - 1;
  if (p >= from && isSpaceCode(text.charCodeAt(p))) p--;
  if (p < from) return -1;
  const c = text.charCodeAt(p);
  if (isSymbol(c)) return p;
  // A code: three letters after a word's edge (the pattern's own test decides; these only rule out).
  if (
    p - 2 < from ||
    !isLetterCode(c) ||
    !isLetterCode(text.charCodeAt(p - 1)) ||
    !isLetterCode(text.charCodeAt(p - 2))
  )
    return -1;
  // At the gap's start the edge is the placeholder, which the pattern's \b would not see in the whole text.
  if (p - 2 === from) return p - 2;
  if (isWordCode(text.charCodeAt(p - 3)) || !CODE_STARTS.at(text, p - 2)) return -1;
  BEFORE.lastIndex = p - 2;
  return BEFORE.test(text) && BEFORE.lastIndex === s + 1 ? p - 2 : -1;
}

function currencyAfter(r: DigitRuns, i: number, from: number, to: number): boolean {
  const b = codeIn(r.text, r.start[i]! - 1, from);
  if (isWordCode(b) || b === DOT || b === COMMA) return false;
  const at = r.chainEnd[i]!;
  if (!currencyCanFollow(r.text, isSpaceCode(r.text.charCodeAt(at)) ? at + 1 : at)) return false;
  // The tail's lookahead must not see a placeholder's letters ("5kzł" before a masked "a0:b1:…"): near the
  // gap's end it reads the gap alone (the longest tail, " tys. dolarami" and the letter after it, is 15 long).
  const text = to - at <= AFTER_REACH ? r.text.slice(0, to) : r.text;
  AFTER.lastIndex = at;
  return AFTER.test(text);
}

const AFTER_REACH = 16;

/**
 * Whether a currency, or a magnitude and a currency, can begin at p: a loose test of the pattern's tail that
 * reads at most the magnitude (tys., mln, mld, k, M in any case), not the word that follows the number.
 */
function currencyCanFollow(text: string, p: number): boolean {
  if (currencyAt(text, p)) return true;
  const c = text.charCodeAt(p);
  // Beyond ASCII, `/iu` reads some letters as k or s (U+212A, U+017F): the pattern decides.
  if (c >= 128) return true;
  const lower = c | 0x20;
  if (lower === 0x6b || lower === 0x6d) {
    if (currencyAfterSpace(text, p + 1)) return true;
    if (lower === 0x6b) return false;
    const l = text.charCodeAt(p + 1) | 0x20;
    const d = text.charCodeAt(p + 2) | 0x20;
    return l === 0x6c && (d === 0x6e || d === 0x64) && currencyAfterSpace(text, p + 3);
  }
  return (
    lower === 0x74 &&
    (text.charCodeAt(p + 1) | 0x20) === 0x79 &&
    (text.charCodeAt(p + 2) | 0x20) === 0x73 &&
    text.charCodeAt(p + 3) === DOT &&
    currencyAfterSpace(text, p + 4)
  );
}

/** A currency at q, or after one space there. */
function currencyAfterSpace(text: string, q: number): boolean {
  return currencyAt(text, q) || (isSpaceCode(text.charCodeAt(q)) && currencyAt(text, q + 1));
}

function currencyAt(text: string, q: number): boolean {
  return isSymbol(text.charCodeAt(q)) || CURRENCY_STARTS.at(text, q);
}

// The first two letters of the codes and of the currency words.
const CODE_STARTS = new WordStarts(CODE_LIST);
const CURRENCY_STARTS = new WordStarts([...CODE_LIST, ...WORD_STARTS]);

/** $ € £ ¥ ₽ ₹, by code (read for every digit run: a Set's lookup cost more than these comparisons). */
function isSymbol(c: number): boolean {
  return c === 0x24 || (c >= 0xa3 && (c === 0xa3 || c === 0xa5 || c === 0x20ac || c === 0x20bd || c === 0x20b9));
}
