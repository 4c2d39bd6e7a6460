import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chat, load, poolConfig } from '../support/load.js';
import { redisPrefix } from '../support/redis-prefix.js';

describe('three gateways sharing one Redis with first_available', () => {
  const redis = redisPrefix();
  const upstreams = [new FakeUpstream(), new FakeUpstream(), new FakeUpstream()];
  const gateways = [new GatewayProcess(), new GatewayProcess(), new GatewayProcess()];

  before(async () => {
    await Promise.all(upstreams.map((u) => u.start()));
    for (const u of upstreams) u.delayMs = 30;
    const config = GatewayProcess.writeConfig(
      poolConfig(
        'm',
        upstreams.map((u) => u.url),
      ),
    );
    const env = {
      ...redis.env,
      LLM_ROUTER_MODELS_CONFIG: config,
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
      LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '30',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    };
    await Promise.all(gateways.map((g) => g.start(env)));
  });
  after(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await Promise.all(upstreams.map((u) => u.stop()));
    await redis.clean();
  });

  it('never gives one provider two requests at once, and completes every request', async () => {
    const results = await load(90, 24, (i) => chat(gateways[i % 3]!.url, 'm'));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200]);
    assert.deepEqual(
      upstreams.map((u) => u.maxActive),
      [1, 1, 1],
      'a provider served two requests at once',
    );
    assert.equal(
      upstreams.reduce((n, u) => n + u.requests.length, 0),
      90,
    );
    assert.ok(
      upstreams.every((u) => u.requests.length > 0),
      'every provider took part',
    );
  });
});

describe('a gateway that dies holding a lock', () => {
  const redis = redisPrefix();
  const upstream = new FakeUpstream();
  const [a, b] = [new GatewayProcess(), new GatewayProcess()];

  before(async () => {
    await upstream.start();
    upstream.delayMs = 300;
    const config = GatewayProcess.writeConfig(poolConfig('m', [upstream.url]));
    const env = {
      ...redis.env,
      LLM_ROUTER_MODELS_CONFIG: config,
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
      LLM_ROUTER_PROVIDER_LEASE_TTL_SECONDS: '1',
      LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '10',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    };
    await Promise.all([a.start(env), b.start(env)]);
  });
  after(async () => {
    await b.stop();
    await upstream.stop();
    await redis.clean();
  });

  it('frees the provider within the lease TTL', async () => {
    void chat(a.url, 'm').catch(() => undefined);
    while (upstream.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    a.kill();
    const second = await chat(b.url, 'm');
    assert.equal(second.status, 200);
    assert.ok(second.ms >= 500, `the lock held until it expired (${second.ms} ms)`);
    assert.ok(second.ms < 2500, `freed within the TTL (${second.ms} ms)`);
  });
});
