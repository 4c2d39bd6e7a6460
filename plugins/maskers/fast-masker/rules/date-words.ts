import { clipped, DASH, DOT, isLetterCode, isSpaceCode, WordStarts } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// "14 maja 2024", "2024 maj 14", "May 14th, 2024", "14 May 2024", "14th of May 2024", "14-Sep-2024" (Polish month
// names in all their forms), and the day-first dates of the other languages people write to the gateway in:
// "14. Mai 2024", "1er mai 2024", "14 de mayo de 2024", "14 maggio 2024", "14 de maio de 2024", "14 мая 2024 г.",
// "14 травня 2024" (a birth date in a German letter is as personal as in a Polish one).
const PL =
  'stycz(?:eń|nia|niu)|luty|lutego|lutym|marzec|marca|marcu|kwie(?:cień|tnia|tniu)|maj|maja|maju|czerw(?:iec|ca)|czerwcu|lip(?:iec|ca)|lipcu|sierp(?:ień|nia|niu)|wrze(?:sień|śnia|śniu)|październik(?:a|u)?|listopad(?:a|zie)?|grud(?:zień|nia|niu)|sty|lut|mar|kwi|cze|lip|sie|wrz|paź|lis|gru';
const EN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
// Full names, and the abbreviations German and French print (with their dot, read by the pattern's `\.?`).
const DE =
  'Januar|Jänner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jän|Mär|Okt|Dez';
const FR =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|fevr|avr|juil|déc';
const ES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const IT = 'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
const PT = 'janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro';
const RU = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const UK = 'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня';
const OTHER = [DE, FR, ES, IT, PT, RU, UK].join('|');
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const YEAR = '(?:1[89]\\d{2}|2\\d{3})';
const PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:${DAY}(?:(?:st|nd|rd|th|er)?\\.?\\s+(?:(?:of|de)\\s+)?|-)(?:${PL}|${EN}|${OTHER})(?:\\.?,?\\s+(?:del?\\s+)?|-)${YEAR}|${YEAR}\\s+(?:${PL})\\s+${DAY}|(?:${EN})\\.?\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR})(?![\\p{L}\\d])`,
  'giu',
);

const ORDINALS = ['st', 'nd', 'rd', 'th', 'er'];

// Every form of the month names begins with one of these three letters (every form has three at least).
const PL_STARTS = ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'];
const EN_STARTS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// The other languages' names begin with these (beyond ASCII a start passes the tables whatever it is).
const OTHER_STARTS = [
  ...new Set(
    OTHER.split('|')
      .filter((m) => m.length >= 3)
      .map((m) => m.slice(0, 3).toLowerCase()),
  ),
];
// The English forms in full ("Sept?" is Sep and Sept).
const EN_FORMS = EN.split('|').flatMap((m) => (m.endsWith('?') ? [m.slice(0, -2), m.slice(0, -1)] : [m]));

// A date begins with its day or year followed by a month word, or with an English month before the day.
export const dateWords = rule('DATE', PATTERN, {
  hint: /\d{4}/,
  anchor: {
    lengths: [1, 4],
    // A month's name follows the day or year, or an English one stands before the day.
    // "de" before the month: "14 de mayo".
    near: { before: EN_FORMS, after: [...PL_STARTS, ...EN_STARTS, ...OTHER_STARTS, ...ORDINALS, 'de', '-'] },
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
const ANY_MONTH = new WordStarts([...PL_STARTS, ...EN_STARTS, ...OTHER_STARTS], 3);

/** After a day (`dot`: "14. maja", "14-Sep", "14th of May") or a year: spaces, then what can begin a month's name. */
function monthAfter(text: string, at: number, dot: boolean, months: WordStarts): boolean {
  if (dot && text.charCodeAt(at) === DASH) return months.at(text, at + 1);
  if (dot && text.charCodeAt(at) === DOT) at++;
  if (!isSpaceCode(text.charCodeAt(at))) return false;
  while (isSpaceCode(text.charCodeAt(at))) at++;
  // "of" or "de" between the day and the month: "14th of May", "14 de mayo" (not the "De" of "Dezember").
  const a = text.charCodeAt(at) | 0x20;
  const b = text.charCodeAt(at + 1) | 0x20;
  if (dot && ((a === 0x6f && b === 0x66) || (a === 0x64 && b === 0x65)) && isSpaceCode(text.charCodeAt(at + 2))) {
    at += 2;
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
    (a === 0x74 && b === 0x68) ||
    // French "1er".
    (a === 0x65 && b === 0x72);
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
