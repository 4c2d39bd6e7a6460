import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { authCli, newKey } from '../support/auth-cli.js';
import { REPLY_TEXT, USAGE } from '../support/fake-replies.js';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { redisPrefix } from '../support/redis-prefix.js';
import { until } from '../support/until.js';

const ask = [{ role: 'user' as const, content: 'Hi' }];
const PER_REQUEST = USAGE.input + USAGE.output;
const today = () => new Date().toISOString().slice(0, 10);

// 1 unit per input token and 2 per output token: a request costs 11 + 14 = 25.
const priced = (url: string) => ({
  priced: {
    pricing: { input_per_million: 1_000_000, output_per_million: 2_000_000 },
    providers: [{ id: 'priced-p', api_host: url, api_type: 'openai', model_path: 'upstream-ok-openai' }],
  },
});

describe('usage, tokens per minute and budgets per key and team (file store, one gateway)', () => {
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  const store = {
    LLM_ROUTER_AUTH_MEMORY_SEED_FILE: join(mkdtempSync(join(tmpdir(), 'llm-router-usage-')), 'keys.json'),
  };
  const keys: Record<string, { key: string; id: string }> = {};
  const openai = (apiKey: string) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0 });
  const chat = (apiKey: string, model = chatModel('vllm')) =>
    openai(apiKey).chat.completions.create({ model, messages: ask });
  const admin = async (path: string, body?: unknown) => {
    const res = await fetch(`${gateway.url}/api/auth/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${keys['admin']!.key}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  before(async () => {
    await upstream.start();
    keys['metered'] = await newKey(store, '--name', 'metered', '--owner', 'research');
    keys['tpm'] = await newKey(store, '--name', 'tpm', '--tpm', String(2 * PER_REQUEST - 1));
    keys['daily'] = await newKey(store, '--name', 'daily', '--tokens-per-day', String(PER_REQUEST));
    keys['costly'] = await newKey(store, '--name', 'costly', '--cost-per-day', '30');
    keys['teamA'] = await newKey(store, '--name', 'a', '--owner', 'small-team');
    keys['teamB'] = await newKey(store, '--name', 'b', '--owner', 'small-team');
    keys['admin'] = await newKey(store, '--name', 'ops', '--policy', 'admin');
    await authCli(store, 'team', 'budget', 'small-team', '--tokens-per-day', String(PER_REQUEST));
    await gateway.start({
      ...store,
      LLM_ROUTER_AUTH_ENABLED: '1',
      LLM_ROUTER_USE_PROMETHEUS: '1',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url, priced(upstream.url))),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it('records every answer, streamed or not, from every SDK, per key, team and model; a stream the client asked no usage of shows none', async () => {
    const { key, id } = keys['metered']!;
    await chat(key);
    const stream = await openai(key).chat.completions.create({ model: chatModel('vllm'), messages: ask, stream: true });
    let text = '';
    for await (const chunk of stream) {
      assert.equal(chunk.usage ?? null, null, 'the client did not ask for usage');
      text += chunk.choices[0]?.delta.content ?? '';
    }
    assert.equal(text, REPLY_TEXT);
    const claude = new Anthropic({ baseURL: gateway.url, apiKey: key, maxRetries: 0 });
    const events = await claude.messages.create({
      model: chatModel('anthropic'),
      max_tokens: 20,
      messages: ask,
      stream: true,
    });
    for await (const _ of events);
    await new Ollama({ host: gateway.url, headers: { authorization: `Bearer ${key}` } }).chat({
      model: chatModel('ollama'),
      messages: ask,
    });
    const usage = await admin('usage', { key_id: id });
    assert.equal(usage.status, 200, JSON.stringify(usage.body));
    assert.equal(usage.body.requests, 4);
    assert.equal(usage.body.period, today());
    assert.equal(usage.body.models[chatModel('vllm')].requests, 2);
    assert.equal(usage.body.models[chatModel('vllm')].input_tokens, 2 * USAGE.input);
    assert.equal(usage.body.models[chatModel('vllm')].output_tokens, 2 * USAGE.output);
    assert.equal(usage.body.models[chatModel('ollama')].requests, 1);
    assert.ok(usage.body.models[chatModel('anthropic')].output_tokens > 0);
    const team = await admin('usage', { team: 'research', period: today().slice(0, 7) });
    assert.equal(team.body.requests, 4);
    const all = await admin('usage');
    const row = all.body.keys.find((k: { key_id: string }) => k.key_id === id);
    assert.equal(row.day.requests, 4);
    assert.equal(row.month.requests, 4);
  });

  it('tokens per minute: x-ratelimit-*-tokens on answers, then a 429 object in the caller dialect with Retry-After', async () => {
    const { key } = keys['tpm']!;
    const first = await openai(key)
      .chat.completions.create({ model: chatModel('vllm'), messages: ask })
      .withResponse();
    assert.equal(first.response.headers.get('x-ratelimit-limit-tokens'), String(2 * PER_REQUEST - 1));
    assert.equal(first.response.headers.get('x-ratelimit-remaining-tokens'), String(2 * PER_REQUEST - 1));
    const second = await openai(key)
      .chat.completions.create({ model: chatModel('vllm'), messages: ask })
      .withResponse();
    assert.equal(second.response.headers.get('x-ratelimit-remaining-tokens'), String(PER_REQUEST - 1));
    const err = await chat(key).catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.RateLimitError, String(err));
    assert.equal(err.code, 'rate_limited');
    assert.match(err.message, /tokens per minute/);
    const retry = Number(err.headers?.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 70, String(retry));
    const a = await new Anthropic({ baseURL: gateway.url, apiKey: key, maxRetries: 0 }).messages
      .create({ model: chatModel('vllm'), max_tokens: 9, messages: ask })
      .catch((e: unknown) => e);
    assert.ok(a instanceof Anthropic.RateLimitError, String(a));
    assert.equal((a.error as any).type, 'error');
  });

  it('a token budget used up mid-stream: the stream finishes, the next request is refused naming the budget', async () => {
    const { key } = keys['daily']!;
    const resume = upstream.pauseStreams();
    const before = upstream.pausedStreams;
    const streaming = (async () => {
      const stream = await openai(key).chat.completions.create({
        model: chatModel('vllm'),
        messages: ask,
        stream: true,
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    })();
    await until('the stream to be under way', () => upstream.pausedStreams > before);
    // Admitted while the budget was not yet used: this answer uses it up.
    await chat(key);
    resume();
    assert.equal(await streaming, REPLY_TEXT);
    const err = await chat(key).catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.RateLimitError, String(err));
    assert.equal(err.code, 'budget_exceeded');
    assert.match(err.message, /key's tokens per day \(18, used 36\)/);
    assert.equal(err.headers?.get('x-should-retry'), 'false');
    const midnight = new Date(`${today()}T00:00:00Z`).getTime() + 86_400_000;
    const retry = Number(err.headers?.get('retry-after'));
    assert.ok(Math.abs(Date.now() + retry * 1000 - midnight) < 120_000, `retry-after ${retry}`);
    const o = await new Ollama({ host: gateway.url, headers: { authorization: `Bearer ${key}` } })
      .chat({ model: chatModel('vllm'), messages: ask })
      .catch((e: unknown) => e as { status_code?: number; error?: string });
    assert.equal((o as { status_code?: number }).status_code, 429);
    assert.match(String((o as { error?: string }).error), /Budget used up/);
  });

  it('a team budget is shared by its keys; another team is not affected', async () => {
    await chat(keys['teamA']!.key);
    const err = await chat(keys['teamB']!.key).catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.RateLimitError, String(err));
    assert.equal(err.code, 'budget_exceeded');
    assert.match(err.message, /team 'small-team''s tokens per day/);
    await chat(keys['metered']!.key);
  });

  it('costs from the models pricing: a cost budget per day, the cost in usage and in /metrics', async () => {
    const { key, id } = keys['costly']!;
    await chat(key, 'priced');
    await chat(key, 'priced');
    const err = await chat(key, 'priced').catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.RateLimitError, String(err));
    assert.match(err.message, /cost per day \(30, used 50\)/);
    const usage = await admin('usage', { key_id: id });
    assert.equal(usage.body.cost, 50);
    assert.equal(usage.body.models.priced.cost, 50);
    const metrics = await (
      await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${keys['admin']!.key}` } })
    ).text();
    assert.match(metrics, new RegExp(`llm_router_key_cost_total\\{key_id="${id}",model_name="priced"\\} 50`));
  });

  it('usage questions are checked: a period that is not a day or month, neither or both of key_id and team', async () => {
    for (const [body, param] of [
      [{ key_id: 'k', period: '2026-13' }, 'period'],
      [{}, 'key_id'],
      [{ key_id: 'k', team: 't' }, 'team'],
    ] as const) {
      const res = await admin('usage', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.param, param);
    }
  });
});

describe('usage and tokens per minute on Redis, shared by two gateways', () => {
  const upstream = new FakeUpstream();
  const gateways = [new GatewayProcess(), new GatewayProcess()];
  const redis = redisPrefix();
  const env = { ...redis.env, LLM_ROUTER_AUTH_KEY_STORE: 'redis' };
  let key = '';
  let id = '';
  before(async () => {
    await upstream.start();
    ({ key, id } = await newKey(env, '--name', 'shared', '--tpm', String(3 * PER_REQUEST - 1)));
    const config = GatewayProcess.writeConfig(fakeModelsConfig(upstream.url));
    for (const g of gateways)
      await g.start({
        ...env,
        LLM_ROUTER_AUTH_ENABLED: '1',
        LLM_ROUTER_MODELS_CONFIG: config,
        LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
      });
  });
  after(async () => {
    for (const g of gateways) await g.stop();
    await upstream.stop();
    await redis.clean();
  });

  it('tokens counted on one gateway limit the key on the other; the CLI reads the same usage', async () => {
    const on = (g: GatewayProcess) =>
      new OpenAI({ baseURL: `${g.url}/v1`, apiKey: key, maxRetries: 0 }).chat.completions.create({
        model: chatModel('vllm'),
        messages: ask,
      });
    await on(gateways[0]!);
    await on(gateways[1]!);
    await on(gateways[0]!);
    const report = async () => JSON.parse((await authCli(env, 'usage', 'key', id)).join('\n'));
    await until('the three answers to be counted in Redis', async () => (await report()).requests === 3);
    const usage = await report();
    assert.equal(usage.input_tokens, 3 * USAGE.input);
    assert.equal(usage.output_tokens, 3 * USAGE.output);
    for (const g of gateways) {
      const err = await on(g).catch((e: unknown) => e);
      assert.ok(err instanceof OpenAI.RateLimitError, String(err));
      assert.match(err.message, /tokens per minute/);
    }
  });
});
