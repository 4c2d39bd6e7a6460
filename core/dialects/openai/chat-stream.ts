import type { GatewayError } from '../../errors/gateway-error.js';
import type { ChatChunk } from '../canonical.js';
import { isObject } from '../request-fields.js';
import { eventError, LineStreamDecoder, type StreamEncoder, sseData } from '../stream-codec.js';
import { openAIErrorBody } from './error-body.js';

/** Reads an OpenAI-compatible SSE stream (vLLM, llama.cpp, LM Studio, OpenAI). */
export class OpenAIStreamDecoder extends LineStreamDecoder {
  protected onLine(line: string, out: ChatChunk[]): void {
    const data = sseData(line);
    if (!isObject(data)) return;
    const error = eventError(data);
    if (error) throw error;
    if (Array.isArray(data['choices'])) out.push(data as unknown as ChatChunk);
  }
}

/** Writes canonical chunks as OpenAI SSE; usage-only chunks only when the client asked for them. */
export class OpenAIStreamEncoder implements StreamEncoder {
  private done = false;

  constructor(private readonly includeUsage: boolean) {}

  encode(chunk: ChatChunk): string {
    if (!this.includeUsage) {
      if (chunk.choices.length === 0) return '';
      if (chunk.usage !== undefined) chunk = { ...chunk, usage: undefined };
    }
    return `data: ${JSON.stringify(chunk)}\n\n`;
  }

  end(): string {
    if (this.done) return '';
    this.done = true;
    return 'data: [DONE]\n\n';
  }

  error(err: GatewayError): string {
    this.done = true;
    return `data: ${JSON.stringify(openAIErrorBody(err))}\n\n`;
  }
}
