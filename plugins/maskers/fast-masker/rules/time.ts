import { isDigitCode } from '../anchors.js';
import { CharSet } from '../char-set.js';
import type { DigitRuns } from '../digit-runs.js';
import { rule } from '../rule.js';

// 09:30, 9:30, 11:34:35, 23.59: a time of day (the dotted form, common in Polish, needs two-digit hours).
export const time = rule(
  'TIME',
  /(?<![\d.,:])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|(?:[01]\d|2[0-3])\.[0-5]\d)(?![\d]|[.,:]\d)/g,
  { hint: /\d[:.]\d\d/, anchor: { lengths: [1, 2], next: new CharSet(':.'), runs: minutesAfter } },
);

/** Minutes follow the separator: [0-5] and a digit. */
function minutesAfter(r: DigitRuns, i: number): boolean {
  const e = r.end[i]!;
  const m = r.text.charCodeAt(e + 1);
  return m >= 48 && m <= 53 && isDigitCode(r.text.charCodeAt(e + 2));
}
