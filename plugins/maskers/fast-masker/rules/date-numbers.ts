import { DASH, DOT, isSpaceCode, SLASH } from '../anchors.js';
import { CharSet } from '../char-set.js';
import type { DigitRuns } from '../digit-runs.js';
import { rule } from '../rule.js';

// 2024-05-14, 2024.05.14, 14.05.2024, 14/05/2024 (month 01–12, day 01–31), and the US 5/14/2024.
export const dateNumbers = rule(
  'DATE',
  /(?<![\d./-])(?:(?:1[89]|2\d)\d{2}\s?[-./]\s?(?:0[1-9]|1[0-2])\s?[-./]\s?(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])\s?[-./]\s?(?:0[1-9]|1[0-2])\s?[-./]\s?(?:1[89]|2\d)\d{2}|(?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9])\/(?:1[89]|2\d)\d{2})(?![\d./-]\d)/g,
  {
    hint: /\d\s?[-./]\s?\d/,
    anchor: {
      lengths: [1, 4],
      next: new CharSet('-./', { space: true }),
      // A separator follows, perhaps after a space, or the next group's digits after a dot.
      near: { after: ['-', '.', '/', ...'0123456789'] },
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
  if (n === 3 || i + 1 >= r.count) return false;
  const at = separatorAfter(r.text, r.end[i]!);
  // Only the US form begins with one digit, and it has slashes (a version, `2.4.1`, is no date).
  if (at < 0 || (n === 1 && r.text.charCodeAt(at) !== SLASH)) return false;
  const next = isSpaceCode(r.text.charCodeAt(at + 1)) ? at + 2 : at + 1;
  return r.start[i + 1] === next && r.length(i + 1) <= 2 && separatorAfter(r.text, r.end[i + 1]!) >= 0;
}

/** Where a date separator stands at `at` or one space after it, or -1. */
function separatorAfter(text: string, at: number): number {
  const p = isSpaceCode(text.charCodeAt(at)) ? at + 1 : at;
  const c = text.charCodeAt(p);
  return c === DASH || c === DOT || c === SLASH ? p : -1;
}
