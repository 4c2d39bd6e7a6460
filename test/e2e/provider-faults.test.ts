import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { REPLY_TEXT } from '../support/fake-replies.js';
import { FakeUpstream } from '../support/fake-upstream.js';
import { FAULT_SECRET, type Fault, FaultUpstream } from '../support/fault-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';

const FAMILIES = ['openai', 'anthropic', 'ollama'] as const;

/** Each family's model: the fault backend first, a healthy one behind it. */
function config(fault: string, good: string) {
  const group: Record<string, unknown> = {};
  for (const type of FAMILIES)
    group[`faulty-${type}`] = {
      providers: [
        { id: `fault-${type}`, api_host: fault, api_type: type, api_token: FAULT_SECRET, model_path: 'm' },
        { id: `good-${type}`, api_host: good, api_type: type, model_path: `upstream-ok-${type}` },
      ],
    };
  group['only-fault'] = { providers: [{ id: 'lonely', api_host: fault, api_type: 'openai', model_path: 'm' }] };
  for (const type of FAMILIES)
    group[`lonely-${type}`] = {
      providers: [{ id: `lonely-${type}`, api_host: fault, api_type: type, model_path: 'm' }],
    };
  return { g: group, active_models: { g: Object.keys(group) } };
}

describe('provider answers that are not what they seem', () => {
  const fault = new FaultUpstream();
  const good = new FakeUpstream();
  const gateway = new GatewayProcess();
  const openai = () => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });

  before(async () => {
    await fault.start();
    await good.start();
    await gateway.start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(config(fault.url, good.url)),
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
      LLM_ROUTER_CIRCUIT_BREAKER_FAILURES: '1000',
      LLM_ROUTER_FIRST_TOKEN_TIMEOUT: '0.5',
      LLM_ROUTER_MAX_RESPONSE_BODY_SIZE: '50000',
      // Held until the second event, however busy the machine: the faults' second part comes 30 ms later.
      LLM_ROUTER_STREAM_HOLD_MS: '5000',
    });
  });
  after(async () => {
    await gateway.stop();
    await fault.stop();
    await good.stop();
  });

  /** A streamed chat read to its end or its error: the text, the finish reasons and what was thrown. */
  async function readStream(model: string): Promise<{ text: string; finishes: unknown[]; err: unknown }> {
    let text = '';
    const finishes: unknown[] = [];
    const err = await (async () => {
      for await (const c of await openai().chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      })) {
        text += c.choices[0]?.delta.content ?? '';
        if (c.choices[0]?.finish_reason) finishes.push(c.choices[0].finish_reason);
      }
    })().catch((e: unknown) => e);
    return { text, finishes, err };
  }

  async function failsOver(f: Fault, stream: boolean, type: (typeof FAMILIES)[number]): Promise<void> {
    fault.fault = f;
    const before = fault.calls;
    const request = { model: `faulty-${type}`, messages: [{ role: 'user' as const, content: 'hi' }] };
    let text = '';
    if (stream) {
      for await (const c of await openai().chat.completions.create({ ...request, stream: true }))
        text += c.choices[0]?.delta.content ?? '';
    } else {
      const { data, response } = await openai().chat.completions.create(request).withResponse();
      text = data.choices[0]?.message.content ?? '';
      assert.equal(response.headers.get('x-llm-router-fallback'), 'true');
      assert.ok(!JSON.stringify(data).includes(FAULT_SECRET));
    }
    assert.equal(fault.calls, before + 1, 'the faulty provider was tried first');
    assert.equal(text, REPLY_TEXT, `${f} → the healthy provider answered`);
  }

  for (const type of FAMILIES) {
    for (const f of ['redirect', 'accepted', 'huge'] as const)
      it(`${type}: a ${f} answer is a provider fault and fails over`, () => failsOver(f, false, type));
    for (const f of ['redirect', 'accepted', 'html-stream', 'empty-stream', 'error-first', 'stall', 'huge'] as const)
      it(`${type}, streamed: ${f} fails over before the client's headers`, () => failsOver(f, true, type));
  }
  it('openai, streamed: a stream of nothing but [DONE] fails over', () => failsOver('done-only', true, 'openai'));

  // Held until its second event (LLM_ROUTER_STREAM_HOLD_MS), a stream that breaks right after its first still
  // fails over: the client sees the healthy provider's answer, not half of one and an error.
  for (const type of FAMILIES)
    for (const f of ['one-then-cut', 'one-then-junk'] as const)
      it(`${type}, streamed: ${f} right after the first event fails over`, () => failsOver(f, true, type));

  it('with no provider left, a stream broken right after its first event is a clear 502, not half an answer', async () => {
    fault.fault = 'one-then-cut';
    const { text, err } = await readStream('only-fault');
    assert.ok(err instanceof OpenAI.APIError, String(err));
    assert.equal(err.status, 502);
    assert.equal(text, '', 'nothing of the broken answer reached the client');
  });

  for (const type of FAMILIES) {
    it(`${type}: a stream cut without its end reaches the client as an error, never as a finished answer`, async () => {
      fault.fault = 'no-end';
      const { text, finishes, err } = await readStream(`faulty-${type}`);
      assert.ok(err instanceof Error, 'the stream ends in an error');
      assert.equal(text, 'Half an ');
      assert.deepEqual(finishes, [], 'no finish reason is made up');
    });
  }

  it("a provider's error event mid-stream reaches the client scrubbed, in the client's dialect", async () => {
    fault.fault = 'error-mid';
    const { text, err } = await readStream('only-fault');
    assert.equal(text, 'Half an ');
    assert.ok(err instanceof Error, String(err));
    assert.match(err.message, /crashed reading/);
    for (const leak of ['gpu-7', '/srv/models', FAULT_SECRET]) assert.ok(!err.message.includes(leak), err.message);
  });

  // Backends that send an error mid-stream and then end as if all went well: every client sees the error.
  for (const type of FAMILIES) {
    it(`an error event mid-stream from a ${type} backend ends every client's stream in an error, not a success`, async () => {
      fault.fault = 'error-mid';
      const model = `lonely-${type}`;
      const ask = [{ role: 'user' as const, content: 'hi' }];
      const leaks = (message: string) => ['gpu-7', '/srv/models', FAULT_SECRET].filter((l) => message.includes(l));
      const outcomes: Record<string, string> = {};
      const settle = async (name: string, run: () => Promise<unknown>) => {
        outcomes[name] = await run().then(
          () => 'success',
          (e: unknown) => (leaks((e as Error).message).length ? `leaked: ${(e as Error).message}` : 'error'),
        );
      };
      await settle('openai', async () => {
        for await (const c of await openai().chat.completions.create({ model, messages: ask, stream: true })) void c;
      });
      await settle('anthropic', () =>
        new Anthropic({ baseURL: gateway.url, apiKey: 'k', maxRetries: 0 }).messages
          .stream({ model, max_tokens: 9, messages: ask })
          .finalMessage(),
      );
      await settle('responses', () => openai().responses.stream({ model, input: 'hi' }).finalResponse());
      await settle('ollama', async () => {
        for await (const p of await new Ollama({ host: gateway.url }).chat({ model, messages: ask, stream: true }))
          void p;
      });
      assert.deepEqual(outcomes, { openai: 'error', anthropic: 'error', responses: 'error', ollama: 'error' });
    });
  }

  it('anthropic client: a cut stream ends in an error event, not message_stop', async () => {
    fault.fault = 'no-end';
    const client = new Anthropic({ baseURL: gateway.url, apiKey: 'k', maxRetries: 0 });
    const stream = client.messages.stream({
      model: 'faulty-openai',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const err = await stream.finalMessage().catch((e: unknown) => e);
    assert.ok(err instanceof Error, String(err));
  });

  for (const f of ['limit-once', 'error-once'] as const)
    for (const stream of [false, true])
      it(`the only provider gets one more try after a ${f === 'limit-once' ? '429 with a short Retry-After' : 'one-off 503'}${stream ? ', streamed' : ''}`, async () => {
        fault.fault = f;
        fault.onceDone = false;
        const before = fault.calls;
        let text = '';
        const request = { model: 'only-fault', messages: [{ role: 'user' as const, content: 'hi' }] };
        if (stream)
          for await (const c of await openai().chat.completions.create({ ...request, stream: true }))
            text += c.choices[0]?.delta.content ?? '';
        else text = (await openai().chat.completions.create(request)).choices[0]?.message.content ?? '';
        assert.equal(text, 'second time lucky');
        assert.equal(fault.calls, before + 2);
      });

  it('a redirect from the only provider is a 502, not a 200, and its body is not passed on', async () => {
    fault.fault = 'redirect';
    const err = await openai()
      .chat.completions.create({ model: 'only-fault', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.APIError && err.status === 502, String(err));
    assert.match(err.message, /HTTP 302 \(a redirect, which is not followed\)/);
    assert.ok(!err.message.includes(FAULT_SECRET));
  });
});
