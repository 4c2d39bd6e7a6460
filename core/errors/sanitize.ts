import { redactSecrets } from './secrets.js';

// Upstream error texts are shown to clients, so strip anything that can name a host, an address, a person, a
// file or a key, and never pass on a whole page or a traceback: the meaning (status, code) travels separately.
const SCRUBBERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<address>'],
  [/\[[0-9a-f:]+\](?::\d+)?/gi, '<address>'],
  // Host names without a scheme: with a port, or ending in a public or internal suffix.
  [/\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*:\d{2,5}\b/gi, '<host>'],
  [
    /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|ai|dev|cloud|internal|local|lan|corp|intra|svc|cluster|localdomain)\b/gi,
    '<host>',
  ],
  [/(?:^|(?<=[\s'"(=]))(?:~|\.{1,2})?(?:\/[\w.@+-]+){2,}\/?/g, '<path>'],
  [/\b[A-Z]:\\[^\s'"]+/g, '<path>'],
  [/\b(?:sk|pk|rk|key)-[A-Za-z0-9_-]{8,}\b/g, '<key>'],
  [/\bBearer\s+\S+/gi, 'Bearer <key>'],
];

const HTML = /<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]/i;
const TAGS = /<\/?[a-z][^>]{0,200}>/gi;
const TRACEBACK = /Traceback \(most recent call last\)|\n\s+at [\w.<>$]+ \(|\bFile "[^"]+", line \d+/;

export function sanitizeMessage(text: string, maxLength = 500): string {
  if (HTML.test(text)) return 'The provider answered with an HTML page';
  let out = text;
  const trace = TRACEBACK.exec(out);
  if (trace) out = `${out.slice(0, trace.index).trim()} (traceback omitted)`;
  // Tags go before the scrubbers, whose <url>, <key>… would look like tags themselves.
  out = redactSecrets(out.replace(TAGS, ' '));
  for (const [pattern, replacement] of SCRUBBERS) out = out.replace(pattern, replacement);
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length > maxLength) out = `${out.slice(0, maxLength)}…`;
  return out || 'The provider returned an error';
}
