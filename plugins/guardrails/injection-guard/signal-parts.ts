/**
 * Pieces the signal patterns are written with. Patterns see folded text; Cyrillic words need letter lookarounds,
 * `\b` knowing only ASCII letters.
 */

/** Up to n characters within one sentence: the gap allowed between the words of a phrase. */
export const within = (n: number) => `[^.!?\\n]{0,${n}}`;
/** Not after a letter, and not before one: a word's edges for any script. */
export const B = '(?<!\\p{L})';
export const E = '(?!\\p{L})';
/** A pattern that reads letters of every script (`\p{L}`). */
export const C = (source: string) => new RegExp(source, 'u');
