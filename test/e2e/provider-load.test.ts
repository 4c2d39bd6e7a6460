import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';

describe('a provider under a burst larger than its connections', () => {
  const busy = new FakeUpstream();
  const spare = new FakeUpstream();
  const gateway = new GatewayProcess();
  const client = () => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
  const ask = (model: string) =>
    client().chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

  before(async () => {
    await busy.start();
    await spare.start();
    busy.delayMs = 600;
    const provider = (id: string, host: string, max: number) => ({
      id,
      api_host: host,
      api_type: 'openai',
      model_path: 'upstream-ok-openai',
      max_connections: max,
    });
    const config = {
      g: {
        narrow: { providers: [provider('narrow', busy.url, 2)] },
        'narrow-with-spare': { providers: [provider('narrow2', `${busy.url}/`, 1), provider('spare', spare.url, 8)] },
        queued: { providers: [provider('queued', `${busy.url}//`, 4)] },
      },
      active_models: { g: ['narrow', 'narrow-with-spare', 'queued'] },
    };
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(config),
      LLM_ROUTER_USE_PROMETHEUS: '1',
      LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '0.2',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0.1',
    });
  });
  after(async () => {
    await gateway.stop();
    await busy.stop();
    await spare.stop();
  });

  it('answers a clear 503 when every connection stayed busy past the wait, and serves the others', async () => {
    const results = await Promise.allSettled([ask('narrow'), ask('narrow'), ask('narrow')]);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    assert.equal(ok, 2);
    assert.equal(failed.length, 1);
    assert.ok(failed[0] instanceof OpenAI.APIError && failed[0].status === 503, String(failed[0]));
    assert.match(failed[0].message, /all its 2 connections busy/);
  });

  it('sends what does not fit to another provider of the model', async () => {
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => ask('narrow-with-spare')));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'],
    );
    // The one-connection provider cannot take more than one of four at once: the others went on as "busy".
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    assert.match(metrics, /llm_router_retry_total\{model_name="narrow-with-spare",error_code="upstream_busy"\} [1-9]/);
  });

  it('stays healthy while its connections are saturated: probes do not queue behind the answers', async () => {
    const probes = busy.probes;
    // Twelve requests over four connections: three rounds of 600 ms, with health probes every 100 ms meanwhile.
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => ask('queued')));
    const failures = results.filter((r) => r.status === 'rejected');
    // Four fit at once; the wait of 0.2 s sends some away as busy, never as "none is healthy".
    for (const f of failures as PromiseRejectedResult[]) assert.match(String(f.reason), /connections busy/);
    assert.ok(results.some((r) => r.status === 'fulfilled'));
    assert.ok(busy.probes > probes, 'the monitor probed during the burst');
    const after = await ask('queued');
    assert.ok(after.choices[0]?.message.content, 'and the provider is still taken as healthy');
  });
});
