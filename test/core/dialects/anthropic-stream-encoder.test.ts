import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnthropicStreamEncoder } from '../../../core/dialects/anthropic/stream-encoder.js';
import type { ChatChunk } from '../../../core/dialects/canonical.js';

const chunk = (
  delta: ChatChunk['choices'][number]['delta'],
  finish: ChatChunk['choices'][number]['finish_reason'] = null,
): ChatChunk => ({
  id: 'c1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

function events(frames: string): Array<{ event: string; data: Record<string, any> }> {
  return frames
    .trim()
    .split('\n\n')
    .map((f) => {
      const [e, d] = f.split('\n');
      return { event: e!.slice(7), data: JSON.parse(d!.slice(6)) };
    });
}

describe('Anthropic stream encoder', () => {
  it('wraps text then a tool call in well-formed, numbered content blocks', () => {
    const enc = new AnthropicStreamEncoder('claude-x');
    let out = enc.encode(chunk({ role: 'assistant', content: '' }));
    out += enc.encode(chunk({ content: 'Let me check.' }));
    out += enc.encode(
      chunk({
        tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }],
      }),
    );
    out += enc.encode(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":"Oslo"}' } }] }));
    out += enc.encode(chunk({}, 'tool_calls'));
    out += enc.encode({
      ...chunk({}),
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 8, total_tokens: 13 },
    });
    out += enc.end();
    const evs = events(out);
    assert.deepEqual(
      evs.map((e) => e.event),
      [
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
    );
    assert.equal(evs[0]!.data['message'].model, 'claude-x');
    assert.deepEqual(evs[4]!.data, {
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'tool_use', id: 'call_1', name: 'get_weather', input: {} },
    });
    assert.equal(evs[5]!.data['delta'].partial_json, '{"city":"Oslo"}');
    assert.equal(evs[7]!.data['delta'].stop_reason, 'tool_use');
    assert.deepEqual(evs[7]!.data['usage'], { input_tokens: 5, output_tokens: 8 });
    assert.equal(enc.end(), '', 'end is idempotent');
  });

  it('still sends a whole message for an empty stream', () => {
    const evs = events(new AnthropicStreamEncoder('m').end());
    assert.deepEqual(
      evs.map((e) => e.event),
      ['message_start', 'message_delta', 'message_stop'],
    );
    assert.equal(evs[1]!.data['delta'].stop_reason, 'end_turn');
  });
});
