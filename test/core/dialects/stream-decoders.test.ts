import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnthropicStreamDecoder } from '../../../core/dialects/anthropic/stream-decoder.js';
import type { ChatChunk } from '../../../core/dialects/canonical.js';
import { OllamaStreamDecoder } from '../../../core/dialects/ollama/stream.js';
import { OpenAIStreamDecoder } from '../../../core/dialects/openai/chat-stream.js';
import type { StreamDecoder } from '../../../core/dialects/stream-codec.js';

const TEXT = 'Zażółć gęślą jaźń 🚀';

/** Feeds bytes to a decoder the way the pipeline does (UTF-8 decoding across chunk boundaries). */
function decode(decoder: StreamDecoder, body: string, bytesPerChunk: number): ChatChunk[] {
  const bytes = Buffer.from(body, 'utf8');
  const utf8 = new TextDecoder();
  const out: ChatChunk[] = [];
  for (let i = 0; i < bytes.length; i += bytesPerChunk)
    out.push(...decoder.push(utf8.decode(bytes.subarray(i, i + bytesPerChunk), { stream: true })));
  out.push(...decoder.push(utf8.decode()), ...decoder.end());
  return out;
}

const textOf = (chunks: ChatChunk[]) => chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
// The text in pieces of three characters.
const pieces = Array.from({ length: Math.ceil([...TEXT].length / 3) }, (_, i) =>
  [...TEXT].slice(3 * i, 3 * i + 3).join(''),
);

const streams: Array<[string, () => StreamDecoder, string]> = [
  [
    'OpenAI SSE',
    () => new OpenAIStreamDecoder(),
    [
      ...pieces.map(
        (p) =>
          `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\r\n\r\n`,
      ),
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
      'data: [DONE]\n\n',
    ].join(''),
  ],
  [
    'Anthropic SSE',
    () => new AnthropicStreamDecoder(),
    [
      `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_1', model: 'm', usage: { input_tokens: 3 } } })}\n\n`,
      ...pieces.map(
        (p) =>
          `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } })}\n\n`,
      ),
      `event: message_delta\ndata: ${JSON.stringify({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 9 } })}\n\n`,
    ].join(''),
  ],
  [
    'Ollama NDJSON',
    () => new OllamaStreamDecoder(),
    [
      ...pieces.map(
        (p) => `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: p }, done: false })}\n`,
      ),
      JSON.stringify({
        model: 'm',
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: 3,
        eval_count: 9,
      }),
    ].join(''),
  ],
];

describe('provider stream decoders', () => {
  for (const [name, make, body] of streams) {
    for (const size of [1, 2, 7, 1 << 16]) {
      it(`${name}: same text and finish with ${size}-byte chunks, multi-byte characters split`, () => {
        const chunks = decode(make(), body, size);
        assert.equal(textOf(chunks), TEXT);
        assert.equal(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0]?.finish_reason, 'stop');
      });
    }
  }

  it('Anthropic and Ollama streams report usage at the end', () => {
    for (const [, make, body] of streams.slice(1)) {
      const usage = decode(make(), body, 5).find((c) => c.usage)?.usage;
      assert.deepEqual(usage, { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 });
    }
  });

  it('an in-band provider error becomes a gateway error', () => {
    assert.throws(
      () => new OpenAIStreamDecoder().push('data: {"error":{"message":"overloaded"}}\n\n'),
      /mid-stream: overloaded/,
    );
    assert.throws(() => new OllamaStreamDecoder().push('{"error":"model not loaded"}\n'), /model not loaded/);
    assert.throws(
      () =>
        new AnthropicStreamDecoder().push(
          'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"busy"}}\n\n',
        ),
      /busy/,
    );
  });
});
