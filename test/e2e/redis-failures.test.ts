import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess, runExpectingFailure } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { RedisProcess } from '../support/redis-process.js';
import { until } from '../support/until.js';

/** A gateway's env on a Redis at `port`, with a short command deadline so that a hang shows quickly. */
const onRedis = (port: number | string, more: Record<string, string> = {}) => ({
  LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
  LLM_ROUTER_REDIS_HOST: '127.0.0.1',
  LLM_ROUTER_REDIS_PORT: String(port),
  LLM_ROUTER_REDIS_TIMEOUT_SECONDS: '0.5',
  ...more,
});

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
      ...onRedis(redis.port),
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

describe('LLM_ROUTER_REDIS_FAIL_MODE=local', () => {
  const redis = new RedisProcess();
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  const ask = () =>
    new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0, timeout: 15_000 }).chat.completions.create({
      model: chatModel('openai'),
      messages: [{ role: 'user', content: 'hi' }],
    });
  const storeState = async () => {
    const res = await fetch(`${gateway.url}/api/ready`);
    return { status: res.status, state: ((await res.json()) as { state_store: string }).state_store };
  };

  before(async () => {
    await redis.start();
    await upstream.start();
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
      ...onRedis(redis.port, { LLM_ROUTER_REDIS_FAIL_MODE: 'local' }),
    });
  });
  after(async () => {
    redis.thaw();
    await gateway.stop();
    await upstream.stop();
    await redis.stop();
  });

  it('serves from local state with a warning while Redis hangs, and goes back to it when it answers', async () => {
    assert.ok((await ask()).choices.length);
    assert.deepEqual(await storeState(), { status: 200, state: 'ok' });
    redis.freeze();
    try {
      const answers = await Promise.all(Array.from({ length: 5 }, () => ask()));
      assert.ok(answers.every((a) => a.choices[0]?.message.content));
      assert.match(gateway.output, /Redis does not answer .*serving from this instance's own state/);
      assert.deepEqual(await storeState(), { status: 200, state: 'local' });
    } finally {
      redis.thaw();
    }
    await until('Redis to be used again', async () => {
      await ask();
      return /Redis answers again/.test(gateway.output);
    });
    assert.deepEqual(await storeState(), { status: 200, state: 'ok' });
  });

  it('keeps serving while Redis is gone and picks it up when it is back', async () => {
    const port = redis.port;
    await redis.stop();
    assert.ok((await ask()).choices.length);
    assert.equal((await storeState()).state, 'local');
    await redis.start(port);
    await until('the store to answer again', async () => (await storeState()).state === 'ok');
    assert.ok((await ask()).choices.length);
  });
});

describe('LLM_ROUTER_REDIS_FAIL_MODE and start-up', () => {
  const config = () => GatewayProcess.writeConfig(fakeModelsConfig('http://127.0.0.1:9'));

  it('refuses local state for strategies whose locks must be shared', async () => {
    const { code, output } = await runExpectingFailure({
      LLM_ROUTER_MODELS_CONFIG: config(),
      LLM_ROUTER_REDIS_HOST: '127.0.0.1',
      LLM_ROUTER_REDIS_FAIL_MODE: 'local',
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
    });
    assert.equal(code, 1);
    assert.match(output, /LLM_ROUTER_REDIS_FAIL_MODE=local cannot serve LLM_ROUTER_BALANCE_STRATEGY=first_available/);
  });

  it('keeps trying to reach Redis for LLM_ROUTER_REDIS_STARTUP_RETRY_SECONDS, saying so in one line', async () => {
    const redis = new RedisProcess();
    await redis.start();
    const port = redis.port;
    await redis.stop();
    const gateway = new GatewayProcess();
    const starting = gateway.start({
      LLM_ROUTER_MODELS_CONFIG: config(),
      ...onRedis(port, { LLM_ROUTER_REDIS_STARTUP_RETRY_SECONDS: '60' }),
    });
    try {
      await until('the retry line', () => /cannot reach Redis at .*retrying for up to 60000 ms/.test(gateway.output));
      await redis.start(port);
      await starting;
      assert.equal((await fetch(`${gateway.url}/api/ready`)).status, 200);
      assert.equal(gateway.output.match(/cannot reach Redis/g)?.length, 1, gateway.output);
    } finally {
      await gateway.stop();
      await redis.stop();
    }
  });

  it('starts on local state, with a warning, when Redis is down and the fail mode is local', async () => {
    const gateway = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: config(),
      ...onRedis('9', { LLM_ROUTER_REDIS_FAIL_MODE: 'local' }),
    });
    try {
      assert.match(gateway.output, /Redis does not answer .*own state/);
      const res = await fetch(`${gateway.url}/api/ready`);
      assert.deepEqual(await res.json(), { ready: true, state_store: 'local' });
    } finally {
      await gateway.stop();
    }
  });
});

describe('two gateways with first_available while their Redis hangs', () => {
  const redis = new RedisProcess();
  const upstream = new FakeUpstream();
  const gateways = [new GatewayProcess(), new GatewayProcess()];

  before(async () => {
    await redis.start();
    await upstream.start();
    const config = GatewayProcess.writeConfig(fakeModelsConfig(upstream.url));
    for (const g of gateways) {
      await g.start({
        LLM_ROUTER_MODELS_CONFIG: config,
        ...onRedis(redis.port, {
          LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
          LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '20',
        }),
      });
    }
  });
  after(async () => {
    redis.thaw();
    for (const g of gateways) await g.stop();
    await upstream.stop();
    await redis.stop();
  });

  it('ends every request with an answer or a 503, and never gives the provider two requests at once', async () => {
    upstream.delayMs = 50;
    upstream.maxActive = 0;
    const outcomes: string[] = [];
    const one = async (i: number) => {
      const client = new OpenAI({ baseURL: `${gateways[i % 2]!.url}/v1`, apiKey: 'k', maxRetries: 0 });
      try {
        await client.chat.completions.create({
          model: chatModel('openai'),
          messages: [{ role: 'user', content: 'hi' }],
        });
        outcomes.push('ok');
      } catch (err) {
        const code = (err as { error?: { code?: string } }).error?.code;
        outcomes.push(err instanceof OpenAI.APIError && err.status === 503 ? `503 ${code}` : String(err));
      }
    };
    const load = (async () => {
      for (let round = 0; round < 6; round++) await Promise.all(Array.from({ length: 8 }, (_, i) => one(i)));
    })();
    await until('some answers before the freeze', () => outcomes.includes('ok'));
    redis.freeze();
    await until('a refusal while Redis hangs', () => outcomes.some((o) => o.startsWith('503')), 20_000);
    redis.thaw();
    await load;
    const unexpected = outcomes.filter((o) => o !== 'ok' && o !== '503 state_unavailable');
    assert.deepEqual(unexpected, []);
    assert.equal(upstream.maxActive, 1, 'the provider was given two requests at once');
    upstream.delayMs = 0;
  });
});
