import { labelled, lettersBefore } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { isValidAhv, isValidNhsNumber } from '../validators/eu-national-ids.js';

// British and Swiss numbers a person is known by.

// Swiss AHV/AVS number: 756, then ten digits, dotted as printed (`756.1234.5678.97`) or not.
export const chAhv = rule('NATIONAL_ID', /(?<![\w.-])756(?:\.\d{4}\.\d{4}\.\d{2}|\d{10})(?![\w]|[.-]\d)/g, {
  hint: /756/,
  anchor: {
    lengths: [3, 13],
    chain: 13,
    refuse: new CharSet('.-', { word: true }),
    runs: (r, i) => r.text.startsWith('756', r.start[i]!),
  },
  validate: isValidAhv,
});

// UK National Insurance number: two letters (of those HMRC issues), six digits in pairs or not, A–D
// (`QQ 12 34 56 C`); no check digit, so the letters' rules and the shape are what keep it.
export const ukNino = rule(
  'NATIONAL_ID',
  /(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])/g,
  {
    hint: /[A-Z] ?\d{2}/,
    anchor: {
      ...lettersBefore({ letters: [2, 2], upper: true, sep: new CharSet('', { space: true }), lengths: [2, 6] }),
      // Six digits in all, then a space or the closing letter.
      chain: 6,
      next: new CharSet('ABCD', { space: true }),
    },
  },
);

// NHS number: ten digits grouped 3-3-4, checked mod 11, after its label (unlabelled, any phone-shaped ten digits
// pass one time in eleven).
export const ukNhs = rule(
  'NATIONAL_ID',
  /\bNHS(?: (?:no\.?|number|nr))?[:#\s]+(\d{3}[ -]?\d{3}[ -]?\d{4})(?![\d-])/gi,
  {
    hint: /NHS/i,
    anchor: labelled({
      labels: ['nhs'],
      between: new CharSet(':#', { space: true }),
      least: 1,
      most: 4,
      subLabels: ['no', 'no.', 'number', 'nr'],
      lengths: [3, 10],
      // The label's last letters, alone or with a colon or # after them (not any colon before a number).
      near: { before: ['nhs', 'no', 'no.', 'number', 'nr'].flatMap((w) => [w, `${w}:`, `${w}#`]) },
    }),
    group: 1,
    validate: isValidNhsNumber,
  },
);
