import { labelled } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// A bank account number written without its IBAN (`Konto 1234567890`, `account no. 12345678`, `numéro de compte
// 00012345678`): a national number has no check the masker knows for every country, so only one after its
// label is masked, six to twenty digits, grouped or not. The label's words are one space apart, as the anchor
// reads them.
const LABELS = [
  'konto',
  'kontonummer',
  'kontonr',
  'konto-nr',
  'konto-nr.',
  'kontonr.',
  'account',
  'account number',
  'account no',
  'account no.',
  'acct',
  'acct no',
  'acct no.',
  'a/c',
  'a/c no',
  'a/c no.',
  'compte',
  'n° de compte',
  'numéro de compte',
  'cuenta',
  'número de cuenta',
  'conto',
  'numero di conto',
  'conta',
  'número da conta',
  'rachunek',
  'nr konta',
  'numer konta',
  'nr rachunku',
  'numer rachunku',
];
const escaped = LABELS.map((l) => l.replace(/[./]/g, '\\$&'));
const PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:${escaped.join('|')})[:#\\s]+(\\d{2,}(?:[ -]?\\d{2,}){0,5})(?![\\p{L}\\d]|[.,/-]\\d)`,
  'giu',
);

export const accountLabelled = rule('BANK_ACCOUNT', PATTERN, {
  hint: /kont|acc|acct|a\/c|compt|cuent|cont|rachun/i,
  anchor: labelled({
    labels: LABELS,
    between: new CharSet(':#', { space: true }),
    least: 1,
    most: 4,
    lengths: [2, 20],
    // The label's last letters, alone or with a colon or # (not any colon: every "PESEL:" and "tel:" would be
    // read back through all the labels).
    near: { before: LABELS.flatMap((w) => [w, `${w}:`, `${w}#`]) },
  }),
  group: 1,
  validate: (v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 20;
  },
});
