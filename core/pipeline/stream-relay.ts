import type { Response } from 'express';
import type { ChatChunk } from '../dialects/canonical.js';
import type { StreamDecoder, StreamEncoder } from '../dialects/stream-codec.js';
import { writeChunk } from '../http/exchange.js';
import type { UpstreamResponse } from '../providers/upstream-client.js';
import type { AnswerChain } from './answer-stages.js';

type Body = UpstreamResponse['body'];

/** A same-protocol stream, byte for byte as it arrives. Stops quietly when the client goes away. */
export async function relayBytes(body: Body, res: Response, signal: AbortSignal): Promise<void> {
  for await (const bytes of body) if (!(await writeChunk(res, bytes as Buffer, signal))) return;
  res.end();
}

/** A converted stream: decoded, through the answer stages, encoded in the client's dialect and closed properly. */
export async function relayChunks(
  body: Body,
  decoder: StreamDecoder,
  chain: AnswerChain,
  encoder: StreamEncoder,
  res: Response,
  signal: AbortSignal,
): Promise<void> {
  for await (const chunk of answerChunks(body, decoder, chain)) {
    if (!(await writeChunk(res, encoder.encode(chunk), signal))) return;
  }
  await writeChunk(res, encoder.end(), signal);
  res.end();
}

async function* answerChunks(body: Body, decoder: StreamDecoder, chain: AnswerChain): AsyncGenerator<ChatChunk> {
  const utf8 = new TextDecoder();
  for await (const bytes of body) yield* chain.push(decoder.push(utf8.decode(bytes as Buffer, { stream: true })));
  yield* chain.push([...decoder.push(utf8.decode()), ...decoder.end()]);
  yield* chain.end();
}
