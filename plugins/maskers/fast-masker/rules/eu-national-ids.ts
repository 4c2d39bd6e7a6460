import { labelled, lettersBefore } from '../anchors.js';
import { CharSet } from '../char-set.js';
import type { DigitRuns } from '../digit-runs.js';
import { rule } from '../rule.js';
import { isValidCodiceFiscale, isValidDniOrNie, isValidNir, isValidSteuerId } from '../validators/eu-national-ids.js';

// Identity and tax numbers of other EU countries, each kept by its standard's check digits or letter: a
// Spanish, French, Italian or German user's own number is as personal as a PESEL.

const SPACE_OR_DASH = new CharSet('-', { space: true });
const UPPER = 0x41;
const Z = 0x5a;

/** After the grouped number run i begins (and one space or dash): a capital letter, as a DNI ends. */
function letterAfterChain(r: DigitRuns, i: number): boolean {
  const e = r.chainEnd[i]!;
  let c = r.text.charCodeAt(e);
  if (SPACE_OR_DASH.has(c)) c = r.text.charCodeAt(e + 1);
  return c >= UPPER && c <= Z;
}

// Spanish DNI: eight digits (`12345678Z`, `12.345.678-Z`) and the letter that checks them.
export const esDni = rule('NATIONAL_ID', /(?<![\w.-])(?:\d{8}|\d{2}\.\d{3}\.\d{3})[ -]?[A-Z](?![\w])/g, {
  hint: /\d[ -]?[A-Z]/,
  anchor: {
    lengths: [2, 8],
    chain: 8,
    refuse: new CharSet('.-', { word: true }),
    runs: (r, i) => (r.length(i) === 8 || r.length(i) === 2) && letterAfterChain(r, i),
  },
  validate: isValidDniOrNie,
});

// Spanish NIE: X, Y or Z, seven digits and the check letter (`X1234567L`, `Y-1234567-X`).
export const esNie = rule('NATIONAL_ID', /(?<![\w-])[XYZ][ -]?\d{7}[ -]?[A-Z](?![\w])/g, {
  hint: /[XYZ][ -]?\d{7}/,
  anchor: lettersBefore({ letters: [1, 1], upper: true, sep: SPACE_OR_DASH, lengths: [7, 7] }),
  validate: isValidDniOrNie,
});

// French NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B in Corsica), commune, order and
// key, printed grouped (`1 85 05 78 006 084 91`) or in one (`185057800608491`).
export const frNir = rule(
  'NATIONAL_ID',
  /(?<![\w./-])[1-478][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\w]|[./-]\d)/g,
  {
    hint: /\d{3}[ .]?\d{3}[ .]?\d{2}/,
    anchor: {
      lengths: [1, 15],
      chain: 6,
      refuse: new CharSet('./-', { word: true }),
      // Fifteen digits, or six and Corsica's letter after them (`2 69 05 2A …`): dates and phones stop here.
      runs: (r, i) => {
        const first = r.text.charCodeAt(r.start[i]!) - 48;
        if (first < 1 || first > 8 || first === 5 || first === 6) return false;
        const digits = r.chainDigits[i]!;
        if (digits >= 15) return true;
        const after = r.text.charCodeAt(r.chainEnd[i]!) | 0x20;
        return digits === 6 && (after === 0x61 || after === 0x62);
      },
    },
    validate: isValidNir,
  },
);

// Italian codice fiscale: six letters of the name, the birth year, month letter and day, the place and the check
// letter (`RSSMRA85T10A562S`).
export const itCodiceFiscale = rule('NATIONAL_ID', /(?<![\w])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![\w])/gi, {
  hint: /[A-Z]{6}\d{2}[A-Z]/i,
  anchor: lettersBefore({ letters: [6, 6], lengths: [2, 2] }),
  validate: isValidCodiceFiscale,
});

// German Steuer-Identifikationsnummer: eleven digits after their label (unlabelled, any eleven digits pass its check
// one time in ten), grouped or not (`Steuer-ID: 86 095 742 719`).
export const deSteuerId = rule(
  'NATIONAL_ID',
  /\b(?:steuer-?id(?:-?nr\.?)?|steuer-?identifikationsnummer|idnr\.?|identifikationsnummer)[:#\s]*(\d{2}\s?\d{3}\s?\d{3}\s?\d{3})(?!\d)/gi,
  {
    hint: /id/i,
    anchor: labelled({
      labels: [
        'steuer-id',
        'steuerid',
        'steuer-idnr',
        'steuer-id-nr',
        'steueridnr',
        'steuer-idnr.',
        'steuer-id-nr.',
        'steuer-identifikationsnummer',
        'steueridentifikationsnummer',
        'idnr',
        'idnr.',
        'identifikationsnummer',
      ],
      between: new CharSet(':#', { space: true }),
      most: 4,
      lengths: [2, 11],
      // The labels' last letters, alone or with the colon or # after them: most runs are not read back at all.
      near: { before: ['id', 'nr', 'er', 'id:', 'nr:', 'er:', 'id#', 'nr#', 'er#', 'nr.:'] },
    }),
    group: 1,
    validate: isValidSteuerId,
  },
);
