// Ollama carries images as bare base64; other dialects need a media type, read from the file's magic bytes.
const SIGNATURES: ReadonlyArray<readonly [string, string]> = [
  ['/9j/', 'image/jpeg'],
  ['iVBORw0KGgo', 'image/png'],
  ['R0lGOD', 'image/gif'],
  ['UklGR', 'image/webp'],
];

export function dataUrlOf(base64: string): string {
  const type = SIGNATURES.find(([prefix]) => base64.startsWith(prefix))?.[1] ?? 'image/png';
  return `data:${type};base64,${base64}`;
}

/** The base64 payload of a data URL, or null for a remote URL (Ollama cannot fetch those). */
export function base64Of(url: string): string | null {
  const m = /^data:[^;]+;base64,(.*)$/s.exec(url);
  return m ? m[1]! : null;
}
