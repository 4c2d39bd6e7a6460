import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { authCli, newKey } from '../support/auth-cli.js';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { redisPrefix } from '../support/redis-prefix.js';
import { until } from '../support/until.js';

const ask = [{ role: 'user' as const, content: 'Hi' }];

describe('API keys, policies and limits (LLM_ROUTER_AUTH_ENABLED, file store)', () => {
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  const store = {
    LLM_ROUTER_AUTH_MEMORY_SEED_FILE: join(mkdtempSync(join(tmpdir(), 'llm-router-auth-')), 'keys.json'),
  };
  const keys: Record<string, { key: string; id: string }> = {};
  const openai = (apiKey: string) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0 });
  const chat = (apiKey: string, model = chatModel('vllm')) =>
    openai(apiKey).chat.completions.create({ model, messages: ask });

  before(async () => {
    await upstream.start();
    await authCli(
      store,
      'policy',
      'create',
      'narrow',
      JSON.stringify({ endpoints: ['openai'], models: ['ok-vllm', 'ok-open*'] }),
    );
    keys['plain'] = await newKey(store, '--name', 'plain');
    keys['narrow'] = await newKey(store, '--name', 'narrow', '--policy', 'narrow');
    keys['limited'] = await newKey(store, '--name', 'limited', '--rpm', '3');
    keys['single'] = await newKey(store, '--name', 'single', '--concurrency', '1');
    keys['admin'] = await newKey(store, '--name', 'ops', '--policy', 'admin');
    keys['doomed'] = await newKey(store, '--name', 'doomed');
    keys['old'] = await newKey(store, '--name', 'old');
    await gateway.start({
      ...store,
      LLM_ROUTER_AUTH_ENABLED: '1',
      // The waits below poll with refused keys; the per-address limit has a test of its own.
      LLM_ROUTER_AUTH_FAILURES_PER_MINUTE: '100000',
      LLM_ROUTER_USE_PROMETHEUS: '1',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it('stores only hashes: no key is in the store file', () => {
    const file = readFileSync(store.LLM_ROUTER_AUTH_MEMORY_SEED_FILE, 'utf8');
    for (const { key, id } of Object.values(keys)) {
      assert.match(key, /^sk-litm-[A-Za-z0-9]{48}$/);
      assert.ok(!file.includes(key));
      assert.ok(file.includes(id));
    }
  });

  it('without a key: 401 missing_key in every dialect; ping and version stay public; /metrics needs an admin key', async () => {
    const err = await chat('').catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.AuthenticationError, String(err));
    assert.equal(err.code, 'missing_key');
    const a = await new Anthropic({ baseURL: gateway.url, apiKey: 'x', maxRetries: 0 }).messages
      .create({ model: chatModel('vllm'), max_tokens: 9, messages: ask })
      .catch((e: unknown) => e);
    assert.ok(a instanceof Anthropic.AuthenticationError, String(a));
    const o = await new Ollama({ host: gateway.url })
      .chat({ model: chatModel('vllm'), messages: ask })
      .catch((e: unknown) => e);
    assert.equal((o as { status_code?: number }).status_code, 401);
    assert.equal((await fetch(`${gateway.url}/api/ping`)).status, 200);
    assert.equal((await fetch(`${gateway.url}/api/version`)).status, 200);
    const metrics = (k: string) => fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${k}` } });
    assert.equal((await metrics(keys['plain']!.key)).status, 403);
    assert.equal((await metrics(keys['admin']!.key)).status, 200);
  });

  it('a valid key works from every SDK, in its own header; a wrong one is 401 invalid_key and is never logged', async () => {
    assert.ok((await chat(keys['plain']!.key)).choices.length);
    const msg = await new Anthropic({
      baseURL: gateway.url,
      apiKey: keys['plain']!.key,
      maxRetries: 0,
    }).messages.create({
      model: chatModel('ollama'),
      max_tokens: 9,
      messages: ask,
    });
    assert.equal(msg.type, 'message');
    const o = await new Ollama({ host: gateway.url, headers: { authorization: `Bearer ${keys['plain']!.key}` } }).chat({
      model: chatModel('vllm'),
      messages: ask,
    });
    assert.ok(o.message.content);
    const wrong = `sk-litm-${'A'.repeat(48)}`;
    const err = await chat(wrong).catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.AuthenticationError && err.code === 'invalid_key', String(err));
    const inQuery = await fetch(`${gateway.url}/v1/models?api_key=${keys['plain']!.key}`);
    assert.equal(inQuery.status, 400);
    assert.equal(((await inQuery.json()) as any).error.code, 'key_in_query');
    for (const { key } of Object.values(keys)) assert.ok(!gateway.output.includes(key), 'a key reached the log');
    assert.ok(!gateway.output.includes(wrong));
  });

  it('a policy limits endpoints (403) and models (404, and left out of the model list)', async () => {
    const narrow = keys['narrow']!.key;
    assert.ok((await chat(narrow, chatModel('openai'))).choices.length, 'a glob allows ok-openai');
    const denied = await chat(narrow, chatModel('anthropic')).catch((e: unknown) => e);
    assert.ok(denied instanceof OpenAI.NotFoundError && denied.code === 'model_not_found', String(denied));
    const listed = (await openai(narrow).models.list()).data.map((m) => m.id).sort();
    assert.deepEqual(listed, [chatModel('openai'), chatModel('vllm')]);
    const endpoint = await new Anthropic({ baseURL: gateway.url, apiKey: narrow, maxRetries: 0 }).messages
      .create({ model: chatModel('vllm'), max_tokens: 9, messages: ask })
      .catch((e: unknown) => e);
    assert.ok(endpoint instanceof Anthropic.PermissionDeniedError, String(endpoint));
    assert.match(endpoint.message, /denied by policy/);
  });

  it('requests per minute per key: x-ratelimit headers, then a 429 with Retry-After; other keys are not affected', async () => {
    const limited = keys['limited']!.key;
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await openai(limited)
        .chat.completions.create({ model: chatModel('vllm'), messages: ask })
        .withResponse();
      remaining.push(response.headers.get('x-ratelimit-remaining-requests') ?? '');
      assert.equal(response.headers.get('x-ratelimit-limit-requests'), '3');
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    const err = await chat(limited).catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.RateLimitError, String(err));
    assert.equal(err.code, 'rate_limited');
    assert.ok(Number(err.headers?.get('retry-after')) >= 1);
    assert.ok((await chat(keys['plain']!.key)).choices.length, 'a key of its own, a limit of its own');
  });

  it('counts requests and tokens per key id in /metrics, never the key', async () => {
    await chat(keys['admin']!.key);
    const text = await (
      await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${keys['admin']!.key}` } })
    ).text();
    assert.match(
      text,
      new RegExp(`llm_router_key_requests_total\\{key_id="${keys['plain']!.id}",http_status="200"\\} [1-9]`),
    );
    assert.match(
      text,
      new RegExp(
        `llm_router_key_tokens_total\\{key_id="${keys['admin']!.id}",model_name="${chatModel('vllm')}",direction="input"\\} [1-9]`,
      ),
    );
    for (const { key } of Object.values(keys)) assert.ok(!text.includes(key));
  });

  it('the admin API takes an admin key: others get 403', async () => {
    const reload = (k: string) =>
      fetch(`${gateway.url}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${k}` } });
    assert.equal((await reload(keys['plain']!.key)).status, 403);
    const ok = await reload(keys['admin']!.key);
    assert.equal(ok.status, 200, await ok.clone().text());
  });

  it('requests at once per key', async () => {
    const single = keys['single']!.key;
    const release = upstream.hold();
    try {
      const first = chat(single);
      await until('the first request to be at the backend', () => upstream.active > 0);
      const second = await chat(single).catch((e: unknown) => e);
      assert.ok(second instanceof OpenAI.RateLimitError, String(second));
      release();
      assert.ok((await first).choices.length);
      assert.ok((await chat(single)).choices.length, 'the slot is free again');
    } finally {
      release();
    }
  });

  it('disable, enable, rotate with a grace time, and expiry take effect without a restart', async () => {
    const doomed = keys['doomed']!;
    await authCli(store, 'key', 'disable', doomed.id);
    await until('the disabled key to be refused', () =>
      chat(doomed.key).then(
        () => false,
        (e: { code?: string }) => e.code === 'key_inactive',
      ),
    );
    await authCli(store, 'key', 'enable', doomed.id);
    await until('the key to work again', () =>
      chat(doomed.key).then(
        () => true,
        () => false,
      ),
    );

    const old = keys['old']!;
    const graced = (await authCli(store, 'key', 'rotate', '--grace', '3600', old.id)).at(-1)!;
    assert.ok((await chat(old.key)).choices.length, 'the old key works during its grace');
    assert.ok((await chat(graced)).choices.length, 'and so does the new one');
    const graceless = await authCli(store, 'key', 'list');
    const successor = graceless.find((l) => l.includes('\told\t') && l.includes('\tactive'))!.split('\t')[0]!;
    const newest = (await authCli(store, 'key', 'rotate', '--grace', '0', successor)).at(-1)!;
    await until('the rotated key to be refused', () =>
      chat(graced).then(
        () => false,
        (e: { code?: string }) => e.code === 'key_rotated',
      ),
    );
    assert.ok((await chat(newest)).choices.length);

    // The clock moved past an expiry: the record says it expired a moment ago.
    const path = store.LLM_ROUTER_AUTH_MEMORY_SEED_FILE;
    const file = JSON.parse(readFileSync(path, 'utf8'));
    for (const k of file.keys) if (k.id === keys['plain']!.id) k.expires_at = Date.now() - 1000;
    writeFileSync(path, JSON.stringify(file));
    await until('the expired key to be refused', () =>
      chat(keys['plain']!.key).then(
        () => false,
        (e: { code?: string }) => e.code === 'key_expired',
      ),
    );
  });
});

describe('failed authentication from one address', () => {
  it('is limited per minute: past the limit the answer is 429', async () => {
    const store = {
      LLM_ROUTER_AUTH_MEMORY_SEED_FILE: join(mkdtempSync(join(tmpdir(), 'llm-router-auth-')), 'keys.json'),
    };
    const { key } = await newKey(store, '--name', 'n');
    const gateway = await new GatewayProcess().start({
      ...store,
      LLM_ROUTER_AUTH_ENABLED: '1',
      LLM_ROUTER_AUTH_FAILURES_PER_MINUTE: '3',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig('http://127.0.0.1:9')),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
    try {
      const models = (k: string) => fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${k}` } });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await models('sk-litm-guess')).status);
      assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
      assert.equal((await models(key)).status, 200, 'a right key still works');
    } finally {
      await gateway.stop();
    }
  });
});

describe('a store of 10,000 keys', () => {
  it('finds the first and the last key (one lookup by keyed hash, no scan)', async () => {
    const { keyHash, generateKey, newSalt } = await import('../../core/auth/api-keys.js');
    const salt = newSalt();
    const plain = Array.from({ length: 10_000 }, () => generateKey());
    const path = join(mkdtempSync(join(tmpdir(), 'llm-router-auth-')), 'keys.json');
    const record = (key: string, i: number) => ({
      id: `key_${i}`,
      hash: keyHash(salt, key),
      name: `k${i}`,
      owner: '',
      policy: 'default',
      active: true,
      created_at: Date.now(),
      expires_at: null,
      rotated_to: null,
      grace_until: null,
    });
    writeFileSync(path, JSON.stringify({ salt, keys: plain.map(record), policies: {} }));
    const gateway = await new GatewayProcess().start({
      LLM_ROUTER_AUTH_MEMORY_SEED_FILE: path,
      LLM_ROUTER_AUTH_ENABLED: '1',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig('http://127.0.0.1:9')),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
    try {
      for (const k of [plain[0]!, plain[9_999]!, plain[5_000]!]) {
        const res = await fetch(`${gateway.url}/v1/models`, { headers: { 'x-api-key': k } });
        assert.equal(res.status, 200);
      }
    } finally {
      await gateway.stop();
    }
  });
});

describe('keys and limits on Redis, shared by two gateways', () => {
  const upstream = new FakeUpstream();
  const gateways = [new GatewayProcess(), new GatewayProcess()];
  const redis = redisPrefix();
  const env = { ...redis.env, LLM_ROUTER_AUTH_KEY_STORE: 'redis' };
  let key = '';
  let id = '';
  before(async () => {
    await upstream.start();
    ({ key, id } = await newKey(env, '--name', 'shared', '--rpm', '5'));
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

  it('a key made by the CLI works on both; its limit is one limit: exactly 5 of 12 concurrent requests pass', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new OpenAI({ baseURL: `${gateways[i % 2]!.url}/v1`, apiKey: key, maxRetries: 0 }).chat.completions
          .create({ model: chatModel('vllm'), messages: ask })
          .then(
            () => 'ok',
            (e: { status?: number }) => String(e.status),
          ),
      ),
    );
    assert.equal(outcomes.filter((o) => o === 'ok').length, 5, outcomes.join(','));
    assert.equal(outcomes.filter((o) => o === '429').length, 7, outcomes.join(','));
    await authCli(env, 'key', 'disable', id);
    await until('both gateways to refuse the disabled key', async () => {
      const codes = await Promise.all(
        gateways.map((g) =>
          fetch(`${g.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } }).then(
            async (r) => ((await r.json()) as any).error?.code,
          ),
        ),
      );
      return codes.every((c) => c === 'key_inactive');
    });
  });
});
