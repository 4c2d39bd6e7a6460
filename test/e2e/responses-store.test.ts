import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { REPLY_TEXT, TOOL_NAME } from '../support/fake-replies.js';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { redisPrefix } from '../support/redis-prefix.js';
import { useStack } from '../support/stack.js';

// A backend without the Responses API, so every answer is converted and the gateway keeps the conversation.
const MODEL = chatModel('lmstudio');
const weather = {
  type: 'function' as const,
  name: TOOL_NAME,
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
  strict: false,
};
const sentMessages = (upstream: FakeUpstream) =>
  (upstream.last().body['messages'] as Array<Record<string, unknown>>).map((m) => ({
    role: m['role'],
    content: m['content'] ?? null,
    ...(m['tool_calls'] ? { calls: (m['tool_calls'] as unknown[]).length } : {}),
  }));

describe('previous_response_id with LLM_ROUTER_RESPONSES_STORE, in memory', () => {
  const stack = useStack({ LLM_ROUTER_RESPONSES_STORE: '1' });
  const client = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });

  it('continues a conversation from its id, created and streamed', async () => {
    const first = await client().responses.create({ model: MODEL, input: 'My name is Ada.' });
    assert.equal((first as unknown as { store: boolean }).store, true);
    const second = await client()
      .responses.stream({ model: MODEL, previous_response_id: first.id, input: 'What is my name?' })
      .finalResponse();
    assert.equal(second.previous_response_id, first.id);
    assert.deepEqual(sentMessages(stack.upstream), [
      { role: 'user', content: 'My name is Ada.' },
      { role: 'assistant', content: REPLY_TEXT },
      { role: 'user', content: 'What is my name?' },
    ]);
    await client().responses.create({ model: MODEL, previous_response_id: second.id, input: 'Thanks.' });
    assert.equal(sentMessages(stack.upstream).length, 5, 'the whole chain');
  });

  it('carries a function call round trip', async () => {
    const call = await client().responses.create({ model: MODEL, input: 'Weather in Warsaw?', tools: [weather] });
    const fc = call.output.find((o) => o.type === 'function_call');
    assert.ok(fc && fc.type === 'function_call');
    await client().responses.create({
      model: MODEL,
      previous_response_id: call.id,
      input: [{ type: 'function_call_output', call_id: fc.call_id, output: '{"temp": 21}' }],
      tools: [weather],
    });
    const sent = stack.upstream.last().body['messages'] as Array<Record<string, any>>;
    assert.equal(sent[1]!['tool_calls'][0].id, fc.call_id);
    assert.deepEqual(sent[2], { role: 'tool', tool_call_id: fc.call_id, content: '{"temp": 21}' });
  });

  it('keeps nothing with "store": false, and an unknown id is a 400 naming the field', async () => {
    const unkept = await client().responses.create({ model: MODEL, input: 'Hi', store: false });
    assert.equal((unkept as unknown as { store: boolean }).store, false);
    for (const id of [unkept.id, 'resp_nope']) {
      const err = await client()
        .responses.create({ model: MODEL, previous_response_id: id, input: 'And?' })
        .catch((e: unknown) => e);
      assert.ok(err instanceof OpenAI.BadRequestError, String(err));
      assert.equal((err.error as { param?: string }).param, 'previous_response_id');
    }
  });
});

describe('previous_response_id with the store off', () => {
  const stack = useStack();
  it('is a 400 that says how to turn it on', async () => {
    const client = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const err = await client.responses
      .create({ model: MODEL, previous_response_id: 'resp_x', input: 'Hi' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.match(err.message, /LLM_ROUTER_RESPONSES_STORE/);
  });
});

describe('previous_response_id on Redis, across instances, masked at rest', () => {
  const upstream = new FakeUpstream();
  const gateways = [new GatewayProcess(), new GatewayProcess()];
  const redis = redisPrefix();
  before(async () => {
    await upstream.start();
    const config = GatewayProcess.writeConfig(fakeModelsConfig(upstream.url));
    for (const g of gateways)
      await g.start({
        ...redis.env,
        LLM_ROUTER_MODELS_CONFIG: config,
        LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
        LLM_ROUTER_RESPONSES_STORE: '1',
        LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker',
        LLM_ROUTER_FORCE_MASKING: '1',
      });
  });
  after(async () => {
    for (const g of gateways) await g.stop();
    await upstream.stop();
    await redis.clean();
  });

  it('a response kept by one instance is continued on another; its text is stored masked', async () => {
    const [a, b] = gateways.map((g) => new OpenAI({ baseURL: `${g.url}/v1`, apiKey: 'k', maxRetries: 0 }));
    const first = await a!.responses.create({ model: MODEL, input: 'Write to jan.kowalski@example.com please.' });
    const reader = new Redis({ host: '127.0.0.1', port: 6379 });
    const stored = await reader.get(`${redis.prefix}responses:${first.id}`).finally(() => reader.disconnect());
    assert.ok(stored, 'the conversation is in Redis');
    assert.ok(!stored.includes('jan.kowalski@example.com'), stored);
    assert.match(stored, /\{\{EMAIL_\d+\}\}/);
    await b!.responses.create({ model: MODEL, previous_response_id: first.id, input: 'Thanks.' });
    const sent = JSON.stringify(upstream.last().body);
    assert.ok(!sent.includes('jan.kowalski@example.com'));
    assert.match(sent, /Thanks\./);
    assert.match(sent, /\{\{EMAIL_\d+\}\}/);
  });
});
