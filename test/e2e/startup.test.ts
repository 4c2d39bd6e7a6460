import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess, runExpectingFailure } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { until } from '../support/until.js';

const okConfig = () => GatewayProcess.writeConfig(fakeModelsConfig('http://127.0.0.1:9'));

describe('start-up checks', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a port that is not a number', { LLM_ROUTER_SERVER_PORT: 'abc' }, /LLM_ROUTER_SERVER_PORT.*whole number/],
    ['an unknown strategy', { LLM_ROUTER_BALANCE_STRATEGY: 'psychic' }, /LLM_ROUTER_BALANCE_STRATEGY.*balanced/],
    ['a boolean that is not one', { LLM_ROUTER_USE_PROMETHEUS: 'maybe' }, /LLM_ROUTER_USE_PROMETHEUS.*tak/],
    ['an unknown language', { LLM_ROUTER_DEFAULT_EP_LANGUAGE: 'de' }, /LLM_ROUTER_DEFAULT_EP_LANGUAGE.*pl, en/],
    [
      'forced masking without a pipeline',
      { LLM_ROUTER_FORCE_MASKING: '1' },
      /LLM_ROUTER_FORCE_MASKING.*LLM_ROUTER_MASKING_STRATEGY_PIPELINE/,
    ],
    [
      'an unknown masker',
      { LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker,nope' },
      /LLM_ROUTER_MASKING_STRATEGY_PIPELINE: unknown masker plugin "nope" \(available: fast_masker, pii_masker\)/,
    ],
    [
      'an unknown guardrail',
      { LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: '1', LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: 'llama_guard' },
      /unknown guardrail plugin "llama_guard"/,
    ],
    [
      'a sidecar guard without its host',
      {
        LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: '1',
        LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: 'injection_guard,sojka_guard',
      },
      /the sojka_guard plugin needs LLM_ROUTER_GUARDRAIL_SOJKA_GUARD_HOST/,
    ],
    [
      'a PII masker host that is not a URL',
      { LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'pii_masker', LLM_ROUTER_MASKER_PII_HOST: 'pii:5000:x' },
      /invalid LLM_ROUTER_MASKER_PII_HOST="pii:5000:x"/,
    ],
    [
      'http_guard without guard names',
      {
        LLM_ROUTER_FORCE_GUARDRAIL_RESPONSE: '1',
        LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE: 'http_guard',
        LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST: 'http://127.0.0.1:5000',
      },
      /http_guard plugin needs LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES/,
    ],
    [
      'a guardrail audit without guardrails',
      { LLM_ROUTER_GUARDRAIL_WITH_AUDIT_RESPONSE: '1' },
      /LLM_ROUTER_GUARDRAIL_WITH_AUDIT_RESPONSE needs LLM_ROUTER_FORCE_GUARDRAIL_RESPONSE/,
    ],
    [
      'an unknown utils plugin',
      { LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'langchain_rag,simple_router' },
      /LLM_ROUTER_UTILS_PLUGINS_PIPELINE: unknown utils plugin "simple_router" \(available: langchain_rag, semantic_biencoder_routing, simple_semantic_routing\)/,
    ],
    [
      'first_available across workers without Redis',
      { LLM_ROUTER_BALANCE_STRATEGY: 'first_available', LLM_ROUTER_SERVER_WORKERS_COUNT: '2' },
      /needs LLM_ROUTER_REDIS_HOST/,
    ],
    [
      'an unreachable Redis',
      { LLM_ROUTER_REDIS_HOST: '127.0.0.1', LLM_ROUTER_REDIS_PORT: '9' },
      /cannot reach Redis at 127\.0\.0\.1:9/,
    ],
    [
      'a missing prompt',
      { LLM_ROUTER_PROMPTS_DIR: '/nonexistent/prompts' },
      /the prompt pl\/chat-conversation-simple is missing: expected \/nonexistent\/prompts\/pl\/chat-conversation-simple\.prompt/,
    ],
    [
      'a timeout too long for a timer (it would wrap to 1 ms)',
      { LLM_ROUTER_TIMEOUT: '3000000' },
      /invalid LLM_ROUTER_TIMEOUT="3000000": expected seconds from 0 to 2147483/,
    ],
    [
      'a monitor interval too long for a timer',
      { LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '3000000' },
      /invalid LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS/,
    ],
    [
      'a server host that does not resolve',
      { LLM_ROUTER_SERVER_HOST: 'no-such-host.invalid' },
      /cannot listen on no-such-host\.invalid:0 \(LLM_ROUTER_SERVER_HOST\/PORT\): getaddrinfo/,
    ],
    [
      'a models config with no active model',
      { LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig({ g: {}, active_models: { g: [] } }) },
      /active_models: lists no model/,
    ],
    [
      'a missing models config',
      { LLM_ROUTER_MODELS_CONFIG: '/nonexistent/models.json' },
      /models config \/nonexistent\/models\.json/,
    ],
  ];
  for (const [what, env, expected] of cases) {
    it(`stops with one clear line on ${what}`, async () => {
      const { code, output } = await runExpectingFailure({ LLM_ROUTER_MODELS_CONFIG: okConfig(), ...env });
      assert.equal(code, 1);
      assert.match(output, expected);
      assert.equal(output.trim().split('\n').length, 1, output);
    });
  }

  it('names the file, the model and the field of a bad provider', async () => {
    const config = {
      g: { m1: { providers: [{ id: 'p', api_host: 'http://127.0.0.1:1', api_type: 'telepathy' }] } },
      active_models: { g: ['m1'] },
    };
    const path = GatewayProcess.writeConfig(config);
    const { code, output } = await runExpectingFailure({ LLM_ROUTER_MODELS_CONFIG: path });
    assert.equal(code, 1);
    assert.ok(output.includes(path));
    assert.match(output, /model "m1".*providers\.0\.api_type/);
  });

  it('refuses duplicate provider ids', async () => {
    const p = { id: 'same', api_host: 'http://127.0.0.1:1', api_type: 'vllm' };
    const path = GatewayProcess.writeConfig({
      g: { a: { providers: [p] }, b: { providers: [p] } },
      active_models: { g: ['a', 'b'] },
    });
    const { code, output } = await runExpectingFailure({ LLM_ROUTER_MODELS_CONFIG: path });
    assert.equal(code, 1);
    assert.match(output, /duplicate provider id "same"/);
  });

  it('accepts the reference boolean spellings, Polish "tak" included', async () => {
    const gw = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: okConfig(),
      LLM_ROUTER_USE_PROMETHEUS: 'tak',
    });
    try {
      assert.equal((await fetch(`${gw.url}/metrics`)).status, 200);
    } finally {
      await gw.stop();
    }
  });
});

describe('logs', () => {
  it('writes JSON lines carrying the request id, and keeps the cause of a 502 for the operator only', async () => {
    const upstream = await new FakeUpstream().start();
    const gw = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
      LLM_ROUTER_LOG_JSON: '1',
      LLM_ROUTER_LOG_LEVEL: 'debug',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
    try {
      const body = JSON.stringify({ model: 'unreachable', messages: [{ role: 'user', content: 'Hi' }] });
      const res = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42' },
        body,
      });
      assert.ok(!(await res.text()).includes('ECONNREFUSED'));
      await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-43' },
        body: JSON.stringify({ model: chatModel('vllm'), messages: [{ role: 'user', content: 'Hi' }] }),
      });
      const parsed = () =>
        gw.output
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, string>);
      // The access line is written when the response closes, which may be after the client has read it.
      const lines = await until('the access lines of both requests', () => {
        const all = parsed();
        return (
          ['trace-42', 'trace-43'].every((id) =>
            all.some((l) => l['request_id'] === id && /ms$/.test(l['message'] ?? '')),
          ) && all
        );
      });
      const failure = lines.filter((l) => l['request_id'] === 'trace-42');
      assert.ok(
        failure.some((l) => l['level'] === 'error' && /ECONNREFUSED/.test(l['cause'] ?? '')),
        JSON.stringify(failure),
      );
      assert.ok(
        failure.some((l) => / 502 /.test(l['message'] ?? '')),
        'access line',
      );
      assert.equal(upstream.last().headers['x-request-id'], 'trace-43', 'the provider sees the request id too');
    } finally {
      await gw.stop();
      await upstream.stop();
    }
  });
});

describe('the endpoint prefix', () => {
  for (const [prefix, chatPath, tagsPath] of [
    ['', '/chat', '/tags'],
    ['router', '/router/chat', '/router/tags'],
  ] as const) {
    it(`works with LLM_ROUTER_EP_PREFIX=${JSON.stringify(prefix)}`, async () => {
      const upstream = await new FakeUpstream().start();
      const gw = await new GatewayProcess().start({
        LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
        LLM_ROUTER_EP_PREFIX: prefix,
      });
      try {
        const body = JSON.stringify({ model: chatModel('vllm'), messages: [{ role: 'user', content: 'Hi' }] });
        const post = (path: string) =>
          fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        assert.equal((await post('/chat/completions')).status, 200);
        assert.equal((await post('/v1/chat/completions')).status, 200);
        assert.equal((await post(chatPath)).status, 200);
        assert.equal((await fetch(`${gw.url}${tagsPath}`)).status, 200);
      } finally {
        await gw.stop();
        await upstream.stop();
      }
    });
  }
});

describe('a first request when no backend is running', () => {
  it('is one 503 naming the provider and what its probe met, not retried by the SDK; start-up said it once', async () => {
    const config = GatewayProcess.writeConfig({
      local: {
        'llama3.2:3b': { providers: [{ id: 'ollama-local', api_host: 'http://127.0.0.1:9', api_type: 'ollama' }] },
      },
      active_models: { local: ['llama3.2:3b'] },
    });
    const gw = await new GatewayProcess().start({ LLM_ROUTER_MODELS_CONFIG: config });
    try {
      await until('the first probe', () => /provider ollama-local is down/.test(gw.output));
      assert.match(gw.output, /WARN provider ollama-local is down: it refused the connection/);
      let calls = 0;
      const client = new OpenAI({
        baseURL: `${gw.url}/v1`,
        apiKey: 'k',
        fetch: (url: string | URL | Request, init?: RequestInit) => {
          calls++;
          return fetch(url, init);
        },
      });
      const err = await client.chat.completions
        .create({ model: 'llama3.2:3b', messages: [{ role: 'user', content: 'Hi' }] })
        .catch((e: unknown) => e);
      assert.ok(err instanceof OpenAI.APIError && err.status === 503, String(err));
      assert.match(err.message, /ollama-local is down \(its health probe refused the connection/);
      assert.ok(!err.message.includes('127.0.0.1'), 'no address reaches the client');
      assert.equal(calls, 1, 'the SDK was told not to retry');
      assert.equal(gw.output.match(/provider ollama-local is down/g)?.length, 1);
    } finally {
      await gw.stop();
    }
  });
});
