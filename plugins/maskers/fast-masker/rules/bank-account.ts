import { codeIn, isAsciiLetter, isDigitCode } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { type MaskRule, RunAnchor } from '../rule.js';
import {
  IBAN_COUNTRIES,
  ibanChecksumBetween,
  ibanChecksumOk,
  ibanLengthAt,
  isIbanCountryAt,
  isIbanSeparator,
} from '../validators/iban.js';

// IBAN (ISO 13616): a known country code, two check digits (or XX when partly hidden), then exactly that
// country's length of letters and digits, with spaces, hyphens, dots or slashes anywhere between. Checked with mod 97
// unless part of it is already hidden with X.
const CANDIDATE = /(?<![A-Za-z0-9])([A-Z]{2}|[a-z]{2})[ \t./-]?([0-9]{2}|XX)((?:[ \t./-]?[A-Za-z0-9]){8,30})/g;
// Typed in lower case, an IBAN is told from the words around it when written compactly, or spaced when all
// that follows the country code is digits (as in a Polish IBAN): words cannot pass for those.
const COMPACT = /^[a-z0-9]+/;
const SPACED_DIGITS = /^[a-z]{2}(?:[ \t./-]?\d)+/;

export const bankAccount: MaskRule = {
  tag: 'BANK_ACCOUNT',
  pattern: CANDIDATE,
  hint: /[A-Za-z]{2}[ \t./-]?(?:\d{2}|XX)/,
  // The country code stands right before the check digits, or a space or hyphen before them; hidden check
  // digits (XX) have no digits to anchor on, so a text with XX is scanned whole.
  anchor: new RunAnchor({
    lengths: [2, Number.MAX_SAFE_INTEGER],
    prev: new CharSet(' \t-./', { letters: true }),
    // The key skips one dot before the run; a hyphen or a slash is part of it.
    near: { before: [...IBAN_COUNTRIES, ...IBAN_COUNTRIES.flatMap((c) => [`${c}-`, `${c}/`])] },
    runs: (r, i, from) => countryBefore(r.text, r.start[i]!, from),
    // Where `countryBefore` found the code: two letters before the digits, or before the separator before them.
    starts(r, i, from, _to, push) {
      const s = Math.max(r.start[i]!, from);
      const c = codeIn(r.text, s - 1, from);
      push(isIbanSeparator(c) ? s - 3 : s - 2);
    },
    scanWhole: (text) => text.includes('XX'),
  }),
  needsDigit: true,
  spans(m) {
    const length = ibanLengthAt(m.input, m.index);
    if (length === 0) return [];
    if (isLower(m.input.charCodeAt(m.index))) {
      const compact = COMPACT.exec(m.input.slice(m.index))![0];
      if (compact.length === length && ibanChecksumOk(compact))
        return [{ start: m.index, end: m.index + length, tag: 'BANK_ACCOUNT' }];
      return spacedLowerCase(m, length);
    }
    // Read by code in the text, in one pass (no copies): this runs for every account in a document.
    const text = m.input;
    const bodyFrom = m.index + m[0].length - m[3]!.length;
    const body = readBody(text, bodyFrom, m.index + m[0].length, length - 4);
    const hidden = body.hidden || m[2] === 'XX';
    const matchEnd = body.end;
    // A partly hidden account ("PL-XX-10XX-5799-XXXX-0000-ABCD") may be shortened; a whole one must be exact.
    if (hidden ? body.taken < 12 : body.taken < length - 4) return [];
    const next = text.charCodeAt(matchEnd);
    if (isAsciiLetter(next) || isDigitCode(next)) return [];
    if (hidden) {
      if (!/\d{4}/.test(text.slice(m.index, matchEnd).replace(/[ \t./-]/g, ''))) return [];
    } else if (!ibanChecksumBetween(text, m.index, matchEnd)) return [];
    return [{ start: m.index, end: matchEnd, tag: 'BANK_ACCOUNT' }];
  },
};

/** What one pass over an account's body found; one object, reused (the rules run one at a time). */
const body = { taken: 0, end: 0, hidden: false };

/**
 * Reads the account's body from `from`: it ends at the first lower-case word (an IBAN is upper case; x is a
 * hidden digit); up to `wanted` letters and digits are taken from it (`end` after the last), and `hidden` says
 * whether an x stands in the body.
 */
function readBody(text: string, from: number, to: number, wanted: number): typeof body {
  body.taken = 0;
  body.end = from;
  body.hidden = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c | 0x20) === 0x78) body.hidden = true;
    else if (isLower(c)) break;
    if (body.taken < wanted && (isAsciiLetter(c) || isDigitCode(c))) {
      body.taken++;
      body.end = i + 1;
    }
  }
  return body;
}

/** Whether a known country code in one case stands before the check digits at `s` (perhaps a separator away). */
function countryBefore(text: string, s: number, from: number): boolean {
  const c = codeIn(text, s - 1, from);
  const p = isIbanSeparator(c) ? s - 1 : s;
  if (p - 2 < from) return false;
  const a = text.charCodeAt(p - 2);
  const b = text.charCodeAt(p - 1);
  const upper = isUpper(a) && isUpper(b);
  if (!upper && !(isLower(a) && isLower(b))) return false;
  const before = codeIn(text, p - 3, from);
  return !isAsciiLetter(before) && !isDigitCode(before) && isIbanCountryAt(text, p - 2);
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** `pl61 1090 1014 0000 0712 1981 2874`: the country's length in digits after a lower-case code, mod 97 valid. */
function spacedLowerCase(m: RegExpExecArray, length: number) {
  const run = SPACED_DIGITS.exec(m.input.slice(m.index));
  if (!run) return [];
  let digits = 0;
  let end = 2;
  for (let i = 2; i < run[0].length && digits < length - 2; i++) {
    if (/\d/.test(run[0][i]!)) {
      digits++;
      end = i + 1;
    }
  }
  if (digits !== length - 2 || /\d/.test(m.input[m.index + end] ?? '')) return [];
  const compact = m.input.slice(m.index, m.index + end).replace(/[ \t./-]/g, '');
  return ibanChecksumOk(compact) ? [{ start: m.index, end: m.index + end, tag: 'BANK_ACCOUNT' }] : [];
}
