import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { PARALLEL_CALLS } from '../support/fake-protocols.js';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

// Backends that stream OpenAI chat chunks, where parallel calls arrive interleaved delta by delta.
const OPENAI_FORMAT = ['openai', 'vllm', 'lmstudio', 'llama.cpp'] as const;
// Of those, the ones without /v1/responses, so a Responses client is served by conversion.
const CHAT_ONLY = ['lmstudio', 'llama.cpp'] as const;

const stack = useStack();
const params = { type: 'object' as const, properties: {} };
const expected = PARALLEL_CALLS.map((c) => ({ name: c.name, args: c.args }));

describe('parallel tool calls streamed interleaved by the backend arrive whole in every dialect', () => {
  for (const type of OPENAI_FORMAT) {
    it(`Anthropic messages.stream via ${type}: two tool_use blocks with their own inputs`, async () => {
      const client = new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 });
      const msg = await client.messages
        .stream({
          model: chatModel(type),
          max_tokens: 100,
          messages: [{ role: 'user', content: 'Weather and time?' }],
          tools: PARALLEL_CALLS.map((c) => ({ name: c.name, input_schema: params })),
        })
        .finalMessage();
      const calls = msg.content.flatMap((b) => (b.type === 'tool_use' ? [{ name: b.name, args: b.input }] : []));
      assert.deepEqual(calls, expected);
      assert.equal(msg.stop_reason, 'tool_use');
    });

    it(`Ollama chat stream via ${type}: both calls with their own arguments`, async () => {
      const ollama = new Ollama({ host: stack.gateway.url });
      const calls: Array<{ name: string; args: unknown }> = [];
      for await (const part of await ollama.chat({
        model: chatModel(type),
        messages: [{ role: 'user', content: 'Weather and time?' }],
        tools: PARALLEL_CALLS.map((c) => ({ type: 'function', function: { name: c.name, parameters: params } })),
        stream: true,
      })) {
        for (const c of part.message.tool_calls ?? [])
          calls.push({ name: c.function.name, args: c.function.arguments });
      }
      assert.deepEqual(calls, expected);
    });
  }

  for (const type of CHAT_ONLY) {
    it(`Responses responses.stream via ${type}: two function_call items with their own arguments`, async () => {
      const client = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
      const stream = client.responses.stream({
        model: chatModel(type),
        input: 'Weather and time?',
        tools: PARALLEL_CALLS.map((c) => ({
          type: 'function' as const,
          name: c.name,
          parameters: params,
          strict: false,
        })),
      });
      const deltas = new Map<string, string>();
      stream.on('response.function_call_arguments.delta', (e) =>
        deltas.set(e.item_id, (deltas.get(e.item_id) ?? '') + e.delta),
      );
      const response = await stream.finalResponse();
      const calls = response.output.flatMap((o) =>
        o.type === 'function_call' ? [{ name: o.name, args: JSON.parse(o.arguments) as unknown }] : [],
      );
      assert.deepEqual(calls, expected);
      // Each item's deltas add up to its own arguments.
      for (const o of response.output) if (o.type === 'function_call') assert.equal(deltas.get(o.id!), o.arguments);
    });
  }
});
