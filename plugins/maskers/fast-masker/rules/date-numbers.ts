import { DASH, DOT, isSpaceCode, SLASH } from '../anchors.js';
import { CharSet } from '../char-set.js';
import type { DigitRuns } from '../digit-runs.js';
import { rule } from '../rule.js';

// 2024-05-14, 2024.05.14, 1985-5-14, 14.05.2024, 14/05/2024, 5.2.1998 (with or without leading zeros, month 1–12,
// day 1–31), the US 5/14/2024, and the month in Roman numerals as Polish letters and forms write it: 14.V.2024,
// 14 XII 2024 (upper case only: "14 i 2024" is "14 and 2024").
export const dateNumbers = rule(
  'DATE',
  /(?<![\d./-])(?:(?:1[89]|2\d)\d{2}\s?[-./]\s?(?:0?[1-9]|1[0-2])\s?[-./]\s?(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])\s?[-./]\s?(?:0?[1-9]|1[0-2])\s?[-./]\s?(?:1[89]|2\d)\d{2}|(?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9])\/(?:1[89]|2\d)\d{2}|(?:0?[1-9]|[12]\d|3[01])(?:\.\s?|\s)(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?:\.\s?|\s)(?:1[89]|2\d)\d{2})(?!\d|[./-]\d)/g,
  {
    hint: /\d\s?[-./]\s?\d|\d(?:\.\s?|\s)[IVX]/,
    anchor: {
      lengths: [1, 4],
      next: new CharSet('-./', { space: true }),
      // A separator follows, perhaps after a space, or the next group's digits after a dot.
      near: { after: ['-', '.', '/', ...'0123456789', 'I', 'V', 'X'] },
      runs: dateGroup,
    },
  },
);

/**
 * The first group of a date: a year, day or month run (4, 2 or 1 digits), a date separator (perhaps after a
 * space), and the next run right after it (perhaps after a space) of one or two digits with a separator after
 * it too. A number followed by a dot ends most sentences of a report: one separator alone made a try of the
 * pattern for each.
 */
function dateGroup(r: DigitRuns, i: number): boolean {
  const n = r.length(i);
  if (n <= 2 && romanMonthAfter(r, i)) return true;
  if (n === 3 || i + 1 >= r.count) return false;
  const at = separatorAfter(r.text, r.end[i]!);
  if (at < 0) return false;
  const next = isSpaceCode(r.text.charCodeAt(at + 1)) ? at + 2 : at + 1;
  if (r.start[i + 1] !== next || r.length(i + 1) > 2) return false;
  const second = separatorAfter(r.text, r.end[i + 1]!);
  if (second < 0) return false;
  // A date that begins with one digit has slashes (the US form) or ends in a year (5.2.1998): a version,
  // `2.4.1`, is no date.
  if (n > 1 || r.text.charCodeAt(at) === SLASH) return true;
  const year = isSpaceCode(r.text.charCodeAt(second + 1)) ? second + 2 : second + 1;
  return i + 2 < r.count && r.start[i + 2] === year && r.length(i + 2) === 4;
}

/** Where a date separator stands at `at` or one space after it, or -1. */
function separatorAfter(text: string, at: number): number {
  const p = isSpaceCode(text.charCodeAt(at)) ? at + 1 : at;
  const c = text.charCodeAt(p);
  return c === DASH || c === DOT || c === SLASH ? p : -1;
}

/** A day, a dot or a space, Roman numerals and a dot or a space, then four digits (`14.V.2024`, `14 XII 2024`). */
function romanMonthAfter(r: DigitRuns, i: number): boolean {
  const text = r.text;
  let p = r.end[i]!;
  const c = text.charCodeAt(p);
  if (c === DOT) p += isSpaceCode(text.charCodeAt(p + 1)) ? 2 : 1;
  else if (isSpaceCode(c)) p++;
  else return false;
  const from = p;
  while (p - from < 4 && isRomanCode(text.charCodeAt(p))) p++;
  if (p === from) return false;
  const d = text.charCodeAt(p);
  if (d === DOT) p += isSpaceCode(text.charCodeAt(p + 1)) ? 2 : 1;
  else if (isSpaceCode(d)) p++;
  else return false;
  return i + 1 < r.count && r.start[i + 1] === p && r.length(i + 1) === 4;
}

const isRomanCode = (c: number) => c === 0x49 || c === 0x56 || c === 0x58;
