/**
 * Instructions hidden in an encoding the model can read: base64, hex, URL-encoding and ROT13. The decoded
 * texts are judged like the text itself. Bounded: tokens of a sane size, a few per text, two levels deep.
 */
// Base64 runs: 16 or more of [A-Za-z0-9+/], then up to two '='. Found by a loop over the text: the pattern
// that did it tried every word start on long texts, a tenth of the guard's time.
const MIN_BASE64 = 16;
const BASE64_CHAR = (() => {
  const table = new Uint8Array(128);
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') table[c.charCodeAt(0)] = 1;
  return table;
})();

/** The base64-shaped tokens of a text, in order: each whole run of its alphabet, with its padding. */
function base64Tokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  const inAlphabet = (i: number) => {
    const c = text.charCodeAt(i);
    return c < 128 && BASE64_CHAR[c] === 1;
  };
  let i = 0;
  while (i < n) {
    if (!inAlphabet(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && inAlphabet(j)) j++;
    if (j - i < MIN_BASE64) {
      i = j;
      continue;
    }
    let end = j;
    while (end < n && end - j < 2 && text.charCodeAt(end) === 61) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
// From the first escape on (the plain text before it is read as it is).
const URL_ENCODED = /(?:%[0-9a-fA-F]{2}[A-Za-z0-9._~+-]*){3,}/g;
// ROT13 has no mark of its own; a text that asks for it says so.
const ROT13_HINT =
  /rot.?13|caesar|cezar|decode|decipher|odkoduj|rozszyfruj|dekodier|entschl|decod|dechiffr|декод|розшифр|расшифр/i;
const MAX_TOKEN = 8192;
const MAX_PAYLOADS = 8;
// Decoded bytes that read as text: printable, with letters and a space (binary data and hashes do not).
const READABLE = /^[\p{L}\p{N}\p{P}\p{S}\s]*$/u;
const WORDS = /\p{L}{2,}[\s,.:;!?]+\p{L}{2,}/u;

function readable(s: string): boolean {
  return s.length >= 8 && READABLE.test(s) && WORDS.test(s) && !s.includes('\uFFFD');
}

function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** The readable texts decoded from `text` (and from those, once more). */
export function decodedPayloads(text: string, depth = 2): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (out.length < MAX_PAYLOADS && readable(s)) out.push(s);
  };
  // One scan: a hex token is base64-shaped too, so each long run is tried as both.
  for (const token of base64Tokens(text)) {
    if (token.length > MAX_TOKEN || out.length >= MAX_PAYLOADS) break;
    add(Buffer.from(token, 'base64').toString('utf8'));
    if (HEX.test(token)) add(Buffer.from(token, 'hex').toString('utf8'));
  }
  if (text.includes('%'))
    for (const m of text.matchAll(URL_ENCODED)) {
      if (m[0].length > MAX_TOKEN || out.length >= MAX_PAYLOADS) break;
      try {
        add(decodeURIComponent(m[0].replace(/\+/g, ' ')));
      } catch {
        // A malformed escape is not text anyone can read either.
      }
    }
  if (ROT13_HINT.test(text) && text.length <= MAX_TOKEN) add(rot13(text));
  if (depth > 1) for (const s of [...out]) for (const inner of decodedPayloads(s, depth - 1)) add(inner);
  return out;
}
