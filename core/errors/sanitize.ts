import { redactSecrets } from './secrets.js';

// Upstream error texts are shown to clients, so strip anything that can name a host, an address or a key.
const SCRUBBERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<address>'],
  [/\[[0-9a-f:]+\](?::\d+)?/gi, '<address>'],
  [/\b(?:sk|pk|rk|key)-[A-Za-z0-9_-]{8,}\b/g, '<key>'],
  [/\bBearer\s+\S+/gi, 'Bearer <key>'],
];

export function sanitizeMessage(text: string, maxLength = 500): string {
  let out = redactSecrets(text);
  for (const [pattern, replacement] of SCRUBBERS) out = out.replace(pattern, replacement);
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length > maxLength) out = `${out.slice(0, maxLength)}…`;
  return out || 'The provider returned an error';
}
