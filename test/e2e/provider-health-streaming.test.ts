import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { poolConfig } from '../support/load.js';
import { until } from '../support/until.js';

// Thousands of long streams send no new answer headers for longer than a probe round, and on a busy machine
// the probe times out behind them (issue 14 saw the only provider marked down with its streams flowing).
describe('a provider whose probes time out while it streams', () => {
  const upstream = new FakeUpstream();
  const gateway = new GatewayProcess();
  const openai = () => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });

  before(async () => {
    await upstream.start();
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig('m', [upstream.url], 'openai')),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0.3',
      LLM_ROUTER_USE_PROMETHEUS: '1',
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  const up = async () =>
    /llm_router_provider_up\{provider="[^"]+"\} 1/.test(await (await fetch(`${gateway.url}/metrics`)).text());

  it('stays up as long as its stream goes on, and serves new requests', async () => {
    await until('the provider probed up', up);
    const stop = upstream.trickle();
    const stream = await openai().chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const reading = (async () => {
      let text = '';
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
      return text;
    })();
    await until('the stream under way', () => upstream.requests.length === 1);
    const answer = upstream.hangProbes();
    const probes = upstream.probes;
    // Rounds do not overlap: a second probe after the hang means the first one timed out (2 s) and was judged.
    await until('a probe timed out and the next one came', () => upstream.probes >= probes + 2, 15_000);
    assert.ok(await up(), 'still up: its stream was flowing when its probe timed out');
    stop();
    assert.ok((await reading).length > 0);
    const next = await openai().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    assert.ok(next.choices[0]?.message.content);
    answer();
  });
});
