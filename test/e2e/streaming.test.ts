import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { chatModel } from '../support/models.js';
import { rejection } from '../support/rejection.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const ask = [{ role: 'user' as const, content: 'Hi' }];

function streamRequest(path: string, body: object, signal?: AbortSignal) {
  return fetch(`${stack.gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
    signal,
  });
}

describe('streaming', () => {
  it('sends SSE for OpenAI and Anthropic, NDJSON for Ollama, with no-cache headers', async () => {
    const cases = [
      ['/v1/chat/completions', { model: chatModel('ollama'), messages: ask }, 'text/event-stream'],
      ['/v1/messages', { model: chatModel('vllm'), messages: ask, max_tokens: 9 }, 'text/event-stream'],
      ['/api/chat', { model: chatModel('anthropic'), messages: ask }, 'application/x-ndjson'],
      ['/api/chat', { model: chatModel('ollama'), messages: ask }, 'application/x-ndjson'],
    ] as const;
    for (const [path, body, type] of cases) {
      const res = await streamRequest(path, body);
      assert.equal(res.status, 200);
      assert.ok(res.headers.get('content-type')?.startsWith(type), `${path}: ${res.headers.get('content-type')}`);
      assert.match(res.headers.get('cache-control') ?? '', /no-cache/);
      assert.equal(res.headers.get('x-accel-buffering'), 'no');
      await res.text();
    }
  });

  for (const [label, path, body] of [
    ['passed through', '/v1/chat/completions', { model: chatModel('vllm', 'dribble'), messages: ask }],
    ['converted', '/v1/messages', { model: chatModel('ollama', 'dribble'), messages: ask, max_tokens: 9 }],
  ] as const) {
    it(`forwards each chunk as it arrives (${label})`, async () => {
      const res = await streamRequest(path, body);
      const reader = res.body!.getReader();
      const first = await reader.read();
      assert.ok(first.value && first.value.length > 0);
      assert.equal(stack.upstream.last().finished, false, 'the client got bytes before the provider finished');
      while (!(await reader.read()).done);
      assert.equal(stack.upstream.last().finished, true);
    });

    it(`aborts the provider request when the client disconnects (${label})`, async () => {
      const controller = new AbortController();
      const res = await streamRequest(path, body, controller.signal);
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      const upstreamCall = stack.upstream.last();
      for (let i = 0; i < 20 && !upstreamCall.closedEarly; i++) await sleep(50);
      assert.equal(upstreamCall.closedEarly, true);
      assert.equal(upstreamCall.finished, false);
    });
  }

  it('reports a provider that dies mid-stream as an in-band error in every dialect', async () => {
    const openai = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    for (const type of ['vllm', 'anthropic'] as const) {
      const err = await rejection(async () => {
        for await (const _ of await openai.chat.completions.create({
          model: chatModel(type, 'cut'),
          messages: ask,
          stream: true,
        }));
      });
      assert.match(String(err.message), /upstream|provider|stream/i);
    }
    const anthropic = new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 });
    const aerr = await rejection(() =>
      anthropic.messages.stream({ model: chatModel('openai', 'cut'), max_tokens: 9, messages: ask }).finalMessage(),
    );
    assert.ok(aerr instanceof Error);
    const ollama = new Ollama({ host: stack.gateway.url });
    const lerr = await rejection(async () => {
      for await (const _ of await ollama.chat({ model: chatModel('openai', 'cut'), messages: ask, stream: true }));
    });
    assert.match(String(lerr.message ?? lerr), /mid-stream/);
  });

  it('restores text split one character per chunk across a conversion', async () => {
    const res = await streamRequest('/api/chat', { model: chatModel('anthropic'), messages: ask });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: { content: string }; done: boolean });
    assert.equal(lines.map((l) => l.message.content).join(''), 'Hello! How can I help?');
    assert.equal(lines.at(-1)!.done, true);
  });
});
