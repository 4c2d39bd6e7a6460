import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { REPLY_TEXT } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { rejection } from '../support/rejection.js';
import { SidecarProcess } from '../support/sidecar-process.js';
import { useStack } from '../support/stack.js';

const sidecar = new SidecarProcess();
const started = sidecar.start();
after(() => sidecar.stop());
const guarded = async (failMode: string) => ({
  LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: '1',
  LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: 'nask_guard',
  LLM_ROUTER_GUARDRAIL_NASK_GUARD_HOST: (await started).url,
  LLM_ROUTER_GUARDRAIL_FAIL_MODE: failMode,
  LLM_ROUTER_SERVICES_MONITOR_INTERVAL_SECONDS: '0.2',
  LLM_ROUTER_USE_PROMETHEUS: '1',
});
const closed = useStack(() => guarded('closed'));
const open = useStack(() => guarded('open'));
const masked = useStack(async () => ({
  LLM_ROUTER_FORCE_MASKING: '1',
  LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'pii_masker',
  LLM_ROUTER_MASKER_PII_HOST: (await started).url,
}));

const ask = (url: string) =>
  new OpenAI({ baseURL: `${url}/v1`, apiKey: 'k', maxRetries: 0 }).chat.completions.create({
    model: chatModel('vllm'),
    messages: [{ role: 'user', content: 'How do I bake bread?' }],
  });
const metrics = async (url: string) => (await fetch(`${url}/metrics`)).text();

async function until(what: string, check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

describe('a sidecar that dies', () => {
  it('passes requests while it is up, then refuses (closed) or passes with a warning (open), then recovers when it is back', async () => {
    assert.equal((await ask(closed.gateway.url)).choices[0]!.message.content, REPLY_TEXT);
    assert.equal((await ask(open.gateway.url)).choices[0]!.message.content, REPLY_TEXT);
    const port = sidecar.port;
    await sidecar.kill();

    const refused = await rejection(ask(closed.gateway.url));
    assert.equal(refused.status, 503);
    assert.equal(refused.code, 'guardrail_unavailable');
    assert.match(refused.message, /nask_guard/);
    const providerCalls = closed.upstream.requests.length;

    const passed = await ask(open.gateway.url);
    assert.equal(passed.choices[0]!.message.content, REPLY_TEXT);
    assert.match(open.gateway.output, /guardrail nask_guard failed; the request passes unchecked/);
    assert.match(await metrics(open.gateway.url), /llm_router_guardrail_failures_total\{plugin="nask_guard"\} [1-9]/);

    const masking = await rejection(
      new OpenAI({ baseURL: `${masked.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 }).chat.completions.create({
        model: chatModel('vllm'),
        messages: [{ role: 'user', content: 'Anna Kowalska' }],
      }),
    );
    assert.equal(masking.status, 503, 'a masker never fails open: nothing unmasked is sent');
    assert.equal(masked.upstream.requests.length, 0);

    await until('the monitor marks it down', async () =>
      /llm_router_sidecar_up\{service="nask_guard"\} 0/.test(await metrics(closed.gateway.url)),
    );
    const fast = performance.now();
    const down = await rejection(ask(closed.gateway.url));
    assert.match(down.message, /nask_guard.*down/);
    assert.ok(performance.now() - fast < 500, 'a service known to be down is not waited for');
    assert.equal(closed.upstream.requests.length, providerCalls, 'nothing unchecked reached the provider');

    await sidecar.start({}, port);
    await until('the monitor sees it back', async () =>
      /llm_router_sidecar_up\{service="nask_guard"\} 1/.test(await metrics(closed.gateway.url)),
    );
    assert.equal((await ask(closed.gateway.url)).choices[0]!.message.content, REPLY_TEXT);
  });
});
