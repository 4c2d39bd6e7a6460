import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { chatModel, type PROVIDER_TYPES } from '../support/models.js';
import { rejection } from '../support/rejection.js';
import { useStack } from '../support/stack.js';

const stack = useStack({ LLM_ROUTER_MAX_REQUEST_BODY_SIZE: '65536' });
const openai = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
const ask = [{ role: 'user' as const, content: 'Hi' }];

async function post(path: string, body: string | object) {
  const res = await fetch(`${stack.gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers };
}

describe('bad input', () => {
  it('malformed JSON is a 400 in each dialect', async () => {
    const o = await post('/v1/chat/completions', '{"model": ');
    assert.equal(o.status, 400);
    assert.equal(o.body['error'].code, 'invalid_json');
    assert.equal(o.body['error'].type, 'invalid_request_error');
    const a = await post('/v1/messages', '{"model": ');
    assert.equal(a.status, 400);
    assert.equal(a.body['type'], 'error');
    assert.equal(a.body['error'].type, 'invalid_request_error');
    const l = await post('/api/chat', '{"model": ');
    assert.equal(l.status, 400);
    assert.equal(typeof l.body['error'], 'string');
  });

  it('a missing field is a 400 naming it', async () => {
    const o = await post('/v1/chat/completions', { model: chatModel('openai') });
    assert.equal(o.status, 400);
    assert.equal(o.body['error'].param, 'messages');
    const m = await post('/v1/chat/completions', { messages: ask });
    assert.equal(m.body['error'].param, 'model');
    const a = await post('/v1/messages', { model: chatModel('openai'), messages: ask });
    assert.equal(a.status, 400);
    assert.match(a.body['error'].message, /max_tokens/);
    const r = await post('/v1/chat/completions', {
      model: chatModel('openai'),
      messages: [{ role: 'wizard', content: 'x' }],
    });
    assert.equal(r.body['error'].param, 'messages[0].role');
    const e = await post('/v1/embeddings', { model: 'embed-openai' });
    assert.equal(e.body['error'].param, 'input');
  });

  it('an unknown model is a 404 naming it, in each SDK', async () => {
    const err = await rejection(openai().chat.completions.create({ model: 'no-such-model', messages: ask }));
    assert.equal(err.status, 404);
    assert.match(err.message, /no-such-model/);
    const aerr = await rejection(
      new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 }).messages.create({
        model: 'no-such-model',
        max_tokens: 5,
        messages: ask,
      }),
    );
    assert.ok(aerr instanceof Anthropic.NotFoundError);
    const lerr = await rejection(
      new Ollama({ host: stack.gateway.url }).chat({ model: 'no-such-model', messages: ask }),
    );
    assert.equal(lerr.status_code, 404);
    assert.match(lerr.error, /no-such-model/);
  });

  it('a body over LLM_ROUTER_MAX_REQUEST_BODY_SIZE is a 413', async () => {
    const big = await post('/v1/chat/completions', {
      model: chatModel('openai'),
      messages: [{ role: 'user', content: 'x'.repeat(70_000) }],
    });
    assert.equal(big.status, 413);
    assert.equal(big.body['error'].code, 'request_too_large');
  });

  it('an unknown route is a 404 in the OpenAI shape', async () => {
    const res = await post('/v1/nothing-here', {});
    assert.equal(res.status, 404);
    assert.equal(res.body['error'].code, 'unknown_route');
  });
});

describe('failing upstreams', () => {
  it('an unreachable provider is a 502 that names no host', async () => {
    const res = await post('/v1/chat/completions', { model: 'unreachable', messages: ask });
    assert.equal(res.status, 502);
    assert.equal(res.body['error'].code, 'upstream_unreachable');
    assert.ok(!JSON.stringify(res.body).includes('127.0.0.1'));
  });

  it('a provider slower than LLM_ROUTER_EXTERNAL_TIMEOUT is a 504', async () => {
    const started = Date.now();
    const res = await post('/v1/chat/completions', { model: chatModel('openai', 'slow'), messages: ask });
    assert.equal(res.status, 504);
    assert.equal(res.body['error'].code, 'upstream_timeout');
    assert.ok(Date.now() - started < 2900, 'answered before the provider did');
  });

  it("a provider's 4xx keeps its status and message, scrubbed of addresses", async () => {
    for (const type of ['openai', 'anthropic', 'ollama'] as const) {
      const res = await post('/v1/chat/completions', { model: chatModel(type, 'reject'), messages: ask });
      assert.equal(res.status, 400);
      assert.match(res.body['error'].message, /max_tokens is too large/);
      assert.ok(!res.body['error'].message.includes('10.1.2.3'));
    }
  });

  it("a provider's 4xx keeps its code, type and param, in each client's dialect", async () => {
    const tooLong = async (type: (typeof PROVIDER_TYPES)[number]) =>
      (await rejection(
        openai().chat.completions.create({ model: chatModel(type, 'toolong'), messages: ask }),
      )) as InstanceType<typeof OpenAI.APIError>;
    for (const type of ['openai', 'vllm', 'lmstudio'] as const) {
      const err = await tooLong(type);
      assert.equal(err.status, 400, type);
      assert.equal(err.code, 'context_length_exceeded', type);
      assert.equal(err.type, 'invalid_request_error', type);
      assert.equal(err.param, 'messages', type);
    }
    // llama.cpp names it by type; OpenAI clients get the code they branch on, and the type as llama.cpp gave it.
    const llama = await tooLong('llama.cpp');
    assert.equal(llama.code, 'context_length_exceeded');
    assert.equal(llama.type, 'exceed_context_size_error');
    // Anthropic gives a type and no code.
    const fromAnthropic = await tooLong('anthropic');
    assert.equal(fromAnthropic.status, 400);
    assert.equal(fromAnthropic.type, 'invalid_request_error');
    assert.match(fromAnthropic.message, /prompt is too long/);

    const anthropicClient = new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 });
    const a = await rejection(
      anthropicClient.messages.create({ model: chatModel('vllm', 'toolong'), max_tokens: 9, messages: ask }),
    );
    assert.ok(a instanceof Anthropic.BadRequestError, String(a));
    assert.equal((a.error as { error: { type: string } }).error.type, 'invalid_request_error');
    assert.match(a.message, /maximum context length is 4096/);

    const o = await rejection(
      new Ollama({ host: stack.gateway.url }).chat({ model: chatModel('ollama', 'toolong'), messages: ask }),
    );
    assert.equal((o as { status_code?: number }).status_code, 400);
    assert.match(String((o as Error).message), /exceeds the context length/);
  });

  it("a provider's 5xx is a 502, also for a stream that had not started", async () => {
    const res = await post('/v1/chat/completions', { model: chatModel('vllm', 'explode'), messages: ask });
    assert.equal(res.status, 502);
    assert.equal(res.body['error'].code, 'upstream_failed');
    const err = await rejection(
      openai().chat.completions.create({ model: chatModel('vllm', 'explode'), messages: ask, stream: true }),
    );
    assert.equal(err.status, 502);
  });

  it('a 200 that is not JSON is a 502, passed through or converted', async () => {
    for (const type of ['vllm', 'anthropic'] as const) {
      const res = await post('/v1/chat/completions', { model: chatModel(type, 'garbage'), messages: ask });
      assert.equal(res.status, 502);
      assert.equal(res.body['error'].code, 'upstream_bad_response');
    }
  });
});

describe('request ids', () => {
  it('echoes a valid x-request-id and makes one otherwise', async () => {
    const given = await fetch(`${stack.gateway.url}/api/ping`, { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(given.headers.get('x-request-id'), 'abc-123');
    const made = await fetch(`${stack.gateway.url}/api/ping`, { headers: { 'x-request-id': 'bad id with spaces' } });
    assert.match(made.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(await made.json(), { status: true, body: 'pong' });
  });
});
