import { isLetterCode, isSpaceCode, isWordCode } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { type Anchor, type MaskRule, RunAnchor, type Span } from '../rule.js';

// A document's number after its label, in the languages the gateway reads: passports, identity cards, driving
// licences and Spanish plates (`Reisepassnummer C01X00T47`, `passport no. 533380006`, `permis
// de conduire n° 123456789012`, `matrícula 1234 BCD`). Most have no check a masker can run, so the label is what
// says it is one (a European VIN, which has no check digit, is the VIN rule's, after these labels). Found from the
// token's first digits or the capitals glued to them; one whose digits come after a separator or four letters
// (`M-AB 1234`, most plates) is not found (a known gap: the words before such runs cannot be told from a label's
// cheaply).

/** The last word of each label, in lower case, and the tag of what follows it. */
const LABELS = new Map<string, string>([
  ...[
    'passport',
    'reisepass',
    'reisepassnummer',
    'passnummer',
    'passeport',
    'pasaporte',
    'passaporto',
    'passaporte',
    'paszport',
    'paszportu',
  ].map((w) => [w, 'PASSPORT'] as const),
  ...[
    'personalausweis',
    'personalausweisnummer',
    'ausweisnummer',
    'ausweis',
    'identité',
    'identidad',
    'identità',
    'identity',
    'card',
    'osobisty',
    'osobistego',
  ].map((w) => [w, 'ID_CARD'] as const),
  ...['licence', 'license', 'führerschein', 'führerscheinnummer', 'conduire', 'conducir', 'guida', 'jazdy'].map(
    (w) => [w, 'DRIVING_LICENCE'] as const,
  ),
  // Spanish plates begin with their digits (`1234 BCD`); most others with letters, which these rules do not find
  // (Polish ones are the plate rule's).
  ...['matrícula', 'matricula'].map((w) => [w, 'CAR_PLATE'] as const),
  ...['vin', 'fin', 'fahrgestellnummer', 'nadwozia', 'chassis', 'châssis', 'bastidor', 'telaio'].map(
    (w) => [w, 'VIN'] as const,
  ),
]);
const DOCUMENT_LABELS = [...LABELS].filter(([, tag]) => tag !== 'VIN').map(([w]) => w);
/** Words that may stand between the label and the number (and `n` of `n°`, read apart). */
const NUMBER_WORDS = new Set(['no', 'nr', 'number', 'nummer', 'numéro', 'número', 'numero', 'numer', 'id']);

// The last three letters of every label and number word (a letter beyond ASCII as 26, no letter, where a short
// word begins, as 27): most runs after a word are ruled out by one table read, before any word is cut out and
// looked up (two letters were not enough: "dnia" ends as "nadwozia" does, "for" as "bastidor").
const SLOTS = 28;
const ENDINGS = new Uint8Array(SLOTS ** 3);
const letterSlot = (c: number) => {
  const lower = c | 0x20;
  if (c < 128) return lower >= 0x61 && lower <= 0x7a ? lower - 0x61 : 27;
  return isLetterCode(c) ? 26 : 27;
};
const endingAt = (text: string, p: number) =>
  (letterSlot(text.charCodeAt(p - 3)) * SLOTS + letterSlot(text.charCodeAt(p - 2))) * SLOTS +
  letterSlot(text.charCodeAt(p - 1));
for (const w of [...LABELS.keys(), ...NUMBER_WORDS]) ENDINGS[endingAt(` ${w}`, w.length + 1)] = 1;

/** Whether the word ending at p can be a label or number word, by its last letters (or it is `n` of `n°`). */
function endsLikeLabel(text: string, p: number): boolean {
  const last = letterSlot(text.charCodeAt(p - 1));
  if (last === 27) return false;
  if (last === 13 && letterSlot(text.charCodeAt(p - 2)) === 27) return true;
  return ENDINGS[endingAt(text, p)] === 1;
}

// What may stand between those words and the number: spaces, a colon, #, a dot, the ° of n° (beyond ASCII, so
// tested apart: a CharSet holds ASCII and spaces).
const BETWEEN = new CharSet(':#.', { space: true });
const isBetween = (c: number) => BETWEEN.has(c) || c === 0xb0 || c === 0xba;

/** The tag of the label that ends (past `BETWEEN` characters and a number word) right before `at`, or null. */
export function labelBefore(text: string, at: number, from: number): string | null {
  let p = at;
  while (p > from && at - p < 4 && isBetween(text.charCodeAt(p - 1))) p--;
  if (p === at) return null;
  let word = wordBefore(text, p, from);
  if (word === null) return null;
  const lower = word.toLowerCase();
  let tag = LABELS.get(lower);
  if (tag !== undefined) return tag;
  // `n°` and `nº`: the sign was read as a separator.
  if (!NUMBER_WORDS.has(lower) && !(lower === 'n' && at - p > 0 && text.charCodeAt(p) >= 0xb0)) return null;
  p -= word.length;
  const end = p;
  // `Ausweis Nr.`, `Ausweis-Nr.`.
  while (p > from && end - p < 3 && (isSpaceCode(text.charCodeAt(p - 1)) || text.charCodeAt(p - 1) === 0x2d)) p--;
  word = wordBefore(text, p, from);
  tag = word === null ? undefined : LABELS.get(word.toLowerCase());
  return tag ?? null;
}

function wordBefore(text: string, p: number, from: number): string | null {
  let q = p;
  while (q > from && p - q < 24 && isLetterCode(text.charCodeAt(q - 1))) q--;
  return q < p ? text.slice(q, p) : null;
}

const isCapital = (c: number) => c >= 0x41 && c <= 0x5a;
const isUpperOrDigit = (c: number) => isCapital(c) || (c >= 0x30 && c <= 0x39);

/**
 * Where the number beginning at `s` ends: capitals and digits, in groups joined by a hyphen (a plate's by a space
 * too: `1234 BCD`), or -1 when it is none (under five characters, no digit, glued to a word).
 */
function numberEnd(text: string, s: number, to: number, tag: string): number {
  let e = s;
  let chars = 0;
  let digits = 0;
  for (let groups = 0; groups < 4; groups++) {
    const g = e;
    while (e < to && isUpperOrDigit(text.charCodeAt(e))) {
      if (text.charCodeAt(e) <= 0x39) digits++;
      e++;
    }
    chars += e - g;
    const c = text.charCodeAt(e);
    const joins = c === 0x2d || (c === 0x20 && tag === 'CAR_PLATE');
    if (!joins || e + 1 >= to || !isUpperOrDigit(text.charCodeAt(e + 1))) break;
    e++;
  }
  if (chars < 5 || chars > 20 || digits === 0) return -1;
  const after = text.charCodeAt(e);
  return isWordCode(after) || isLetterCode(after) ? -1 : e;
}

const UPPER = new CharSet('', { upper: true });

/** The number at the run (or at the one to three capitals glued before it), where a label stands before that. */
function runsFrom(capital: boolean): Pick<Anchor, 'runs' | 'starts'> {
  const numberStart = (text: string, s: number, from: number) => {
    if (!capital) return s;
    let p = s;
    while (p > from && s - p < 3 && isCapital(text.charCodeAt(p - 1))) p--;
    return p;
  };
  return {
    runs(r, i, from) {
      const s = numberStart(r.text, r.start[i]!, from);
      let p = s;
      while (p > from && s - p < 4 && isBetween(r.text.charCodeAt(p - 1))) p--;
      return p < s && endsLikeLabel(r.text, p);
    },
    starts(r, i, from, _to, push) {
      const at = numberStart(r.text, Math.max(r.start[i]!, from), from);
      if (labelBefore(r.text, at, from) !== null) push(at);
    },
  };
}

/**
 * `capital`: the rule for numbers that begin with one to three capitals and then a digit; the other takes those that begin
 * with a digit. Each takes only its own, so the two find what one rule scanning every gap would, in rule order.
 */
function documentRule(anchor: Anchor, capital: boolean): MaskRule {
  return {
    tag: 'DOCUMENT',
    pattern: capital ? /[A-Z]{1,3}\d/g : /\d/g,
    needsDigit: true,
    anchor: new RunAnchor({ ...anchor, ...runsFrom(capital) }),
    spans(m: RegExpExecArray): Span[] {
      const text = m.input;
      const tag = labelBefore(text, m.index, 0);
      if (tag === null || tag === 'VIN') return [];
      const end = numberEnd(text, m.index, text.length, tag);
      return end < 0 ? [] : [{ start: m.index, end, tag }];
    },
  };
}

// Two rules, so the run index can tell their candidates apart: a number right after the label's space, colon or
// number word, and one whose first digits follow one to three capitals (`C01X00T47`, `T22000129`, `XDA123456`),
// whose run is found by the capital glued to it (runs are seldom glued to a capital, and the index's word keys
// cannot help: "w 2024" looks like "C01…" to them).
export const documentLabelled = documentRule(
  {
    prev: BETWEEN,
    // Not the VIN labels: a VIN begins with letters, and is the VIN rule's (their endings, "-ia" of "nadwozia",
    // "-or" of "bastidor", would let many runs through).
    near: { before: [...DOCUMENT_LABELS, ...NUMBER_WORDS, 'n°', 'nº'].flatMap((w) => [w, `${w}:`, `${w}#`]) },
  },
  false,
);

export const documentAfterCapital = documentRule({ prev: UPPER }, true);
