// Zero-width and formatting characters, the soft hyphen, word joiners, the BOM and Unicode tag characters:
// invisible in a chat window, used to split trigger words apart.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed to be removed on their own
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFE00-\uFE0F]|\uDB40[\uDC00-\uDC7F]/g;
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
// A token that mixes letters with leet digits or symbols ("1gn0r3", "@ll").
const LEET_TOKEN = /[\p{L}0-9@$!]*[\p{L}][\p{L}0-9@$!]*/gu;
// Letters written apart ("i g n o r e", "i-g-n-o-r-e"): four or more single letters.
const SPACED = /\b(?:\p{L}[ .\-_*]){3,}\p{L}\b/gu;

const MARKS = /\p{M}/gu;

// Rewriting every token is the costly step: only texts where a letter touches a digit or symbol need it.
const HAS_LEET = /\p{L}[0-9@$!]|[0-9@$]\p{L}/u;

/** Folds the tricks that hide trigger words: compatibility forms, invisible characters, accents, leetspeak, spacing. */
export function normalize(text: string): string {
  let t = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(SPACED, (m) => m.replace(/[ .\-_*]/g, ''));
  // Diacritics folded away (zignorować → zignorowac, übergehe → ubergehe): the signals are written folded,
  // because \b only knows ASCII letters, and folding also undoes look-alike accents.
  t = t.normalize('NFKD').replace(MARKS, '').replace(/ł/g, 'l').replace(/ß/g, 'ss');
  if (HAS_LEET.test(t))
    t = t.replace(LEET_TOKEN, (w) =>
      /[0-9@$!]/.test(w) && /\p{L}{2}/u.test(w) ? [...w].map((c) => LEET[c] ?? c).join('') : w,
    );
  return t.replace(/\s+/g, ' ');
}
