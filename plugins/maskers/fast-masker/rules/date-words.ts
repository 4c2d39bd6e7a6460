import { clipped, DASH, DOT, isLetterCode, isSpaceCode, WordStarts } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// "14 maja 2024", "2024 maj 14", "May 14th, 2024", "14 May 2024", "14th of May 2024", "14-Sep-2024" (Polish month
// names in all their forms).
const PL =
  'stycz(?:eń|nia|niu)|luty|lutego|lutym|marzec|marca|marcu|kwie(?:cień|tnia|tniu)|maj|maja|maju|czerw(?:iec|ca)|czerwcu|lip(?:iec|ca)|lipcu|sierp(?:ień|nia|niu)|wrze(?:sień|śnia|śniu)|październik(?:a|u)?|listopad(?:a|zie)?|grud(?:zień|nia|niu)|sty|lut|mar|kwi|cze|lip|sie|wrz|paź|lis|gru';
const EN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const YEAR = '(?:1[89]\\d{2}|2\\d{3})';
const PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:${DAY}(?:(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?|-)(?:${PL}|${EN})(?:\\.?,?\\s+|-)${YEAR}|${YEAR}\\s+(?:${PL})\\s+${DAY}|(?:${EN})\\.?\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR})(?![\\p{L}\\d])`,
  'giu',
);

const ORDINALS = ['st', 'nd', 'rd', 'th'];

// Every form of the month names begins with one of these three letters (every form has three at least).
const PL_STARTS = ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'];
const EN_STARTS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// The English forms in full ("Sept?" is Sep and Sept).
const EN_FORMS = EN.split('|').flatMap((m) => (m.endsWith('?') ? [m.slice(0, -2), m.slice(0, -1)] : [m]));

// A date begins with its day or year followed by a month word, or with an English month before the day.
export const dateWords = rule('DATE', PATTERN, {
  hint: /\d{4}/,
  anchor: {
    lengths: [1, 4],
    // A month's name follows the day or year, or an English one stands before the day.
    near: { before: EN_FORMS, after: [...PL_STARTS, ...EN_STARTS, ...ORDINALS, '-'] },
    touch: new CharSet('.-', { space: true, letters: true }),
    runs(r, i) {
      const n = r.length(i);
      if (n === 4) return monthAfter(r.text, r.end[i]!, false, PL_MONTHS);
      if (n > 2) return false;
      if (monthAfter(r.text, afterOrdinal(r.text, r.end[i]!), true, ANY_MONTH)) return true;
      const before = monthBefore(r.text, r.start[i]!, 0);
      return before >= 0 && EN_MONTHS.at(r.text, before);
    },
    // Asked about runs next to a placeholder too: each branch is tried where it could begin.
    starts(r, i, from, to, push) {
      const [s, n] = clipped(r, i, from, to);
      if (n <= 2) {
        const month = monthBefore(r.text, s, from);
        if (month >= 0) push(month);
      }
      if (n !== 3 && n <= 4) push(s);
    },
  },
});

const PL_MONTHS = new WordStarts(PL_STARTS, 3);
const EN_MONTHS = new WordStarts(EN_STARTS, 3);
const ANY_MONTH = new WordStarts([...PL_STARTS, ...EN_STARTS], 3);

/** After a day (`dot`: "14. maja", "14-Sep", "14th of May") or a year: spaces, then what can begin a month's name. */
function monthAfter(text: string, at: number, dot: boolean, months: WordStarts): boolean {
  if (dot && text.charCodeAt(at) === DASH) return months.at(text, at + 1);
  if (dot && text.charCodeAt(at) === DOT) at++;
  if (!isSpaceCode(text.charCodeAt(at))) return false;
  while (isSpaceCode(text.charCodeAt(at))) at++;
  if (dot && (text.charCodeAt(at) | 0x20) === 0x6f && (text.charCodeAt(at + 1) | 0x20) === 0x66) {
    const past = at + 2;
    if (!isSpaceCode(text.charCodeAt(past))) return false;
    at = past;
    while (isSpaceCode(text.charCodeAt(at))) at++;
  }
  return months.at(text, at);
}

/** Past an English ordinal's letters right after a day ("14th"), or `at` itself. */
function afterOrdinal(text: string, at: number): number {
  const a = text.charCodeAt(at) | 0x20;
  const b = text.charCodeAt(at + 1) | 0x20;
  const ordinal =
    (a === 0x73 && b === 0x74) ||
    (a === 0x6e && b === 0x64) ||
    (a === 0x72 && b === 0x64) ||
    (a === 0x74 && b === 0x68);
  return ordinal ? at + 2 : at;
}

/** Where the word before a day ("May 14", "Sept. 14") begins, not before `from`, or -1. */
function monthBefore(text: string, s: number, from: number): number {
  let p = s;
  while (p > from && isSpaceCode(text.charCodeAt(p - 1))) p--;
  if (p === s) return -1;
  if (p > from && text.charCodeAt(p - 1) === DOT) p--;
  const end = p;
  while (p > from && isLetterCode(text.charCodeAt(p - 1))) p--;
  return p < end ? p : -1;
}
