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

/** A year, day or month run (4, 2 or 1 digits) and then a date separator, perhaps after a space. */
function dateGroup(r: DigitRuns, i: number): boolean {
  if (r.length(i) === 3) return false;
  let at = r.end[i]!;
  if (isSpaceCode(r.text.charCodeAt(at))) at++;
  const c = r.text.charCodeAt(at);
  return c === DASH || c === DOT || c === SLASH;
}
