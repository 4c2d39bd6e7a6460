import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { until } from '../support/until.js';

const ask = [{ role: 'user' as const, content: 'Hi' }];

/** Reads a whole OpenAI stream with the official client: its text, or the error it ended with. */
async function readOpenAIStream(client: OpenAI, model: string): Promise<{ text: string; error: string | null }> {
  let text = '';
  try {
    const stream = await client.chat.completions.create({ model, messages: ask, stream: true });
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return { text, error: null };
  } catch (err) {
    return { text, error: (err as Error).message };
  }
}

async function gatewayOn(upstream: FakeUpstream, env: Record<string, string> = {}): Promise<GatewayProcess> {
  return new GatewayProcess().start({
    LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
    LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    ...env,
  });
}

describe('SIGTERM drains the gateway', () => {
  let upstream: FakeUpstream;
  before(async () => {
    upstream = await new FakeUpstream().start();
  });
  after(async () => upstream.stop());

  for (const workers of ['1', '2']) {
    it(`lets streams and requests in flight finish, refuses new connections, exits 0 (${workers} worker(s))`, async () => {
      const gateway = await gatewayOn(upstream, { LLM_ROUTER_SERVER_WORKERS_COUNT: workers });
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
      await until('every worker to listen', () => gateway.output.split('listening on').length > Number(workers));
      const resume = upstream.pauseStreams();
      let release = () => {};
      try {
        const streams = [1, 2, 3].map(() => readOpenAIStream(client, chatModel('openai')));
        await until('three streams in flight', () => upstream.pausedStreams === 3);
        release = upstream.hold();
        const unary = client.chat.completions.create({ model: chatModel('anthropic'), messages: ask });
        await until('a whole answer in flight', () => upstream.active === 4);
        gateway.signal('SIGTERM');
        await until('the gateway to start draining', () => /draining/.test(gateway.output));
        await until('new connections to be refused', () =>
          fetch(`${gateway.url}/api/ping`).then(
            () => false,
            () => true,
          ),
        );
        release();
        resume();
        for (const s of await Promise.all(streams)) {
          assert.equal(s.error, null);
          assert.ok(s.text.length > 0);
        }
        assert.ok((await unary).choices[0]?.message.content);
        assert.equal(await gateway.exited(), 0, gateway.output);
      } finally {
        resume();
        release();
        await gateway.kill();
      }
    });
  }

  it('ends what is still running at LLM_ROUTER_SHUTDOWN_TIMEOUT_SECONDS with an error in its dialect', async () => {
    const gateway = await gatewayOn(upstream, { LLM_ROUTER_SHUTDOWN_TIMEOUT_SECONDS: '0.5' });
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'k', maxRetries: 0 });
    const resume = upstream.pauseStreams();
    try {
      const openaiStream = readOpenAIStream(openai, chatModel('vllm'));
      const anthropicStream = (async () => {
        const events: string[] = [];
        try {
          const stream = await anthropic.messages.create({
            model: chatModel('ollama'),
            max_tokens: 9,
            messages: ask,
            stream: true,
          });
          for await (const e of stream) events.push(e.type);
          return { events, error: null };
        } catch (err) {
          return { events, error: (err as Error).message };
        }
      })();
      await until('two streams in flight', () => upstream.pausedStreams === 2);
      gateway.signal('SIGTERM');
      const [o, a] = await Promise.all([openaiStream, anthropicStream]);
      assert.match(o.error ?? '', /shutting down/);
      assert.match(a.error ?? '', /shutting down/);
      assert.ok(a.events.includes('message_start'), 'the answer had begun');
      assert.equal(await gateway.exited(), 0, gateway.output);
      assert.match(gateway.output, /2 requests ended with shutting_down/);
      // The provider cut by the gateway is not held to blame: no stream-broken warning for it.
      assert.doesNotMatch(gateway.output, /stream ended early: upstream/);
    } finally {
      resume();
      await gateway.kill();
    }
  });
});
