/**
 * A Unicode property for every character of the Basic Multilingual Plane, read once from a one-character
 * pattern: testing `\p{…}` classes character by character was the costliest step on long non-ASCII texts.
 * Astral characters (surrogate pairs) are left to the pattern itself.
 */
export function bmpTable(oneChar: RegExp): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (c < 0xd800 || c > 0xdfff) table[c] = oneChar.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

/** Whether any character of `text` (astral ones tested by `oneChar`) has the table's property. */
export function anyIn(text: string, table: Uint8Array, oneChar: RegExp): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) {
      if (table[code] === 1) return true;
    } else if (oneChar.test(String.fromCodePoint(text.codePointAt(i)!))) return true;
  }
  return false;
}
