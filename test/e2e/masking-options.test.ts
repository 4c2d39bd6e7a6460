import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { ECHO_PREFIX } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { rejection } from '../support/rejection.js';
import { useStack } from '../support/stack.js';

const optIn = useStack({ LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });
const noRestore = useStack({
  LLM_ROUTER_FORCE_MASKING: 'tak',
  LLM_ROUTER_MASKING_STRATEGY_PIPELINE: ' fast_masker , ',
  LLM_ROUTER_MASKING_RESTORE: 'nie',
});

const plain = useStack({});

const PROMPT = 'Call 600 123 456 or mail jan.kowalski@example.com';

async function chat(url: string, extra: object = {}) {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: chatModel('vllm', 'echo'), messages: [{ role: 'user', content: PROMPT }], ...extra }),
  });
  return ((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
}

describe('masking options', () => {
  it('masks only requests that ask with "anonymize": true, and never forwards the flag', async () => {
    assert.equal(await chat(optIn.gateway.url), ECHO_PREFIX + PROMPT);
    assert.ok(JSON.stringify(optIn.upstream.last().body).includes('jan.kowalski@example.com'), 'not asked: sent as is');
    assert.equal(await chat(optIn.gateway.url, { anonymize: true }), ECHO_PREFIX + PROMPT);
    const sent = optIn.upstream.last().body;
    assert.ok(!JSON.stringify(sent).includes('jan.kowalski@example.com'));
    assert.equal(sent['anonymize'], undefined);
  });

  it('leaves placeholders in the answer with LLM_ROUTER_MASKING_RESTORE off', async () => {
    assert.equal(await chat(noRestore.gateway.url), `${ECHO_PREFIX}Call {{PHONE_1}} or mail {{EMAIL_1}}`);
  });

  it('refuses "anonymize": true where no masker is configured, in every dialect, and sends nothing', async () => {
    const url = plain.gateway.url;
    const before = plain.upstream.requests.length;
    const messages = [{ role: 'user' as const, content: PROMPT }];
    const o = await rejection(
      new OpenAI({ baseURL: `${url}/v1`, apiKey: 'k', maxRetries: 0 }).chat.completions.create({
        model: chatModel('vllm', 'echo'),
        messages,
        anonymize: true,
      } as OpenAI.ChatCompletionCreateParamsNonStreaming),
    );
    assert.ok(o instanceof OpenAI.BadRequestError);
    assert.equal(o.code, 'masking_not_configured');
    assert.equal(o.param, 'anonymize');
    assert.match(o.message, /LLM_ROUTER_MASKING_STRATEGY_PIPELINE/);
    const a = await rejection(
      new Anthropic({ baseURL: url, apiKey: 'k', maxRetries: 0 }).messages.create({
        model: chatModel('anthropic', 'echo'),
        max_tokens: 9,
        messages,
        anonymize: true,
      } as Anthropic.MessageCreateParamsNonStreaming),
    );
    assert.ok(a instanceof Anthropic.BadRequestError);
    const l = await rejection(
      new Ollama({ host: url }).chat({
        model: chatModel('ollama', 'echo'),
        messages,
        stream: false,
        anonymize: true,
      } as never),
    );
    assert.equal(l.status_code, 400);
    assert.equal(plain.upstream.requests.length, before, 'no provider was called');
  });

  it('takes only a boolean flag: "anonymize": "true" is a 400 naming the field, not a request sent in clear', async () => {
    const before = optIn.upstream.requests.length;
    const res = await fetch(`${optIn.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: chatModel('vllm', 'echo'),
        messages: [{ role: 'user', content: PROMPT }],
        anonymize: 'true',
      }),
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { param: string; code: string } };
    assert.equal(body.error.param, 'anonymize');
    assert.equal(body.error.code, 'invalid_value');
    assert.equal(optIn.upstream.requests.length, before, 'nothing was sent');
  });

  it("gives a client's own literal placeholder back untouched, beside the restored value", async () => {
    const res = await fetch(`${optIn.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: chatModel('vllm', 'echo'),
        messages: [{ role: 'user', content: 'Fill {{EMAIL_1}} with jan.kowalski@example.com' }],
        anonymize: true,
      }),
    });
    const body = (await res.json()) as { choices: Array<{ message: { content: string } }> };
    assert.equal(body.choices[0]!.message.content, `${ECHO_PREFIX}Fill {{EMAIL_1}} with jan.kowalski@example.com`);
    assert.ok(JSON.stringify(optIn.upstream.last().body).includes('Fill {{EMAIL_1}} with {{EMAIL_2}}'));
  });
});
