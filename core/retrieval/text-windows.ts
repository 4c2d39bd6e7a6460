/**
 * A document cut into windows of `size` words, each starting `size − overlap` words after the last, as the
 * reference indexes (it counts its model's tokens; words keep the index independent of the embedder, and a
 * word is 1–2 tokens of a multilingual model). Whitespace is collapsed first, as the reference does.
 */
export function textWindows(text: string, size: number, overlap: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const stride = Math.max(1, size - overlap);
  const windows: string[] = [];
  for (let start = 0; ; start += stride) {
    windows.push(words.slice(start, start + size).join(' '));
    if (start + size >= words.length) return windows;
  }
}
