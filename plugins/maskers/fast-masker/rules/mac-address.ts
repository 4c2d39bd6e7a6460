import { COLON, DASH, DOT, isHexCode } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

const LETTERS_ONLY = /[A-Fa-f]{2}([:-])[A-Fa-f]{2}\1[A-Fa-f]{2}\1[A-Fa-f]{2}\1[A-Fa-f]{2}\1[A-Fa-f]{2}/;

function isHexOrSep(c: number): boolean {
  return isHexCode(c) || c === COLON || c === DASH;
}

/** How many hex digits stand in a row around [s, e), up to twelve. */
function hexAround(text: string, s: number, e: number): number {
  let a = s;
  while (a > s - 12 && isHexCode(text.charCodeAt(a - 1))) a--;
  let b = e;
  while (b < a + 12 && isHexCode(text.charCodeAt(b))) b++;
  return b - a;
}

/**
 * A hex pair at p, and three separators of a six-pair address after it (pairs 1–3) or before it (pairs 4–6):
 * every pair has three on one side, and dates and NIPs (`2024-05-14`, `526-000-12-46`) have two at most.
 */
function pairAt(text: string, p: number): boolean {
  if (!isHexCode(text.charCodeAt(p)) || !isHexCode(text.charCodeAt(p + 1))) return false;
  const after = text.charCodeAt(p + 2);
  if ((after === COLON || after === DASH) && text.charCodeAt(p + 5) === after && text.charCodeAt(p + 8) === after)
    return true;
  const before = text.charCodeAt(p - 1);
  return (
    (before === COLON || before === DASH) && text.charCodeAt(p - 4) === before && text.charCodeAt(p - 7) === before
  );
}

/** Where the Cisco form's group holding [s, e) begins (`001a.2b3c.4d5e`), or -1. */
function ciscoStart(text: string, s: number, e: number): number {
  let a = s;
  while (a > s - 4 && isHexCode(text.charCodeAt(a - 1))) a--;
  let b = e;
  while (b < a + 5 && isHexCode(text.charCodeAt(b))) b++;
  // Most runs next to a dot are decimals, dates and sentence ends: their hex group is not four long.
  if (b - a !== 4 || (text.charCodeAt(b) !== DOT && text.charCodeAt(a - 1) !== DOT)) return -1;
  for (let start = a - 10; start <= a; start += 5) {
    if (start < 0 || start + 14 < e) continue;
    let ok = true;
    for (let k = 0; k < 14 && ok; k++) {
      const c = text.charCodeAt(start + k);
      ok = k === 4 || k === 9 ? c === DOT : isHexCode(c);
    }
    if (ok) return start;
  }
  return -1;
}

// Six hex pairs with one consistent separator (":" or "-") or none, or Cisco's three dotted groups of four.
export const macAddress = rule(
  'MAC_ADDRESS',
  /(?<![\w:-])([0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2}(?:\2[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{10})|(?<!\.)[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?!\.[0-9A-Za-z]))(?![\w:-])/g,
  {
    hint: /[0-9A-Fa-f]{2}[:.-]?[0-9A-Fa-f]{2}[:.-]?[0-9A-Fa-f]{2}/,
    // An address begins where its hex digits and separators begin (the pattern wants no \w, ":" or "-" before
    // it); one without a decimal digit has no run to anchor on, so a text that may hold one is scanned whole.
    anchor: {
      lengths: [1, 12],
      // Not a dot: most runs next to one are decimals and dates, and reading them all cost dense documents 5 %.
      // So a Cisco-form address is found from a run that touches a hex letter; one whose every group is all
      // letters or all digits (`1234.abcd.5678`, a few in a thousand) is missed: a known gap.
      touch: new CharSet(':-abcdefABCDEF'),
      // Twelve hex digits in a row, or a pair holding the run with a six-pair address's separators around it.
      runs(r, i) {
        const s = r.start[i]!;
        const n = r.end[i]! - s;
        if (hexAround(r.text, s, s + n) >= 12) return true;
        if (n <= 4 && ciscoStart(r.text, s, s + n) >= 0) return true;
        return n <= 2 && (pairAt(r.text, s) || (n === 1 && pairAt(r.text, s - 1)));
      },
      starts(r, i, from, _to, push) {
        let p = Math.max(r.start[i]!, from);
        const cisco = ciscoStart(r.text, p, r.end[i]!);
        const floor = Math.max(from, p - 17);
        while (p > floor && isHexOrSep(r.text.charCodeAt(p - 1))) p--;
        if (cisco >= from && cisco < p) push(cisco);
        push(p);
        if (cisco > p) push(cisco);
      },
      scanWhole: (text) => LETTERS_ONLY.test(text),
    },
    group: 1,
    // Without separators, or in Cisco's dotted form, both digits and hex letters (`2024.0514.1230` is no address).
    validate: (v) => v.includes(':') || v.includes('-') || (/\d/.test(v) && /[A-Fa-f]/.test(v)),
  },
);
