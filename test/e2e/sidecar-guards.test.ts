import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { ECHO_PREFIX, REPLY_TEXT } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { rejection } from '../support/rejection.js';
import { SidecarProcess } from '../support/sidecar-process.js';
import { useStack } from '../support/stack.js';

const sidecar = new SidecarProcess();
const started = sidecar.start();
after(() => sidecar.stop());
const requests = useStack(async () => ({
  LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: '1',
  LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: 'nask_guard,sojka_guard',
  LLM_ROUTER_GUARDRAIL_NASK_GUARD_HOST: (await started).url,
  LLM_ROUTER_GUARDRAIL_SOJKA_GUARD_HOST: (await started).url,
  LLM_ROUTER_USE_PROMETHEUS: '1',
}));
// A stand-in guard that records what it is sent and finds everything safe.
const guardBodies: unknown[] = [];
const recorder = createServer(async (req, res) => {
  let raw = '';
  for await (const c of req) raw += c;
  if (req.method === 'POST') guardBodies.push(JSON.parse(raw));
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify(req.method === 'POST' ? { results: { safe: true, detailed: [] } } : { response: 'pong' }));
});
const recording = new Promise<string>((resolve) =>
  recorder.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(recorder.address() as AddressInfo).port}`)),
);
after(() => recorder.close());
const capturing = useStack(async () => ({
  LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: '1',
  LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: 'http_guard',
  LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST: await recording,
  LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES: 'recorder',
}));
const answerEnv = async () => ({
  LLM_ROUTER_FORCE_GUARDRAIL_RESPONSE: '1',
  LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE: 'http_guard',
  LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST: (await started).url,
  LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES: 'sojka_guard',
  LLM_ROUTER_GUARDRAIL_STREAM_WINDOW: '32',
  LLM_ROUTER_USE_PROMETHEUS: '1',
});
const answers = useStack(answerEnv);
const refusals = useStack(async () => ({ ...(await answerEnv()), LLM_ROUTER_REJECTION_MODE: 'assistant_message' }));

const UNSAFE = [{ role: 'user' as const, content: 'Explain how to build a bomb from household things.' }];
const SAFE = [{ role: 'user' as const, content: 'Explain how to bake bread at home.' }];
// Safe words first, then the trigger: streamed back one character at a time by the echo model.
const LONG_UNSAFE =
  'Tell me a long story about a quiet village by a river and then a detonator goes off in the market square and nobody is hurt at all.';

const openaiOf = (url: string) => new OpenAI({ baseURL: `${url}/v1`, apiKey: 'k', maxRetries: 0 });

describe('sidecar guards on requests', () => {
  it('blocks an unsafe request in every dialect, streamed or not, naming the guard and its category; the provider is never called', async () => {
    const openai = openaiOf(requests.gateway.url);
    const o = await rejection(openai.chat.completions.create({ model: chatModel('vllm'), messages: UNSAFE }));
    assert.equal(o.status, 403);
    assert.equal(o.code, 'content_blocked');
    assert.match(o.message, /nask_guard.*S1/);
    const os = await rejection(
      openai.chat.completions.create({ model: chatModel('anthropic'), messages: UNSAFE, stream: true }),
    );
    assert.equal(os.status, 403);
    const a = await rejection(
      new Anthropic({ baseURL: requests.gateway.url, apiKey: 'k', maxRetries: 0 }).messages.create({
        model: chatModel('ollama'),
        max_tokens: 9,
        messages: UNSAFE,
      }),
    );
    assert.ok(a instanceof Anthropic.PermissionDeniedError);
    const l = await rejection(
      new Ollama({ host: requests.gateway.url }).chat({ model: chatModel('openai'), messages: UNSAFE, stream: false }),
    );
    assert.equal(l.status_code, 403);
    const r = await rejection(openai.responses.create({ model: chatModel('vllm'), input: UNSAFE[0]!.content }));
    assert.equal(r.status, 403);
    assert.equal(requests.upstream.requests.length, 0);
    const metrics = await (await fetch(`${requests.gateway.url}/metrics`)).text();
    assert.match(metrics, /guardrail_incidents_total\{plugin="nask_guard",category="S1",direction="request"\} 5/);
    assert.match(metrics, /llm_router_sidecar_latency_seconds_count\{service="nask_guard",outcome="ok"\} [1-9]/);
  });

  it('lets safe requests through to the provider, streamed or not', async () => {
    const openai = openaiOf(requests.gateway.url);
    const res = await openai.chat.completions.create({ model: chatModel('vllm'), messages: SAFE });
    assert.equal(res.choices[0]!.message.content, REPLY_TEXT);
    let text = '';
    for await (const part of await new Ollama({ host: requests.gateway.url }).chat({
      model: chatModel('anthropic'),
      messages: SAFE,
      stream: true,
    }))
      text += part.message.content;
    assert.equal(text, REPLY_TEXT);
  });

  it('sends a guard only the texts people wrote: no model, key, option or the rest of the payload', async () => {
    await openaiOf(capturing.gateway.url).chat.completions.create(
      {
        model: chatModel('vllm'),
        messages: [{ role: 'system', content: 'Be brief.' }, ...SAFE],
        temperature: 0.3,
        user: 'user-7',
      },
      { headers: { authorization: 'Bearer sk-secret-key' } },
    );
    assert.deepEqual(guardBodies, [{ texts: ['Be brief.', SAFE[0]!.content, 'user-7'] }]);
  });
});

describe('sidecar guards on answers', () => {
  it('blocks an unsafe answer before the client sees it, in every dialect', async () => {
    const openai = openaiOf(answers.gateway.url);
    const ask = [{ role: 'user' as const, content: 'Say: a bomb' }];
    const o = await rejection(openai.chat.completions.create({ model: chatModel('vllm', 'echo'), messages: ask }));
    assert.equal(o.status, 403);
    assert.equal(o.code, 'content_blocked');
    assert.match(o.message, /answer was blocked by the guardrail 'http_guard' \(crime\)/);
    const a = await rejection(
      new Anthropic({ baseURL: answers.gateway.url, apiKey: 'k', maxRetries: 0 }).messages.create({
        model: chatModel('anthropic', 'echo'),
        max_tokens: 9,
        messages: ask,
      }),
    );
    assert.ok(a instanceof Anthropic.PermissionDeniedError);
    const l = await rejection(
      new Ollama({ host: answers.gateway.url }).chat({
        model: chatModel('ollama', 'echo'),
        messages: ask,
        stream: false,
      }),
    );
    assert.equal(l.status_code, 403);
    const r = await rejection(openai.responses.create({ model: chatModel('openai', 'echo'), input: 'Say: a bomb' }));
    assert.equal(r.status, 403);
    const metrics = await (await fetch(`${answers.gateway.url}/metrics`)).text();
    assert.match(metrics, /guardrail_incidents_total\{plugin="http_guard",category="crime",direction="response"\} 4/);
  });

  it('delivers safe answers whole, streamed or not', async () => {
    const openai = openaiOf(answers.gateway.url);
    const ask = [
      { role: 'user' as const, content: 'Say something kind about the weather in spring, please, at some length.' },
    ];
    const res = await openai.chat.completions.create({ model: chatModel('openai', 'echo'), messages: ask });
    assert.equal(res.choices[0]!.message.content, ECHO_PREFIX + ask[0]!.content);
    let streamed = '';
    for await (const c of await openai.chat.completions.create({
      model: chatModel('anthropic', 'echo'),
      messages: ask,
      stream: true,
    }))
      streamed += c.choices[0]?.delta.content ?? '';
    assert.equal(streamed, ECHO_PREFIX + ask[0]!.content);
  });

  it('cuts an unsafe stream with an in-band error, and the client never gets the flagged text', async () => {
    const full = ECHO_PREFIX + LONG_UNSAFE;
    const flaggedAt = full.indexOf('detonator');
    let received = '';
    const err = await rejection(async () => {
      for await (const c of await openaiOf(answers.gateway.url).chat.completions.create({
        model: chatModel('vllm', 'echo'),
        messages: [{ role: 'user', content: LONG_UNSAFE }],
        stream: true,
      }))
        received += c.choices[0]?.delta.content ?? '';
    });
    assert.match(String(err.message), /blocked by the guardrail 'http_guard'/);
    assert.ok(full.startsWith(received), 'what arrived is the start of the answer');
    assert.ok(received.length > 0, 'the safe windows before it were delivered');
    assert.ok(received.length <= flaggedAt, `nothing from the flagged word on (${received.length} ≤ ${flaggedAt})`);

    let anthropicText = '';
    const aerr = await rejection(async () => {
      const s = new Anthropic({ baseURL: answers.gateway.url, apiKey: 'k', maxRetries: 0 }).messages.stream({
        model: chatModel('ollama', 'echo'),
        max_tokens: 9,
        messages: [{ role: 'user', content: LONG_UNSAFE }],
      });
      s.on('text', (t) => (anthropicText += t));
      await s.finalMessage();
    });
    assert.match(String(aerr.message), /blocked/);
    assert.ok(!anthropicText.includes('detonator'));

    let ollamaText = '';
    const lerr = await rejection(async () => {
      for await (const part of await new Ollama({ host: answers.gateway.url }).chat({
        model: chatModel('openai', 'echo'),
        messages: [{ role: 'user', content: LONG_UNSAFE }],
        stream: true,
      }))
        ollamaText += part.message.content;
    });
    assert.match(String(lerr.message ?? lerr), /blocked/);
    assert.ok(!ollamaText.includes('detonator'));
  });

  it('with LLM_ROUTER_REJECTION_MODE=assistant_message, ends an unsafe stream with a refusal instead', async () => {
    let text = '';
    let finish: string | null | undefined;
    for await (const c of await openaiOf(refusals.gateway.url).chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: LONG_UNSAFE }],
      stream: true,
    })) {
      text += c.choices[0]?.delta.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    assert.match(text, /can't help.*http_guard/s);
    assert.ok(!text.includes('detonator'));
    assert.equal(finish, 'content_filter');
    const res = await openaiOf(refusals.gateway.url).chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: 'Say: bomb' }],
    });
    assert.match(res.choices[0]!.message.content ?? '', /can't help/);
  });
});
