import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { until } from '../support/until.js';

// The busy backend holds its requests until the test lets them go, so "every connection busy" is a state the
// test waits for, not a race against a delay.
describe('a provider under a burst larger than its connections', () => {
  const busy = new FakeUpstream();
  const spare = new FakeUpstream();
  const gateway = new GatewayProcess();
  const client = () => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
  const ask = (model: string) =>
    client().chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
  const settled = <T>(p: Promise<T>) => {
    const state = { done: false, ok: false, error: null as unknown };
    const promise = p.then(
      () => Object.assign(state, { done: true, ok: true }),
      (error: unknown) => Object.assign(state, { done: true, error }),
    );
    return { state, promise };
  };

  before(async () => {
    await busy.start();
    await spare.start();
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
    const release = busy.hold();
    const first = [settled(ask('narrow')), settled(ask('narrow'))];
    await until('both connections to be busy', () => busy.active === 2);
    const third = settled(ask('narrow'));
    await third.promise;
    release();
    await Promise.all(first.map((f) => f.promise));
    assert.ok(
      first.every((f) => f.state.ok),
      'the two that had a connection are answered',
    );
    const err = third.state.error;
    assert.ok(err instanceof OpenAI.APIError && err.status === 503, String(err));
    assert.match(err.message, /all its 2 connections busy/);
  });

  it('sends what does not fit to another provider of the model', async () => {
    const release = busy.hold();
    const asked = Array.from({ length: 4 }, () => settled(ask('narrow-with-spare')));
    // The one-connection provider holds one request; the others end up at the spare, directly or as "busy".
    await until(
      'one request held, three answered by the spare',
      () => busy.active === 1 && asked.filter((a) => a.state.done).length === 3,
    );
    release();
    await Promise.all(asked.map((a) => a.promise));
    assert.ok(asked.every((a) => a.state.ok));
    // Whether a request tried the full provider first (and was retried as "busy") or was sent to the spare at
    // once depends on when it arrived; either way the spare answered the three that did not fit, and a retry,
    // when there was one, was counted as busy, never as a failure of the provider.
    assert.equal(spare.requests.length, 3);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const retries = [
      ...metrics.matchAll(/llm_router_retry_total\{model_name="narrow-with-spare",error_code="(\w+)"\}/g),
    ];
    assert.ok(
      retries.every((m) => m[1] === 'upstream_busy'),
      retries.map((m) => m[0]).join('\n'),
    );
  });

  it('stays healthy while its connections are saturated: probes do not queue behind the answers', async () => {
    const release = busy.hold();
    const asked = Array.from({ length: 12 }, () => settled(ask('queued')));
    await until(
      'four held and eight sent away as busy',
      () => busy.active === 4 && asked.filter((a) => a.state.done).length === 8,
    );
    const probes = busy.probes;
    // The monitor keeps probing while all four connections are held: its probes do not wait behind them.
    await until('two more health probes', () => busy.probes >= probes + 2);
    release();
    await Promise.all(asked.map((a) => a.promise));
    const failures = asked.filter((a) => !a.state.ok).map((a) => String(a.state.error));
    assert.equal(failures.length, 8);
    for (const f of failures) assert.match(f, /connections busy/, 'busy, never "none is healthy"');
    const after = await ask('queued');
    assert.ok(after.choices[0]?.message.content, 'and the provider is still taken as healthy');
  });
});
