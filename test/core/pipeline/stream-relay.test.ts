import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import type { Response } from 'express';
import { AnthropicStreamDecoder } from '../../../core/dialects/anthropic/stream-decoder.js';
import { OpenAIStreamEncoder } from '../../../core/dialects/openai/chat-stream.js';
import { AnswerChain } from '../../../core/pipeline/answer-stages.js';
import { relayChunks } from '../../../core/pipeline/stream-relay.js';

/** What a client would have been sent: a response that takes every write. */
function client(): { res: Response; written: () => string } {
  const out: string[] = [];
  const res = Object.assign(new EventEmitter(), {
    destroyed: false,
    write: (b: string | Buffer) => out.push(b.toString()) > 0,
    end: (b?: string | Buffer) => {
      if (b) out.push(b.toString());
    },
  });
  return { res: res as unknown as Response, written: () => out.join('') };
}

describe('a converted stream', () => {
  it('refuses a line longer than the limit instead of keeping it, and passes a long one within it', async () => {
    const start =
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","role":"assistant","content":[]}}\n\n';
    const text = 'x'.repeat(2000);
    const delta = `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${text}"}}\n\n`;
    const end =
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n';
    // The long event arrives in pieces of 100 bytes, as a slow network would send it.
    const pieces = (s: string) =>
      Array.from({ length: Math.ceil(s.length / 100) }, (_, i) => s.slice(i * 100, i * 100 + 100));
    const relay = (limit: number) => {
      const { res, written } = client();
      const body = Readable.from([start, ...pieces(delta), end].map((s) => Buffer.from(s)));
      const done = relayChunks(
        body,
        new AnthropicStreamDecoder(),
        new AnswerChain([]),
        new OpenAIStreamEncoder(false),
        res,
        new AbortController().signal,
        'p',
        limit,
      );
      return { done, written };
    };
    const small = relay(1000);
    await assert.rejects(small.done, /an event is larger than 1000 bytes \(LLM_ROUTER_MAX_RESPONSE_BODY_SIZE\)/);
    assert.ok(!small.written().includes('xxx'), 'nothing of the long event went out');
    const big = relay(10_000);
    await big.done;
    assert.ok(big.written().includes(text), 'the long event passed whole');
    assert.ok(big.written().endsWith('data: [DONE]\n\n'));
  });
});
