import { eventError } from '../dialects/stream-codec.js';
import {
  eventTooLarge,
  upstreamBadResponse,
  upstreamStreamBroken,
  upstreamStreamError,
  upstreamTimeout,
} from '../errors/errors.js';
import type { UpstreamResponse } from '../providers/upstream-client.js';
import { END_MARKER, faultOf, type StreamFormat } from './stream-events.js';

type Body = UpstreamResponse['body'];

const CONTENT_TYPES: Readonly<Record<StreamFormat, RegExp>> = {
  sse: /^text\/event-stream\b/i,
  ndjson: /^application\/(?:x-ndjson|json)\b/i,
};

const SSE_FIELDS = ['data:', ':', 'event:', 'id:', 'retry:'];

/**
 * The start of a provider's stream, checked before the client's headers are sent, so that a wrong answer can
 * still fail over: the content type must be the format's, and the first event must arrive (within the
 * first-token timeout) and be an event, not an error, an HTML page or nothing. Then the stream is held until
 * its second event, its end or `holdMs` after the first: a provider that breaks off, sends an unreadable or an
 * error event, or ends without its end event in that time still fails over, where after the client's headers
 * it could only end in an in-band error (`LLM_ROUTER_STREAM_HOLD_MS`). The bytes read to decide are replayed,
 * so the relay sees the stream whole.
 */
export async function openStream(
  body: Body,
  contentType: string,
  format: StreamFormat,
  providerId: string,
  timeoutMs: number,
  holdMs = 0,
  alive?: () => void,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<AsyncIterable<Buffer>> {
  if (!CONTENT_TYPES[format].test(contentType.trim())) {
    discard(body);
    throw upstreamBadResponse(
      providerId,
      `streamed as ${JSON.stringify(contentType || 'no content type')}, not ${format === 'sse' ? 'text/event-stream' : 'JSON lines'}`,
    );
  }
  const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const seen: Buffer[] = [];
  const utf8 = new TextDecoder();
  let text = '';
  let read = 0;
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : 0;
  for (;;) {
    const next = await nextBefore(it, deadline, body, providerId, timeoutMs);
    if (next.done) throw upstreamBadResponse(providerId, 'the stream ended before its first event');
    seen.push(next.value);
    read += next.value.length;
    withinLimit(read, maxBytes, body, providerId);
    text += utf8.decode(next.value, { stream: true });
    const verdict = firstEvent(text, format);
    if (verdict === 'event') break;
    if (verdict !== 'wait') {
      discard(body);
      throw verdict === 'error'
        ? upstreamStreamError('the provider sent an error before its first token')
        : upstreamBadResponse(providerId, 'the stream does not start with an event');
    }
  }
  if (holdMs <= 0) return replay(seen, it, undefined, alive);
  const held = await holdBack(it, seen, text, utf8, format, providerId, Date.now() + holdMs, body, read, maxBytes);
  return replay(seen, it, held.pending, alive);
}

/**
 * Reads on after the first event until a second one, the stream's end or the deadline, keeping what it read
 * in `seen`; throws (the body dropped) when the stream fails in that time. Returns the read still pending at
 * the deadline, which the relay takes over.
 */
async function holdBack(
  it: AsyncIterator<Buffer>,
  seen: Buffer[],
  text: string,
  // The decoder the first event was read with: a character split across chunks is not lost between the two.
  utf8: InstanceType<typeof TextDecoder>,
  format: StreamFormat,
  providerId: string,
  deadline: number,
  body: Body,
  alreadyRead: number,
  maxBytes: number,
): Promise<{ pending?: Promise<IteratorResult<Buffer>> }> {
  let taken = alreadyRead;
  let carry = '';
  let events = 0;
  let ended = false;
  const read = (chunk: string) => {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      // From the second event on, the stream is the relay's, in-band errors and all.
      if (events >= 2) return;
      const fault = faultOf(line, format);
      if (fault) {
        discard(body);
        throw fault;
      }
      if (isEvent(line, format)) events++;
      if (!ended) ended = END_MARKER.test(line);
    }
  };
  read(text);
  while (events < 2 && !ended) {
    const next = it.next();
    let result: IteratorResult<Buffer> | 'late';
    try {
      result = await beforeDeadline(next, deadline);
    } catch (err) {
      discard(body);
      throw upstreamStreamBroken(providerId, err instanceof Error ? err : new Error(String(err)));
    }
    // Wrapped: an async function would wait for a promise it returns, and this one may take the stall's time.
    if (result === 'late') return { pending: next };
    if (result.done) {
      read(`${utf8.decode()}\n`);
      if (!ended) throw upstreamStreamBroken(providerId, new Error('the stream ended without its end event'));
      // The relay must see the end too.
      return { pending: Promise.resolve(result) };
    }
    seen.push(result.value);
    taken += result.value.length;
    withinLimit(taken, maxBytes, body, providerId);
    read(utf8.decode(result.value, { stream: true }));
  }
  return {};
}

/** What is read to decide is kept: past a whole answer's limit, the body is dropped and the stream refused. */
function withinLimit(read: number, maxBytes: number, body: Body, providerId: string): void {
  if (read <= maxBytes) return;
  discard(body);
  throw eventTooLarge(providerId, maxBytes);
}

/** A line that carries an event: SSE data other than `[DONE]`, or a JSON line. */
function isEvent(line: string, format: StreamFormat): boolean {
  const t = line.trim();
  if (format === 'ndjson') return t.startsWith('{');
  return t.startsWith('data:') && t.slice(5).trim() !== '[DONE]';
}

function firstEvent(text: string, format: StreamFormat): 'event' | 'error' | 'bad' | 'wait' {
  const lines = text.split('\n');
  lines.pop(); // not complete yet
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (format === 'sse') {
      if (line.startsWith(':') || /^(?:event|id|retry):/.test(line)) continue;
      if (!line.startsWith('data:')) return 'bad';
      const data = line.slice(5).trim();
      if (data === '[DONE]') return 'bad';
      return judge(data);
    }
    return judge(line);
  }
  // A first line may be long; what cannot begin an event (an HTML page, gzip bytes) is refused at once.
  const start = text.trimStart();
  if (start === '') return 'wait';
  if (format === 'ndjson') return start.startsWith('{') ? 'wait' : 'bad';
  const canBegin = SSE_FIELDS.some((f) => start.startsWith(f) || f.startsWith(start));
  return canBegin ? 'wait' : 'bad';
}

function judge(json: string): 'event' | 'error' | 'bad' {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'bad';
  }
  if (value === null || typeof value !== 'object') return 'bad';
  // The decoders' own reading of an error event (`"error": null`, sent by some servers in every chunk, is none).
  return eventError(value as Record<string, unknown>) ? 'error' : 'event';
}

async function nextBefore(
  it: AsyncIterator<Buffer>,
  deadline: number,
  body: Body,
  providerId: string,
  timeoutMs: number,
): Promise<IteratorResult<Buffer>> {
  if (deadline === 0) return it.next();
  const next = await beforeDeadline(it.next(), deadline);
  if (next !== 'late') return next;
  discard(body);
  throw upstreamTimeout(
    providerId,
    new Error(`no first event within ${timeoutMs} ms (LLM_ROUTER_FIRST_TOKEN_TIMEOUT)`),
  );
}

/** What `promise` gives, or 'late' when the deadline (a Date.now() time) comes first. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The chunks read to decide, then the read left pending when holding back ended, then the rest of the body: a
 * plain iterator, no generator (it runs per chunk). `alive` is told, at most every ALIVE_MS, that chunks go on.
 */
function replay(
  seen: readonly Buffer[],
  it: AsyncIterator<Buffer>,
  pending?: Promise<IteratorResult<Buffer>>,
  alive?: () => void,
): AsyncIterable<Buffer> {
  let i = 0;
  let waiting = pending;
  let told = 0;
  const iterator: AsyncIterator<Buffer> = {
    next: () => {
      if (alive !== undefined) {
        const now = Date.now();
        if (now - told >= ALIVE_MS) {
          told = now;
          alive();
        }
      }
      if (i < seen.length) return Promise.resolve({ value: seen[i++]!, done: false });
      if (waiting === undefined) return it.next();
      const p = waiting;
      waiting = undefined;
      return p;
    },
    return: (value?: unknown) => it.return?.(value) ?? Promise.resolve({ value: undefined, done: true }),
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

// The relay asks for the next chunk when the last one came: asking says the provider is still sending.
const ALIVE_MS = 250;

/** Drops a provider's body: undici reports the abort as an 'error' event, which is expected here, not a crash. */
function discard(body: Body): void {
  body.on('error', () => {});
  body.destroy();
}
