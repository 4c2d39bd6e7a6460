import type { Response } from 'express';
import type { ChatChunk, Usage } from '../dialects/canonical.js';
import type { StreamDecoder, StreamEncoder } from '../dialects/stream-codec.js';
import { eventTooLarge, upstreamStreamBroken } from '../errors/errors.js';
import { drained, writeChunk } from '../http/exchange.js';
import type { AnswerChain } from './answer-stages.js';
import { EventCheck } from './event-check.js';
import type { StreamFormat } from './stream-events.js';

type Body = AsyncIterable<Buffer>;

/**
 * A same-protocol stream, byte for byte as it arrives, up to a provider's own error event (scrubbed, written by
 * the caller in the client's dialect); one that ends without its family's end event is cut, and fails too.
 * Stops quietly when the client goes away.
 */
export async function relayBytes(
  body: Body,
  res: Response,
  signal: AbortSignal,
  providerId: string,
  format: StreamFormat,
  maxLine: number,
): Promise<void> {
  // Written inline, with a plain check object: an awaited helper or a generator per chunk was a promise and a
  // turn of the event loop for every delta.
  const check = new EventCheck(format, providerId, maxLine);
  for await (const bytes of body) {
    if (res.destroyed) return;
    const clean = check.push(bytes);
    const out = clean === bytes.length ? bytes : bytes.subarray(0, clean);
    if (clean > 0 && !res.write(out) && !(await drained(res, signal))) return;
    if (check.fault) throw check.fault;
  }
  check.end();
  res.end();
}

/**
 * A converted stream: decoded, through the answer stages, encoded in the client's dialect and closed properly.
 * Returns the usage the provider reported (for the token metrics), if the stream got that far.
 */
export async function relayChunks(
  body: Body,
  decoder: StreamDecoder,
  chain: AnswerChain,
  encoder: StreamEncoder,
  res: Response,
  signal: AbortSignal,
  providerId: string,
  maxLine: number,
): Promise<Usage | null> {
  let usage: Usage | null = null;
  for await (const chunk of answerChunks(body, decoder, chain, providerId, maxLine)) {
    if (chunk.usage) usage = chunk.usage;
    if (!(await writeChunk(res, encoder.encode(chunk), signal))) return usage;
  }
  await writeChunk(res, encoder.end(), signal);
  res.end();
  return usage;
}

/**
 * The provider's chunks through the answer stages. An answer is finished only when the provider says so (a
 * finish reason); one that just stops was cut, and fails rather than being closed as if complete.
 */
async function* answerChunks(
  body: Body,
  decoder: StreamDecoder,
  chain: AnswerChain,
  providerId: string,
  maxLine: number,
): AsyncGenerator<ChatChunk> {
  const utf8 = new TextDecoder();
  let unended = 0;
  let finished = false;
  const seen = (chunks: ChatChunk[]) => {
    if (!finished) finished = chunks.some((c) => c.choices.some((ch) => ch.finish_reason != null));
    return chunks;
  };
  for await (const bytes of body) {
    // The decoder keeps a line until it ends: one longer than a whole answer may be is refused, not kept.
    const nl = bytes.lastIndexOf(0x0a);
    unended = nl === -1 ? unended + bytes.length : bytes.length - nl - 1;
    if (unended > maxLine) throw eventTooLarge(providerId, maxLine);
    yield* chain.push(seen(decoder.push(utf8.decode(bytes, { stream: true }))));
  }
  yield* chain.push(seen([...decoder.push(utf8.decode()), ...decoder.end()]));
  if (!finished) throw upstreamStreamBroken(providerId, new Error('the stream ended without a finish reason'));
  yield* chain.end();
}
