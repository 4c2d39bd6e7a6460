import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { REPLY_TEXT, TOOL_ARGS, TOOL_NAME, USAGE } from '../support/fake-replies.js';
import { chatModel, PROVIDER_TYPES } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const client = () => new Anthropic({ baseURL: stack.gateway.url, apiKey: 'test-key', maxRetries: 0 });
const ask = [{ role: 'user' as const, content: 'Hi there' }];
const weatherTool = {
  name: TOOL_NAME,
  description: 'Weather in a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } },
};

describe('Anthropic client → every provider type', () => {
  for (const type of PROVIDER_TYPES) {
    it(`messages.create non-streaming via ${type}`, async () => {
      const msg = await client().messages.create({
        model: chatModel(type),
        max_tokens: 100,
        messages: ask,
        system: 'Be kind',
      });
      assert.equal(msg.type, 'message');
      assert.equal(msg.role, 'assistant');
      assert.deepEqual(msg.content.map((b) => (b.type === 'text' ? b.text : '')).join(''), REPLY_TEXT);
      assert.equal(msg.stop_reason, 'end_turn');
      assert.equal(msg.usage.input_tokens, USAGE.input);
      assert.equal(msg.usage.output_tokens, USAGE.output);
    });

    it(`messages.stream via ${type}`, async () => {
      const stream = client().messages.stream({ model: chatModel(type), max_tokens: 100, messages: ask });
      let deltas = '';
      stream.on('text', (t) => (deltas += t));
      const msg = await stream.finalMessage();
      assert.equal(deltas, REPLY_TEXT);
      assert.equal(msg.content[0]?.type === 'text' ? msg.content[0].text : '', REPLY_TEXT);
      assert.equal(msg.stop_reason, 'end_turn');
      assert.equal(msg.usage.output_tokens, USAGE.output);
    });

    it(`tool use non-streaming via ${type}`, async () => {
      const msg = await client().messages.create({
        model: chatModel(type),
        max_tokens: 100,
        messages: ask,
        tools: [weatherTool],
      });
      const block = msg.content.find((b) => b.type === 'tool_use');
      assert.ok(block && block.type === 'tool_use');
      assert.equal(block.name, TOOL_NAME);
      assert.deepEqual(block.input, TOOL_ARGS);
      assert.equal(msg.stop_reason, 'tool_use');
    });

    it(`tool use streaming via ${type}`, async () => {
      const msg = await client()
        .messages.stream({ model: chatModel(type), max_tokens: 100, messages: ask, tools: [weatherTool] })
        .finalMessage();
      const block = msg.content.find((b) => b.type === 'tool_use');
      assert.ok(block && block.type === 'tool_use');
      assert.equal(block.name, TOOL_NAME);
      assert.deepEqual(block.input, TOOL_ARGS);
      assert.equal(msg.stop_reason, 'tool_use');
    });
  }

  it('turns system, tool_use and tool_result into OpenAI messages for an OpenAI-compatible provider', async () => {
    await client().messages.create({
      model: chatModel('vllm'),
      max_tokens: 64,
      system: 'Be kind',
      stop_sequences: ['END'],
      metadata: { user_id: 'user-42' },
      messages: [
        ...ask,
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_7', name: TOOL_NAME, input: { city: 'Gdańsk' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_7', content: '9°C' }] },
      ],
      tools: [weatherTool],
    });
    const sent = stack.upstream.last();
    assert.equal(sent.path, '/v1/chat/completions');
    const body = sent.body as {
      messages: Array<Record<string, unknown>>;
      max_tokens: number;
      stop: string[];
      user: string;
      tools: unknown[];
    };
    assert.deepEqual(body.messages[0], { role: 'system', content: 'Be kind' });
    assert.deepEqual(body.messages[2]!['tool_calls'], [
      { id: 'toolu_7', type: 'function', function: { name: TOOL_NAME, arguments: '{"city":"Gdańsk"}' } },
    ]);
    assert.deepEqual(body.messages[3], { role: 'tool', tool_call_id: 'toolu_7', content: '9°C' });
    assert.equal(body.max_tokens, 64);
    assert.deepEqual(body.stop, ['END']);
    assert.equal(body.user, 'user-42');
    assert.equal((body.tools[0] as { function: { name: string } }).function.name, TOOL_NAME);
  });

  it('passes an Anthropic body to an Anthropic provider unchanged but for the model name', async () => {
    await client().messages.create({
      model: chatModel('anthropic'),
      max_tokens: 100,
      messages: ask,
      system: [{ type: 'text', text: 'Be kind' }],
      metadata: { user_id: 'u-1' },
    });
    const body = stack.upstream.last().body;
    assert.equal(body['model'], 'upstream-ok-anthropic');
    assert.deepEqual(body['system'], [{ type: 'text', text: 'Be kind' }]);
    assert.deepEqual(body['metadata'], { user_id: 'u-1' });
  });
});
