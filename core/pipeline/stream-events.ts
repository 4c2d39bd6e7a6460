import { eventError } from '../dialects/stream-codec.js';
import { upstreamStreamError } from '../errors/errors.js';

/** How a provider frames its stream: server-sent events (OpenAI, Anthropic, Responses) or JSON lines (Ollama). */
export type StreamFormat = 'sse' | 'ndjson';

// Every family's own last word: `[DONE]` or a finish reason (some OpenAI-compatible servers omit `[DONE]` after
// it), Anthropic's message_stop, the Responses API's final events, Ollama's `"done": true`. A stream that ends
// without one was cut, whatever the bytes before it looked like. Each is written so that an answer's text cannot
// hold it: quoted (a JSON string escapes its quotes), or `[DONE]` as a whole data line (`m`: at a line's start;
// a JSON string escapes newlines). A model that writes "[DONE]" or "message_stop" does not end its stream.
export const END_MARKER =
  /^data: *\[DONE\]|"finish_reason": ?"|"message_stop"|"response\.(?:completed|incomplete|failed)"|"done": ?true/m;

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
