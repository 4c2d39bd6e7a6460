import { eventError } from '../dialects/stream-codec.js';
import { upstreamStreamError } from '../errors/errors.js';

/** How a provider frames its stream: server-sent events (OpenAI, Anthropic, Responses) or JSON lines (Ollama). */
export type StreamFormat = 'sse' | 'ndjson';

// Every family's own last word: `[DONE]` or a finish reason (some OpenAI-compatible servers omit `[DONE]` after
// it), Anthropic's message_stop, the Responses API's final events, Ollama's `"done": true`. A stream that ends
// without one was cut, whatever the bytes before it looked like. None holds a newline.
export const END_MARKERS = [
  '[DONE]',
  '"finish_reason":"',
  '"finish_reason": "',
  'message_stop',
  'response.completed',
  'response.incomplete',
  'response.failed',
  '"done":true',
  '"done": true',
];

/** Any of the end markers, as one search (nine `includes` per chunk were a tenth of a pass-through's own work). */
export const END_MARKER = new RegExp(END_MARKERS.map((m) => m.replace(/[.[\]]/g, '\\$&')).join('|'));

/** The fault a provider's stream line carries: an error event, or an event that is not JSON; null when none. */
export function faultOf(line: string, format: StreamFormat): Error | null {
  const raw = format === 'sse' ? (line.startsWith('data:') ? line.slice(5).trim() : '') : line.trim();
  if (raw === '' || raw === '[DONE]') return null;
  // Parsed only when it may be wrong: an object that mentions no error is passed on unparsed (this is the hot
  // path of every pass-through stream); anything else is parsed, and must be JSON.
  if (raw.startsWith('{') && raw.endsWith('}') && !raw.includes('"error"')) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return upstreamStreamError('the provider sent an event that is not JSON');
  }
  return v !== null && typeof v === 'object' ? eventError(v as Record<string, unknown>) : null;
}
