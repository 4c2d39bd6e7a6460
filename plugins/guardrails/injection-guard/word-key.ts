/**
 * How words are keyed for injection_guard's first-word index: by their first characters, seen the way `\b`
 * sees words (ASCII word characters) or the way `(?<!\p{L})` does (letters).
 */
import { bmpTable } from './bmp-table.js';

// Words are keyed by their first KEY characters, or whole when shorter (marked exact).
export const KEY = 3;

/**
 * Two ways a pattern sees words: `\b` knows ASCII word characters ([a-z0-9_]), `(?<!\p{L})` knows letters
 * (Cyrillic words, where `\b` sees nothing). A text is indexed both ways.
 */
export type Mode = 'ascii' | 'letters';

const LETTER = /\p{L}/u;
export const isAsciiWord = (c: string) => /[a-z0-9_]/.test(c) && c.length === 1;
export const isLetter = (c: string) => LETTER.test(c);
export const inMode = (mode: Mode, c: string) => (mode === 'ascii' ? isAsciiWord(c) : isLetter(c));

/**
 * A small integer for (mode, the word's first characters, exact or not): words with the same start get the
 * same key; two starts may share one (a pattern is then tried for nothing, never skipped wrongly).
 */
export const step = (h: number, code: number) => (Math.imul(h, 0x01000193) ^ code) | 0;
export const finish = (h: number, exact: boolean) => ((h & 0x1fffffff) << 1) | (exact ? 1 : 0);

export function keyOf(mode: Mode, word: string, exact: boolean): number {
  let h = mode === 'ascii' ? 1 : 2;
  const n = Math.min(word.length, KEY);
  for (let i = 0; i < n; i++) h = step(h, word.charCodeAt(i));
  return finish(h, exact && word.length < KEY);
}

// \p{L} for the Basic Multilingual Plane, read once, on the first non-ASCII text (a regex test per character was
// most of the index's time; built at start-up it cost every gateway ~10 ms, guard or not).
let letters: Uint8Array | undefined;
export const lettersTable = (): Uint8Array => (letters ??= bmpTable(LETTER));
