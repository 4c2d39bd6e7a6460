import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chat, load, poolConfig } from '../support/load.js';

describe('a provider dies under load and comes back', () => {
  const upstreams = [new FakeUpstream(), new FakeUpstream(), new FakeUpstream()];
  const gateway = new GatewayProcess();
  let deadPort = 0;

  before(async () => {
    await Promise.all(upstreams.map((u) => u.start()));
    for (const u of upstreams) u.delayMs = 10;
    deadPort = upstreams[1]!.port;
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(
        poolConfig(
          'm',
          upstreams.map((u) => u.url),
        ),
      ),
      LLM_ROUTER_CIRCUIT_BREAKER_FAILURES: '2',
      LLM_ROUTER_CIRCUIT_BREAKER_COOLDOWN_SECONDS: '1',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '2',
      LLM_ROUTER_USE_PROMETHEUS: '1',
    });
  });
  after(async () => {
    await gateway.stop();
    await Promise.all(upstreams.map((u) => u.stop()));
  });

  it('answers every request, opens the breaker, and sends traffic to the provider again once it is back', async () => {
    const warm = await load(30, 6, () => chat(gateway.url, 'm'));
    assert.deepEqual([...new Set(warm.map((r) => r.status))], [200]);
    assert.ok(warm.every((r) => /^p[123]$/.test(r.headers.get('x-llm-router-provider') ?? '')));

    await upstreams[1]!.stop();
    const during = await load(60, 6, () => chat(gateway.url, 'm'));
    assert.deepEqual([...new Set(during.map((r) => r.status))], [200], 'no client saw the failure');
    const fellBack = during.filter((r) => r.headers.get('x-llm-router-fallback') === 'true');
    assert.ok(fellBack.length >= 1, 'some requests were retried on another provider');
    assert.ok(fellBack.every((r) => r.headers.get('x-llm-router-provider') !== 'p2'));
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    assert.match(metrics, /llm_router_circuit_open\{provider="p2"\} 1/);
    assert.match(metrics, /llm_router_retry_total\{model_name="m",error_code="upstream_unreachable"\} [1-9]/);

    const revived = new FakeUpstream();
    await revived.start(deadPort);
    upstreams[1] = revived;
    await sleep(2500);
    const after = await load(30, 6, () => chat(gateway.url, 'm'));
    assert.deepEqual([...new Set(after.map((r) => r.status))], [200]);
    assert.ok(revived.requests.length > 0, 'the provider rejoined');
  });
});

describe('a provider that answers 429', () => {
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  before(async () => {
    await upstream.start();
    const providers = [
      { id: 'limited', api_host: upstream.url, api_type: 'openai', model_path: 'upstream-ratelimit' },
      { id: 'spare', api_host: upstream.url, api_type: 'openai', model_path: 'upstream-ok' },
    ];
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig({ g: { m: { providers } }, active_models: { g: ['m'] } }),
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it('is rested for its Retry-After while the request goes to another provider', async () => {
    const first = await chat(gateway.url, 'm');
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-llm-router-provider'), 'spare');
    assert.equal(first.headers.get('x-llm-router-fallback'), 'true');
    const sentToLimited = () => upstream.requests.filter((r) => r.body['model'] === 'upstream-ratelimit').length;
    assert.equal(sentToLimited(), 1);
    const second = await chat(gateway.url, 'm');
    assert.equal(second.headers.get('x-llm-router-fallback'), 'false', 'the rested provider was not even tried');
    assert.equal(sentToLimited(), 1);
    await sleep(2100);
    await chat(gateway.url, 'm');
    assert.equal(sentToLimited(), 2, 'tried again after its Retry-After');
  });
});

describe('when no provider can take a request', () => {
  const busy = new FakeUpstream();
  const dead = new GatewayProcess();
  const exclusive = new GatewayProcess();

  before(async () => {
    await busy.start();
    busy.delayMs = 1500;
    await dead.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(
        poolConfig('m', ['http://127.0.0.1:9', 'http://127.0.0.1:7']),
      ),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0.2',
    });
    await exclusive.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig('m', [busy.url])),
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
      LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '0.5',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
  });
  after(async () => {
    await dead.stop();
    await exclusive.stop();
    await busy.stop();
  });

  it('answers 503 with Retry-After at once when no provider is healthy', async () => {
    await sleep(600);
    const res = await chat(dead.url, 'm');
    assert.equal(res.status, 503);
    assert.equal((res.body['error'] as { code: string }).code, 'no_provider_available');
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.ok(res.ms < 500, `${res.ms} ms`);
  });

  it('answers 503 with Retry-After when every provider stays busy past the wait timeout', async () => {
    const first = chat(exclusive.url, 'm');
    await sleep(100);
    const second = await chat(exclusive.url, 'm');
    assert.equal(second.status, 503);
    assert.ok(second.headers.get('retry-after'));
    assert.ok(second.ms >= 450 && second.ms < 1400, `${second.ms} ms`);
    assert.equal((await first).status, 200);
  });
});

describe('dynamic_weighted', () => {
  const fast = new FakeUpstream();
  const slow = new FakeUpstream();
  const gateway = new GatewayProcess();
  before(async () => {
    await Promise.all([fast.start(), slow.start()]);
    slow.delayMs = 60;
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig('m', [fast.url, slow.url])),
      LLM_ROUTER_BALANCE_STRATEGY: 'dynamic_weighted',
      LLM_ROUTER_USE_PROMETHEUS: '1',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
  });
  after(async () => {
    await gateway.stop();
    await Promise.all([fast.stop(), slow.stop()]);
  });

  it('publishes weights in /metrics that favour the faster provider, and sends it more', async () => {
    await load(60, 2, () => chat(gateway.url, 'm'));
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const weight = (id: string) =>
      Number(new RegExp(`llm_router_provider_dynamic_weight\\{provider="${id}"\\} ([\\d.e-]+)`).exec(metrics)?.[1]);
    assert.ok(weight('p1') > 2 * weight('p2'), `p1 ${weight('p1')} vs p2 ${weight('p2')}`);
    assert.ok(weight('p2') >= 0.05, 'the slow provider stays in rotation');
    assert.ok(fast.requests.length > slow.requests.length);
  });
});

describe('node:cluster workers', () => {
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  before(async () => {
    await upstream.start();
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig('m', [upstream.url])),
      LLM_ROUTER_SERVER_WORKERS_COUNT: '2',
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it('serves with LLM_ROUTER_SERVER_WORKERS_COUNT=2', async () => {
    const results = await load(20, 4, () => chat(gateway.url, 'm'));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200]);
  });
});
