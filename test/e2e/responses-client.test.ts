import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { REPLY_TEXT, TOOL_ARGS, TOOL_NAME, USAGE } from '../support/fake-replies.js';
import { chatModel, PROVIDER_TYPES } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const client = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
const weather = {
  type: 'function' as const,
  name: TOOL_NAME,
  description: 'Weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
  strict: false,
};

describe('OpenAI Responses API → every provider type', () => {
  for (const type of PROVIDER_TYPES) {
    it(`responses.create via ${type}`, async () => {
      const res = await client().responses.create({
        model: chatModel(type),
        input: 'Hi there',
        instructions: 'Be kind',
      });
      assert.equal(res.output_text, REPLY_TEXT);
      assert.equal(res.status, 'completed');
      assert.equal(res.usage?.input_tokens, USAGE.input);
      assert.equal(res.usage?.output_tokens, USAGE.output);
    });

    it(`responses.stream via ${type}`, async () => {
      const stream = client().responses.stream({
        model: chatModel(type),
        input: [{ role: 'user', content: 'Hi there' }],
      });
      let deltas = '';
      stream.on('response.output_text.delta', (e) => (deltas += e.delta));
      const final = await stream.finalResponse();
      assert.equal(deltas, REPLY_TEXT);
      const text = final.output
        .flatMap((o) => (o.type === 'message' ? o.content : []))
        .map((c) => (c.type === 'output_text' ? c.text : ''))
        .join('');
      assert.equal(text, REPLY_TEXT);
      assert.equal(final.status, 'completed');
    });

    it(`function calls via ${type}, streaming and not`, async () => {
      const res = await client().responses.create({ model: chatModel(type), input: 'Weather?', tools: [weather] });
      const call = res.output.find((o) => o.type === 'function_call');
      assert.ok(call && call.type === 'function_call');
      assert.equal(call.name, TOOL_NAME);
      assert.deepEqual(JSON.parse(call.arguments), TOOL_ARGS);
      const final = await client()
        .responses.stream({ model: chatModel(type), input: 'Weather?', tools: [weather] })
        .finalResponse();
      const streamed = final.output.find((o) => o.type === 'function_call');
      assert.ok(streamed && streamed.type === 'function_call');
      assert.deepEqual(JSON.parse(streamed.arguments), TOOL_ARGS);
    });
  }

  it('sends instructions, function results and max_output_tokens to a chat backend', async () => {
    await client().responses.create({
      model: chatModel('ollama'),
      instructions: 'Be kind',
      max_output_tokens: 40,
      input: [
        { role: 'user', content: 'Weather?' },
        { type: 'function_call', call_id: 'call_3', name: TOOL_NAME, arguments: '{"city":"Kraków"}' },
        { type: 'function_call_output', call_id: 'call_3', output: '15°C' },
      ],
    });
    const body = stack.upstream.last().body as {
      messages: Array<Record<string, unknown>>;
      options: Record<string, unknown>;
    };
    assert.deepEqual(body.messages[0], { role: 'system', content: 'Be kind' });
    assert.deepEqual((body.messages[2]!['tool_calls'] as unknown[])[0], {
      function: { name: TOOL_NAME, arguments: { city: 'Kraków' } },
    });
    assert.deepEqual(body.messages[3], { role: 'tool', content: '15°C', tool_name: TOOL_NAME });
    assert.equal(body.options['num_predict'], 40);
  });

  it('refuses previous_response_id for a backend that cannot store responses, naming the field', async () => {
    const err = await client()
      .responses.create({ model: chatModel('anthropic'), input: 'Hi', previous_response_id: 'resp_1' })
      .catch((e: unknown) => e as { status: number; error: { param: string } });
    assert.equal((err as { status: number }).status, 400);
    assert.equal((err as { error: { param: string } }).error.param, 'previous_response_id');
  });
});
