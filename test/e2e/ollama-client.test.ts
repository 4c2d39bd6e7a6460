import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ollama } from 'ollama';
import { EMBEDDING_DIM, embeddingOf, REPLY_TEXT, TOOL_ARGS, TOOL_NAME, USAGE } from '../support/fake-replies.js';
import { chatModel, PROVIDER_TYPES } from '../support/models.js';
import { useStack, WEATHER_TOOL_OPENAI } from '../support/stack.js';

const stack = useStack();
const client = () => new Ollama({ host: stack.gateway.url });
const ask = [{ role: 'user', content: 'Hi there' }];

describe('Ollama client → every provider type', () => {
  for (const type of PROVIDER_TYPES) {
    it(`chat non-streaming via ${type}`, async () => {
      const res = await client().chat({
        model: chatModel(type),
        messages: ask,
        stream: false,
        options: { temperature: 0.4, num_predict: 20 },
      });
      assert.equal(res.message.role, 'assistant');
      assert.equal(res.message.content, REPLY_TEXT);
      assert.equal(res.done, true);
      assert.equal(res.prompt_eval_count, USAGE.input);
      assert.equal(res.eval_count, USAGE.output);
    });

    it(`chat streaming via ${type}`, async () => {
      let text = '';
      let last: { done: boolean; eval_count: number; done_reason: string } | undefined;
      for await (const part of await client().chat({ model: chatModel(type), messages: ask, stream: true })) {
        text += part.message.content;
        last = part;
      }
      assert.equal(text, REPLY_TEXT);
      assert.equal(last?.done, true);
      assert.equal(last?.done_reason, 'stop');
      assert.equal(last?.eval_count, USAGE.output);
    });

    it(`tool calls non-streaming via ${type}`, async () => {
      const res = await client().chat({
        model: chatModel(type),
        messages: ask,
        tools: [WEATHER_TOOL_OPENAI],
        stream: false,
      });
      assert.equal(res.message.tool_calls?.[0]?.function.name, TOOL_NAME);
      assert.deepEqual(res.message.tool_calls?.[0]?.function.arguments, TOOL_ARGS);
    });

    it(`tool calls streaming via ${type}`, async () => {
      const calls = [];
      for await (const part of await client().chat({
        model: chatModel(type),
        messages: ask,
        tools: [WEATHER_TOOL_OPENAI],
        stream: true,
      })) {
        calls.push(...(part.message.tool_calls ?? []));
      }
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.function.name, TOOL_NAME);
      assert.deepEqual(calls[0]!.function.arguments, TOOL_ARGS);
    });
  }

  it('maps Ollama options onto an OpenAI-compatible provider', async () => {
    await client().chat({
      model: chatModel('openai'),
      messages: ask,
      stream: false,
      options: { temperature: 0.4, num_predict: 20, top_p: 0.5 },
      format: 'json',
    });
    const body = stack.upstream.last().body;
    assert.equal(body['temperature'], 0.4);
    assert.equal(body['max_tokens'], 20);
    assert.equal(body['top_p'], 0.5);
    assert.deepEqual(body['response_format'], { type: 'json_object' });
  });

  it('answers a tool result by name to an OpenAI provider with the matching call id', async () => {
    await client().chat({
      model: chatModel('vllm'),
      stream: false,
      messages: [
        ...ask,
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: TOOL_NAME, arguments: { city: 'Łódź' } } }],
        },
        { role: 'tool', content: '5°C', tool_name: TOOL_NAME } as { role: string; content: string },
      ],
    });
    const messages = stack.upstream.last().body['messages'] as Array<{
      role: string;
      tool_calls?: Array<{ id: string }>;
      tool_call_id?: string;
    }>;
    const callId = messages[1]!.tool_calls![0]!.id;
    assert.equal(messages[2]!.role, 'tool');
    assert.equal(messages[2]!.tool_call_id, callId);
  });

  for (const type of ['ollama', 'openai', 'llama.cpp'] as const) {
    it(`embed via ${type}`, async () => {
      const res = await client().embed({ model: `embed-${type}`, input: ['alpha', 'be'] });
      assert.equal(res.embeddings.length, 2);
      assert.equal(res.embeddings[1]!.length, EMBEDDING_DIM);
      res.embeddings[0]!.forEach((v, i) => {
        assert.ok(Math.abs(v - embeddingOf('alpha')[i]!) < 1e-6);
      });
    });
  }

  it('lists models in the Ollama shape without provider hosts or tokens', async () => {
    const res = await client().list();
    assert.ok(res.models.some((m) => m.name === chatModel('ollama')));
    const raw = JSON.stringify(res);
    assert.ok(!raw.includes('127.0.0.1'));
    assert.ok(!raw.includes('secret-token'));
    assert.ok(res.models.every((m) => typeof m.digest === 'string' && typeof m.modified_at !== 'undefined'));
  });

  it('answers version() and the root probe', async () => {
    const v = await client().version();
    assert.match(v.version, /^\d+\.\d+\.\d+/);
    const root = await fetch(`${stack.gateway.url}/`);
    assert.equal(await root.text(), 'Ollama is running');
  });
});
