import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess, runExpectingFailure } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { RedisProcess } from '../support/redis-process.js';

describe('a shared Redis that hangs or dies', () => {
  const redis = new RedisProcess();
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  const client = () => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0, timeout: 15_000 });
  const ask = () =>
    client().chat.completions.create({ model: chatModel('openai'), messages: [{ role: 'user', content: 'hi' }] });

  before(async () => {
    await redis.start();
    await upstream.start();
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
      LLM_ROUTER_REDIS_HOST: '127.0.0.1',
      LLM_ROUTER_REDIS_PORT: String(redis.port),
      LLM_ROUTER_REDIS_TIMEOUT_SECONDS: '0.5',
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
    await redis.stop();
  });

  const ready = async () => {
    const res = await fetch(`${gateway.url}/api/ready`);
    return { status: res.status, body: await res.json() };
  };

  it('answers, and says it is ready, while Redis answers', async () => {
    assert.ok((await ask()).choices[0]?.message.content);
    assert.deepEqual(await ready(), { status: 200, body: { ready: true, state_store: 'ok' } });
  });

  it('refuses with a 503 and Retry-After within its timeout while Redis is paused, not after the pause', async () => {
    await redis.pause(30_000);
    const err = await ask().catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.APIError && err.status === 503, String(err));
    assert.equal((err.error as { code?: string } | undefined)?.code, 'state_unavailable');
    assert.ok(err.headers?.get('retry-after'));
    assert.deepEqual(await ready(), { status: 503, body: { ready: false, state_store: 'unreachable' } });
  });

  it('answers 503, not 500, when Redis is gone', async () => {
    await redis.stop();
    const err = await ask().catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.APIError && err.status === 503, String(err));
  });
});

describe('start-up against a Redis that does not answer', () => {
  const redis = new RedisProcess();
  before(() => redis.start());
  after(() => redis.stop());

  it('stops with one line saying Redis is unreachable, instead of hanging', async () => {
    await redis.pause(30_000);
    const { code, output } = await runExpectingFailure({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig('http://127.0.0.1:9')),
      LLM_ROUTER_REDIS_HOST: '127.0.0.1',
      LLM_ROUTER_REDIS_PORT: String(redis.port),
      LLM_ROUTER_REDIS_TIMEOUT_SECONDS: '0.5',
    });
    assert.equal(code, 1);
    assert.match(output, /cannot reach Redis at 127\.0\.0\.1:\d+/);
    assert.equal(output.trim().split('\n').length, 1, output);
  });
});
