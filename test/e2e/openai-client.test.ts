import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { EMBEDDING_DIM, embeddingOf, REPLY_TEXT, TOOL_ARGS, TOOL_NAME, USAGE } from '../support/fake-replies.js';
import { chatModel, PROVIDER_TYPES } from '../support/models.js';
import { useStack, WEATHER_TOOL_OPENAI } from '../support/stack.js';

const stack = useStack();
const client = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'test-key', maxRetries: 0 });
const ask = [{ role: 'user' as const, content: 'Hi there' }];

describe('OpenAI client → every provider type', () => {
  for (const type of PROVIDER_TYPES) {
    it(`chat.completions non-streaming via ${type}`, async () => {
      const res = await client().chat.completions.create({
        model: chatModel(type),
        messages: ask,
        temperature: 0.3,
        max_tokens: 50,
      });
      assert.equal(res.choices[0]!.message.content, REPLY_TEXT);
      assert.equal(res.choices[0]!.finish_reason, 'stop');
      assert.equal(res.usage?.prompt_tokens, USAGE.input);
      assert.equal(res.usage?.completion_tokens, USAGE.output);
    });

    it(`chat.completions streaming via ${type}, with usage`, async () => {
      const stream = await client().chat.completions.create({
        model: chatModel(type),
        messages: ask,
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      let finish: string | null = null;
      let usage: OpenAI.CompletionUsage | undefined | null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      assert.equal(text, REPLY_TEXT);
      assert.equal(finish, 'stop');
      assert.equal(usage?.prompt_tokens, USAGE.input);
      assert.equal(usage?.completion_tokens, USAGE.output);
    });

    it(`tool calls non-streaming via ${type}`, async () => {
      const res = await client().chat.completions.create({
        model: chatModel(type),
        messages: ask,
        tools: [WEATHER_TOOL_OPENAI],
      });
      const call = res.choices[0]!.message.tool_calls?.[0];
      assert.equal(res.choices[0]!.finish_reason, 'tool_calls');
      assert.ok(call && call.type === 'function');
      assert.equal(call.function.name, TOOL_NAME);
      assert.deepEqual(JSON.parse(call.function.arguments), TOOL_ARGS);
      assert.ok(call.id.length > 0);
    });

    it(`tool calls streaming via ${type}`, async () => {
      const stream = await client().chat.completions.create({
        model: chatModel(type),
        messages: ask,
        tools: [WEATHER_TOOL_OPENAI],
        stream: true,
      });
      let name = '';
      let args = '';
      let finish: string | null = null;
      for await (const chunk of stream) {
        for (const tc of chunk.choices[0]?.delta.tool_calls ?? []) {
          name += tc.function?.name ?? '';
          args += tc.function?.arguments ?? '';
        }
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      assert.equal(name, TOOL_NAME);
      assert.deepEqual(JSON.parse(args), TOOL_ARGS);
      assert.equal(finish, 'tool_calls');
    });
  }

  it('passes client parameters through to the provider and aliases the model name', async () => {
    await client().chat.completions.create({
      model: chatModel('vllm'),
      messages: ask,
      temperature: 0.3,
      max_tokens: 50,
      top_p: 0.9,
      stop: ['x'],
    });
    const sent = stack.upstream.last().body;
    assert.equal(sent['model'], 'upstream-ok-vllm');
    assert.equal(sent['temperature'], 0.3);
    assert.equal(sent['max_tokens'], 50);
    assert.equal(sent['top_p'], 0.9);
    assert.deepEqual(sent['stop'], ['x']);
    assert.equal(stack.upstream.last().headers['authorization'], 'Bearer secret-token');
  });

  it('maps parameters onto Anthropic and Ollama providers', async () => {
    await client().chat.completions.create({
      model: chatModel('anthropic'),
      messages: [{ role: 'system', content: 'Be brief' }, ...ask],
      temperature: 0.2,
      max_tokens: 33,
      stop: 'END',
    });
    const a = stack.upstream.last();
    assert.equal(a.path, '/v1/messages');
    assert.equal(a.body['system'], 'Be brief');
    assert.equal(a.body['max_tokens'], 33);
    assert.deepEqual(a.body['stop_sequences'], ['END']);
    assert.equal(a.headers['x-api-key'], 'secret-token');
    assert.ok(a.headers['anthropic-version']);

    await client().chat.completions.create({
      model: chatModel('ollama'),
      messages: ask,
      temperature: 0.2,
      max_tokens: 33,
    });
    const o = stack.upstream.last();
    assert.equal(o.path, '/api/chat');
    assert.equal(o.body['stream'], false);
    assert.deepEqual(o.body['options'], { temperature: 0.2, num_predict: 33 });
  });

  it('drops tools for a provider without tool_calling', async () => {
    await client().chat.completions.create({
      model: 'no-tools-openai',
      messages: ask,
      tools: [WEATHER_TOOL_OPENAI],
      tool_choice: 'auto',
    });
    const sent = stack.upstream.last().body;
    assert.equal(sent['tools'], undefined);
    assert.equal(sent['tool_choice'], undefined);
  });

  it('sends a tool result conversation to an Anthropic provider as tool_use / tool_result blocks', async () => {
    await client().chat.completions.create({
      model: chatModel('anthropic'),
      messages: [
        ...ask,
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_9', type: 'function', function: { name: TOOL_NAME, arguments: '{"city":"Warsaw"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_9', content: '12°C' },
      ],
    });
    const messages = stack.upstream.last().body['messages'] as Array<{
      role: string;
      content: Array<Record<string, unknown>>;
    }>;
    assert.deepEqual(
      messages.map((m) => m.role),
      ['user', 'assistant', 'user'],
    );
    assert.deepEqual(messages[1]!.content[0], {
      type: 'tool_use',
      id: 'call_9',
      name: TOOL_NAME,
      input: { city: 'Warsaw' },
    });
    assert.deepEqual(messages[2]!.content[0], { type: 'tool_result', tool_use_id: 'call_9', content: '12°C' });
  });

  for (const type of ['openai', 'vllm', 'ollama'] as const) {
    it(`embeddings via ${type} (the SDK's default base64 and explicit float)`, async () => {
      const res = await client().embeddings.create({ model: `embed-${type}`, input: ['alpha', 'be'] });
      assert.equal(res.data.length, 2);
      assert.equal(res.data[0]!.embedding.length, EMBEDDING_DIM);
      res.data[0]!.embedding.forEach((v, i) => {
        assert.ok(Math.abs(v - embeddingOf('alpha')[i]!) < 1e-6);
      });
      const floats = await client().embeddings.create({
        model: `embed-${type}`,
        input: 'alpha',
        encoding_format: 'float',
      });
      assert.deepEqual(
        floats.data[0]!.embedding.map((v) => Math.round(v * 1e6) / 1e6),
        embeddingOf('alpha'),
      );
    });
  }

  it('serves LM Studio clients on /api/v0 (chat and model list) from any backend', async () => {
    const lmstudio = new OpenAI({ baseURL: `${stack.gateway.url}/api/v0`, apiKey: 'k', maxRetries: 0 });
    for (const type of ['ollama', 'anthropic', 'lmstudio'] as const) {
      const res = await lmstudio.chat.completions.create({ model: chatModel(type), messages: ask });
      assert.equal(res.choices[0]!.message.content, REPLY_TEXT);
    }
    const models = (await (await fetch(`${stack.gateway.url}/api/v0/models`)).json()) as {
      data: Array<{ id: string; type: string; max_context_length: number }>;
    };
    assert.equal(models.data.find((m) => m.id === 'embed-ollama')?.type, 'embeddings');
    assert.equal(models.data.find((m) => m.id === chatModel('ollama'))?.type, 'llm');
  });

  it('answers on every alias path of chat completions and embeddings', async () => {
    for (const path of ['/chat/completions', '/api/chat/completions', '/v1/chat/completions']) {
      const res = await fetch(`${stack.gateway.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: chatModel('openai'), messages: ask }),
      });
      assert.equal(res.status, 200, path);
    }
    const emb = await fetch(`${stack.gateway.url}/embeddings`, {
      method: 'POST',
      body: JSON.stringify({ model: 'embed-openai', input: 'x' }),
    });
    assert.equal(emb.status, 200, 'a body without content-type is still read as JSON');
    const listed = (await (await fetch(`${stack.gateway.url}/models`)).json()) as { object: string; data: unknown[] };
    assert.equal(listed.object, 'list');
    assert.ok(!JSON.stringify(listed).includes('"stream"'), 'no stray stream field as in the reference');
  });

  it('lists the configured models', async () => {
    const ids = [];
    for await (const m of client().models.list()) ids.push(m.id);
    assert.ok(ids.includes(chatModel('openai')));
    assert.ok(ids.includes('embed-ollama'));
  });
});
