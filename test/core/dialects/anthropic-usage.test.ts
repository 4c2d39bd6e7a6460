import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAnthropicResponse, writeAnthropicResponse } from '../../../core/dialects/anthropic/response.js';

describe('Anthropic usage both ways', () => {
  const message = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'm',
    content: [{ type: 'text', text: 'hi' }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 3, cache_read_input_tokens: 60, cache_creation_input_tokens: 4, output_tokens: 7 },
  };

  it('reads cache reads and writes into prompt_tokens, the reads into cached_tokens', () => {
    const c = readAnthropicResponse(message)!;
    assert.deepEqual(c.usage, {
      prompt_tokens: 67,
      completion_tokens: 7,
      total_tokens: 74,
      prompt_tokens_details: { cached_tokens: 60 },
    });
  });

  it('writes cached tokens back as cache_read_input_tokens, apart from input_tokens', () => {
    const out = writeAnthropicResponse(readAnthropicResponse(message)!, { model: 'm' }) as { usage: unknown };
    assert.deepEqual(out.usage, { input_tokens: 7, output_tokens: 7, cache_read_input_tokens: 60 });
  });
});
